package dev.weft.rag.answer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** How citation markers are read, by example: syntax, code, attribution to sentences, cleaning. */
class CitationMarkersTest {

    private static List<List<Integer>> numbers(CitationMarkers.Parsed parsed) {
        return parsed.claims().stream().map(CitationMarkers.ParsedClaim::numbers).toList();
    }

    @Test
    void readsSingleListedAndAdjacentMarkers() {
        CitationMarkers.Parsed p = CitationMarkers.parse("A is true [1, 3]. B holds [1][2]. C too [2;4]. D [3,1].", 4);

        assertThat(numbers(p)).containsExactly(List.of(1, 3), List.of(1, 2), List.of(2, 4), List.of(1, 3));
        assertThat(p.claims()).extracting(CitationMarkers.ParsedClaim::text)
                .containsExactly("A is true.", "B holds.", "C too.", "D.");
        assertThat(p.invalidCitations()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"[ 1]", "[1 ]", "[1-3]", "[1,]", "[,1]", "[]", "[a1]", "[١]", "［1］", "(1)", "[1 ,2]", "[^1]"})
    void otherBracketsAreText(String notAMarker) {
        CitationMarkers.Parsed p = CitationMarkers.parse("Claim " + notAMarker + " here.", 9);

        assertThat(p.text()).isEqualTo("Claim " + notAMarker + " here.");
        assertThat(numbers(p)).containsExactly(List.of());
        assertThat(p.invalidCitations()).isZero();
    }

    @Test
    void markersInsideCodeAreCode() {
        String text = "Index with `list[2]` first [1].\n```\nint x = a[9];\n```\nDone [1].";
        CitationMarkers.Parsed p = CitationMarkers.parse(text, 1);

        assertThat(p.invalidCitations()).isZero();
        assertThat(p.text()).isEqualTo(text);
        assertThat(p.claims().getFirst()).isEqualTo(new CitationMarkers.ParsedClaim("Index with `list[2]` first.", List.of(1)));
    }

    @Test
    void anUnclosedBacktickIsText() {
        CitationMarkers.Parsed p = CitationMarkers.parse("A ` quote [9] and [1].", 1);

        assertThat(p.invalidCitations()).isEqualTo(1);
        assertThat(p.text()).isEqualTo("A ` quote and [1].");
    }

    @Test
    void aMarkerAtTheStartOfASentenceCitesForTheSentenceBefore() {
        CitationMarkers.Parsed p = CitationMarkers.parse("It is large. [2] Next one [1].\n[3] Third.", 3);

        assertThat(p.claims()).containsExactly(
                new CitationMarkers.ParsedClaim("It is large.", List.of(2)),
                new CitationMarkers.ParsedClaim("Next one.", List.of(1, 3)),
                new CitationMarkers.ParsedClaim("Third.", List.of()));
    }

    @Test
    void aMarkerBeforeAnyTextCitesForTheFirstSentence() {
        assertThat(CitationMarkers.parse("[1] Paris is the capital.", 1).claims())
                .containsExactly(new CitationMarkers.ParsedClaim("Paris is the capital.", List.of(1)));
    }

    @Test
    void lineBreaksEndSentencesAndWordlessLinesAreNotClaims() {
        CitationMarkers.Parsed p = CitationMarkers.parse("Options:\n- Item one [1]\n- Item two\n  --- [2]\n", 2);

        assertThat(p.claims()).containsExactly(
                new CitationMarkers.ParsedClaim("Options:", List.of()),
                new CitationMarkers.ParsedClaim("- Item one", List.of(1)),
                new CitationMarkers.ParsedClaim("- Item two", List.of(2)));
    }

    @Test
    void repeatedNumbersAreCitedOnce() {
        CitationMarkers.Parsed p = CitationMarkers.parse("A [2][2] [2, 1].", 2);

        assertThat(numbers(p)).containsExactly(List.of(1, 2));
    }

    @Test
    void invalidNumbersAreCountedAndRemovedWithTheSpaceBeforeThem() {
        assertThat(CitationMarkers.parse("France [7]. Paris [1, 7, 0].", 1))
                .isEqualTo(new CitationMarkers.Parsed("France. Paris [1].", List.of(
                        new CitationMarkers.ParsedClaim("France.", List.of()),
                        new CitationMarkers.ParsedClaim("Paris.", List.of(1))), 3));
        assertThat(CitationMarkers.parse("[7] Start here.", 1).text()).isEqualTo("Start here.");
        assertThat(CitationMarkers.parse("a [7]b", 1).text()).isEqualTo("a b");
        assertThat(CitationMarkers.parse("Huge [99999999999999999999] numbers [0].", 5).invalidCitations()).isEqualTo(2);
    }

    @Test
    void aRemovalThatWouldFuseItsNeighboursIsNotMade() {
        CitationMarkers.Parsed fusedMarker = CitationMarkers.parse("See [1[9]] here.", 1);
        assertThat(fusedMarker.text()).isEqualTo("See [1[9]] here.");
        assertThat(fusedMarker.invalidCitations()).isEqualTo(1);

        CitationMarkers.Parsed fusedCode = CitationMarkers.parse("Odd ``[9]` ticks.", 1);
        assertThat(fusedCode.text()).isEqualTo("Odd ``[9]` ticks.");

        // Dropping the tab before [1] would turn "[0" + "]" into a marker.
        assertThat(CitationMarkers.parse("x [0\t[1]] y", 0).text()).isEqualTo("x [0\t[1]] y");
    }

    @Test
    void aMarkerBeforeARemovedOneKeepsItsSentence() {
        assertThat(CitationMarkers.parse("First line  [1][0]\nSecond line.", 1).claims()).containsExactly(
                new CitationMarkers.ParsedClaim("First line", List.of(1)),
                new CitationMarkers.ParsedClaim("Second line.", List.of()));
    }

    @Test
    void withNoSourcesEveryNumberIsInvalid() {
        CitationMarkers.Parsed p = CitationMarkers.parse("Nothing [1] to cite [2, 3].", 0);

        assertThat(p.invalidCitations()).isEqualTo(3);
        assertThat(p.text()).isEqualTo("Nothing to cite.");
        assertThat(numbers(p)).containsExactly(List.of());
    }

    @Test
    void emptyAndWordlessTextsHaveNoClaims() {
        assertThat(CitationMarkers.parse("", 3)).isEqualTo(new CitationMarkers.Parsed("", List.of(), 0));
        assertThat(CitationMarkers.parse(" [1] ... [2]", 3).claims()).isEmpty();
    }
}
