package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For generated multisets of answers, each sample written with its own case, spacing and trailing punctuation and
 * some samples blank (abstaining), the vote picks the true mode, the earliest-appearing one among equals, with the
 * tally and confidence of a brute-force count written here. The case's seed is in its name.
 */
class MajorityVotePropertyTest {

    /** The distinct answers (already normal) and, per sample, which one it gives (-1: a blank sample). */
    record Scenario(List<String> answers, List<Integer> picks, List<String> written) {}

    static Stream<Arguments> scenarios() {
        return Generated.cases(200, MajorityVotePropertyTest::scenario);
    }

    static Scenario scenario(Random r) {
        Set<String> answers = new LinkedHashSet<>();
        int k = r.intRange(1, 5);
        while (answers.size() < k) {
            answers.add(word(r) + (r.trueOrFalse() ? "" : " " + word(r)));
        }
        List<String> distinct = List.copyOf(answers);
        int n = r.intRange(1, 15);
        List<Integer> picks = new ArrayList<>();
        List<String> written = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int pick = r.trueOrFalse(0.1) ? -1 : r.intRange(0, k - 1);
            picks.add(pick);
            written.add(pick < 0 ? r.oneOf("", "  ", "\n", "?!") : variant(r, distinct.get(pick)));
        }
        if (!picks.stream().anyMatch(p -> p >= 0)) {
            picks.set(0, 0);
            written.set(0, distinct.get(0));
        }
        return new Scenario(distinct, picks, written);
    }

    static String word(Random r) {
        return r.lowerCaseAlphabetic(r.intRange(1, 6)) + (r.trueOrFalse(0.3) ? r.digits(2) : "");
    }

    /** {@code answer} as a model might write it: cased at random, spaces doubled or made non-breaking, punctuated. */
    static String variant(Random r, String answer) {
        StringBuilder sb = new StringBuilder(r.trueOrFalse() ? "" : r.oneOf(" ", "\t", "\u00A0"));
        for (char c : answer.toCharArray()) {
            if (c == ' ') {
                sb.append(r.oneOf(" ", "  ", "\u00A0", " \n "));
            } else {
                sb.append(r.trueOrFalse() ? Character.toUpperCase(c) : c);
            }
        }
        sb.append(r.oneOf("", ".", "!", "?", " .", "...", "\u3002", ")."));
        return sb.append(r.trueOrFalse() ? "" : r.oneOf(" ", "\n")).toString();
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void theVotePicksTheModeWithItsShare(Scenario s) {
        ScriptedChatModel model = ScriptedChatModel.named("m");
        s.written().forEach(model::thenAnswer);

        ConsistentAnswer vote = SelfConsistency.builder(model).samples(s.written().size()).build().vote(ChatRequest.of("q"));

        Map<String, Integer> counts = new LinkedHashMap<>();
        for (int pick : s.picks()) {
            if (pick >= 0) {
                counts.merge(s.answers().get(pick), 1, Integer::sum);
            }
        }
        String mode = null;
        for (Map.Entry<String, Integer> e : counts.entrySet()) { // insertion order = order of first appearance
            if (mode == null || e.getValue() > counts.get(mode)) {
                mode = e.getKey();
            }
        }
        assertThat(vote.answer()).as("written %s", s.written()).isEqualTo(mode);
        assertThat(vote.tally()).isEqualTo(counts);
        assertThat(vote.confidence()).isEqualTo((double) counts.get(mode) / s.written().size());
        assertThat(vote.response().text()).isEqualTo(s.written().get(s.picks().indexOf(s.answers().indexOf(mode))));
    }
}
