package dev.weft.langchain4j;

import static dev.langchain4j.store.embedding.filter.MetadataFilterBuilder.metadataKey;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.store.embedding.filter.comparison.IsIn;
import dev.langchain4j.store.embedding.filter.comparison.IsNotIn;
import dev.weft.core.InvalidInputException;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.Metadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Translated filters decide exactly as the originals: Weft's reference semantics ({@link Filter#test}) against
 * LangChain4j's ({@code Filter.test}, which its in-memory store uses), on generated filters and metadata. Each key
 * holds one type, as the bridge documents.
 */
class FilterTranslationTest {
    private static final String[] LANGS = {"en", "fr", "de"};

    static Stream<Integer> seeds() {
        return IntStream.range(0, 25).boxed();
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void weftFiltersDecideTheSameInLangChain4jTerms(int seed) {
        Random random = new Random(seed);
        List<Metadata> metadata = IntStream.range(0, 40).mapToObj(i -> metadata(random)).toList();
        for (int f = 0; f < 30; f++) {
            Filter filter = weftFilter(random, 0);
            FilterTranslation.Translated translated = FilterTranslation.toLangChain4j(filter);
            for (Metadata m : metadata) {
                boolean expected = filter.test(m);
                boolean actual = translated.matchesAll() || (!translated.matchesNothing()
                        && translated.filter().test(MetadataTranslation.toLangChain4jForStorage(m, "test")));
                assertThat(actual).as("seed %d: %s on %s, translated to %s", seed, filter, m, translated).isEqualTo(expected);
            }
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void langChain4jFiltersDecideTheSameInWeftTerms(int seed) {
        Random random = new Random(1000 + seed);
        List<Metadata> metadata = IntStream.range(0, 40).mapToObj(i -> metadata(random)).toList();
        for (int f = 0; f < 30; f++) {
            dev.langchain4j.store.embedding.filter.Filter filter = langChain4jFilter(random, 0);
            Filter translated = FilterTranslation.toWeft(filter);
            for (Metadata m : metadata) {
                boolean expected = filter.test(MetadataTranslation.toLangChain4jForStorage(m, "test"));
                assertThat(translated.test(m)).as("seed %d: %s on %s, translated to %s", seed, filter, m, translated)
                        .isEqualTo(expected);
            }
        }
    }

    @Test
    void uuidsCompareAsTheStringsTheyAreStoredAs() {
        UUID id = UUID.nameUUIDFromBytes(new byte[] {1});

        Filter filter = FilterTranslation.toWeft(metadataKey("owner").isEqualTo(id));

        assertThat(filter.test(Metadata.of("owner", id.toString()))).isTrue();
    }

    @Test
    void whatWeftCannotExpressIsRefusedByName() {
        assertThatThrownBy(() -> FilterTranslation.toWeft(metadataKey("title").containsString("intro")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("containsString");
        assertThatThrownBy(() -> FilterTranslation.toWeft(metadataKey("lang").isGreaterThan("en")))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("isGreaterThan").hasMessageContaining("number");
        assertThatThrownBy(() -> FilterTranslation.toWeft(metadata -> true))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("not supported");
    }

    @Test
    void constantsFoldBecauseLangChain4jHasNoConstantFilter() {
        assertThat(FilterTranslation.toLangChain4j(null).matchesAll()).isTrue();
        assertThat(FilterTranslation.toLangChain4j(Filter.and()).matchesAll()).isTrue();
        assertThat(FilterTranslation.toLangChain4j(Filter.or()).matchesNothing()).isTrue();
        assertThat(FilterTranslation.toLangChain4j(Filter.eq("draft", true)).matchesNothing()).isTrue();
        assertThat(FilterTranslation.toLangChain4j(Filter.not(Filter.eq("draft", true))).matchesAll()).isTrue();
        assertThat(FilterTranslation.toLangChain4j(Filter.and(Filter.or(), Filter.eq("lang", "en"))).matchesNothing()).isTrue();
    }

    @Test
    void booleanMetadataCannotBeStoredInLangChain4j() {
        assertThatThrownBy(() -> MetadataTranslation.toLangChain4jForStorage(Metadata.of("draft", true), "chunk 'c1'"))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("'draft'").hasMessageContaining("chunk 'c1'");
        assertThat(MetadataTranslation.toLangChain4jForReading(Metadata.of("draft", true)).getString("draft"))
                .isEqualTo("true");
    }

    // ---- generators: "lang" holds strings, "year" whole numbers, "score" decimals (some integral); keys may be absent

    private static Metadata metadata(Random random) {
        Map<String, Object> values = new LinkedHashMap<>();
        if (random.nextInt(5) > 0) {
            values.put("lang", LANGS[random.nextInt(LANGS.length)]);
        }
        if (random.nextInt(5) > 0) {
            values.put("year", 2018L + random.nextInt(8));
        }
        if (random.nextInt(5) > 0) {
            values.put("score", random.nextBoolean() ? (double) random.nextInt(4) : random.nextInt(40) / 10.0);
        }
        return Metadata.of(values);
    }

    private static Filter weftFilter(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 5 : 9);
        return switch (kind) {
            case 0 -> Filter.eq("lang", LANGS[random.nextInt(LANGS.length)]);
            case 1 -> random.nextBoolean() ? Filter.eq("year", 2018L + random.nextInt(8)) : Filter.eq("score", (double) random.nextInt(4));
            case 2 -> Filter.in("lang", LANGS[random.nextInt(3)], LANGS[random.nextInt(3)]);
            case 3 -> random.nextBoolean() ? Filter.in("year", 2019L + random.nextInt(3), 2022.0) : Filter.eq("draft", random.nextBoolean());
            case 4 -> range(random);
            case 5, 6 -> {
                List<Filter> parts = new ArrayList<>();
                IntStream.range(0, random.nextInt(4)).forEach(i -> parts.add(weftFilter(random, depth + 1)));
                yield kind == 5 ? new Filter.And(parts) : new Filter.Or(parts);
            }
            default -> Filter.not(weftFilter(random, depth + 1));
        };
    }

    private static Filter range(Random random) {
        String key = random.nextBoolean() ? "year" : "score";
        double a = key.equals("year") ? 2018 + random.nextInt(8) : random.nextInt(40) / 10.0;
        double b = a + random.nextInt(3);
        return switch (random.nextInt(5)) {
            case 0 -> Filter.gte(key, a);
            case 1 -> Filter.gt(key, a);
            case 2 -> Filter.lt(key, b);
            case 3 -> Filter.lte(key, b);
            default -> new Filter.Range(key, a, b, random.nextBoolean(), random.nextBoolean());
        };
    }

    private static dev.langchain4j.store.embedding.filter.Filter langChain4jFilter(Random random, int depth) {
        int kind = random.nextInt(depth >= 3 ? 8 : 11);
        String lang = LANGS[random.nextInt(LANGS.length)];
        long year = 2018L + random.nextInt(8);
        double score = random.nextInt(40) / 10.0;
        return switch (kind) {
            case 0 -> metadataKey("lang").isEqualTo(lang);
            case 1 -> metadataKey("lang").isNotEqualTo(lang);
            case 2 -> random.nextBoolean() ? metadataKey("year").isEqualTo(year) : metadataKey("score").isNotEqualTo(score);
            case 3 -> metadataKey("year").isGreaterThan(year);
            case 4 -> metadataKey("score").isGreaterThanOrEqualTo(score);
            case 5 -> random.nextBoolean() ? metadataKey("year").isLessThan(year) : metadataKey("score").isLessThanOrEqualTo(score);
            case 6 -> new IsIn("lang", List.of(lang, LANGS[random.nextInt(LANGS.length)]));
            case 7 -> random.nextBoolean() ? new IsNotIn("year", List.of(year, year + 1)) : new IsIn("score", List.of(score, 1.0));
            case 8 -> langChain4jFilter(random, depth + 1).and(langChain4jFilter(random, depth + 1));
            case 9 -> langChain4jFilter(random, depth + 1).or(langChain4jFilter(random, depth + 1));
            default -> dev.langchain4j.store.embedding.filter.Filter.not(langChain4jFilter(random, depth + 1));
        };
    }
}
