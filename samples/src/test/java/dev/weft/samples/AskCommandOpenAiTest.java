package dev.weft.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.rag.answer.AnswerEngine;
import dev.weft.samples.ChatCompletionsServer.Received;
import dev.weft.samples.ChatCompletionsServer.Reply;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Runs {@code weft ask --model openai:gpt-4o-mini?baseUrl=...} in-process over a copy of the bundled docs, with the
 * real ONNX embedder, Lucene index, {@code AnswerEngine} and OpenAI-compatible chat model, against a loopback
 * server that speaks the chat completions wire format ({@link ChatCompletionsServer}).
 *
 * <p>No API key is needed: the provider reads one from {@code OPENAI_API_KEY} when it is set and requires it only
 * for {@code api.openai.com}; references refuse keys (they end up in logs) and name a variable instead with
 * {@code apiKeyVariable=NAME}.
 */
class AskCommandOpenAiTest {
    private static final String MODEL = "gpt-4o-mini";
    private static final String QUESTION = "Does Weft need a GPU?";

    /** One copy of the docs and one index for the class: the first run ingests, later ones find every file unchanged. */
    @TempDir
    static Path shared;

    static Path docs;
    static Path index;

    @BeforeAll
    static void copyDocs() {
        docs = shared.resolve("docs");
        index = shared.resolve("index");
        AskRun.copyTree(Path.of("docs"), docs);
    }

    @Test
    void sendsTheNumberedSourcesWithTheCitationInstructionsAndPrintsTheAnswerWithItsSourcesResolved() {
        Function<Received, Reply> citesTheFaqAndAnotherFile = request -> {
            PromptSources sent = PromptSources.parse(request.message("user"));
            return Reply.completion(MODEL, "Every model Weft bundles runs on an ordinary CPU [" + sent.numberOf("faq.txt")
                    + "]. A GPU is optional [" + sent.numberOfAnotherThan("faq.txt") + "].");
        };
        try (ChatCompletionsServer server = ChatCompletionsServer.start(citesTheFaqAndAnotherFile)) {
            AskRun run = AskRun.ask(docs, index, QUESTION, "--model", reference(server));

            assertThat(run.exitCode()).as(run.err()).isZero();
            assertThat(server.requests()).hasSize(1);
            Received request = server.requests().getFirst();
            assertThat(request.json().path("model").asString()).isEqualTo(MODEL);
            assertThat(request.streaming()).isFalse();
            String key = System.getenv("OPENAI_API_KEY");
            assertThat(request.header("Authorization"))
                    .as("the key comes from OPENAI_API_KEY and is optional away from api.openai.com")
                    .isEqualTo(key == null || key.isBlank() ? null : "Bearer " + key);

            // The prompt: AnswerEngine's citation instructions, then the sources numbered [1]..[n], then the question.
            assertThat(request.message("system")).isEqualTo(AnswerEngine.DEFAULT_INSTRUCTIONS)
                    .contains("cite the sources that support it by their numbers in square brackets")
                    .contains("Cite only numbers of sources that appear in the message");
            PromptSources sent = PromptSources.parse(request.message("user"));
            assertThat(sent.question()).isEqualTo(QUESTION);
            assertThat(sent.sources()).hasSizeBetween(2, 5); // --top-k defaults to 5
            assertThat(sent.sources()).extracting(PromptSources.Source::number)
                    .containsExactlyElementsOf(rangeClosed(1, sent.sources().size()));
            assertThat(sent.sources()).allSatisfy(s -> assertThat(s.text()).isNotBlank());
            assertThat(sent.get(sent.numberOf("faq.txt")).text()).contains("Every model Weft bundles runs on an ordinary CPU");

            // The printed answer is the server's text; its sources are the prompt's blocks it cited, by number.
            int faq = sent.numberOf("faq.txt");
            int other = sent.numberOfAnotherThan("faq.txt");
            assertThat(run.answer()).isEqualTo("Every model Weft bundles runs on an ordinary CPU [" + faq
                    + "]. A GPU is optional [" + other + "].");
            assertThat(run.sourcesHeading()).isEqualTo("Sources:");
            assertThat(run.sources()).containsOnlyKeys(faq, other);
            assertThat(List.copyOf(run.sources().keySet())).isSorted();
            assertThat(run.sources().get(faq)).isEqualTo(sent.get(faq).citation());
            assertThat(sent.get(faq).label()).contains("faq.txt");
            assertThat(run.sources().get(other)).isEqualTo(sent.get(other).citation());
            assertThat(sent.get(other).label()).doesNotContain("faq.txt");
        }
    }

    /**
     * Property: whatever numbers the model cites, the printed answer keeps only markers of sources that were sent,
     * every sentence survives, the dropped numbers are counted on stderr, and the printed sources are exactly the valid numbers cited, ascending, each resolved
     * to the block sent under that number. Numbers outside [1..n] (0, n+1, ...) are dropped, as AnswerEngine
     * documents; a marker left with none is removed.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void citationsOfSourcesThatWereNotSentAreDroppedAndNeverPrinted(long seed) {
        List<List<Integer>> cited = new CopyOnWriteArrayList<>(); // per sentence, as the server wrote them
        Function<Received, Reply> citesAtRandom = request -> {
            int n = PromptSources.parse(request.message("user")).sources().size();
            Random random = new Random(seed);
            StringBuilder answer = new StringBuilder();
            for (int s = 0, sentences = 1 + random.nextInt(4); s < sentences; s++) {
                List<Integer> numbers = random.ints(random.nextInt(4), 0, n + 4).boxed().toList();
                cited.add(numbers);
                answer.append("Claim ").append(s + 1).append(" holds");
                if (!numbers.isEmpty()) {
                    answer.append(" [").append(String.join(", ", numbers.stream().map(String::valueOf).toList())).append(']');
                }
                answer.append(". ");
            }
            return Reply.completion(MODEL, answer.toString().strip());
        };
        try (ChatCompletionsServer server = ChatCompletionsServer.start(citesAtRandom)) {
            AskRun run = AskRun.ask(docs, index, QUESTION, "--model", reference(server));

            String why = "seed " + seed + ", server cited " + cited + "\n" + run.out() + run.err();
            assertThat(run.exitCode()).as(why).isZero();
            PromptSources sent = PromptSources.parse(server.requests().getFirst().message("user"));
            int n = sent.sources().size();
            TreeSet<Integer> valid = new TreeSet<>();
            cited.forEach(numbers -> numbers.stream().filter(k -> k >= 1 && k <= n).forEach(valid::add));

            for (int s = 1; s <= cited.size(); s++) {
                assertThat(run.answer()).as(why).contains("Claim " + s + " holds");
            }
            assertThat(markerNumbers(run.answer())).as(why).allSatisfy(k -> assertThat(k).isBetween(1, n));
            assertThat(markerNumbers(run.answer())).as(why).containsExactlyInAnyOrderElementsOf(
                    cited.stream().map(numbers -> numbers.stream().filter(k -> k >= 1 && k <= n).toList())
                            .flatMap(List::stream).toList());
            Map<Integer, String> printed = run.sources();
            assertThat(List.copyOf(printed.keySet())).as(why).containsExactlyElementsOf(valid);
            printed.forEach((k, citation) -> assertThat(citation).as(why).isEqualTo(sent.get(k).citation()));
            long invalid = cited.stream().flatMap(List::stream).filter(k -> k < 1 || k > n).count();
            if (invalid == 0) {
                assertThat(run.err()).as(why).isEmpty();
            } else {
                assertThat(run.err().strip()).as(why).isEqualTo(
                        "weft: the model cited " + invalid + " source number(s) it was not given; they were dropped.");
            }
        }
    }

    static Stream<Arguments> seeds() {
        long base = new Random(20_240_611L).nextLong();
        return LongStream.range(0, 4).mapToObj(i -> Arguments.of(base + i));
    }

    @ParameterizedTest(name = "HTTP {0}")
    @MethodSource("failures")
    void aServerErrorIsAOneLineMessageAndExitCode1NotAStackTrace(int status, String type, String code, String advice) {
        String said = "The loopback server says no (" + status + ")";
        try (ChatCompletionsServer server = ChatCompletionsServer.start(request -> Reply.error(status, said, type, code))) {
            AskRun run = AskRun.ask(docs, index, QUESTION, "--model", reference(server));

            assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
            assertThat(run.err()).as(run.err())
                    .startsWith("weft: Model '" + MODEL + "' at " + server.baseUrl() + " answered HTTP " + status)
                    .contains(said)
                    .contains(advice)
                    .doesNotContain("Exception")
                    .doesNotContain("\tat ");
            assertThat(run.err().strip().lines()).as(run.err()).hasSize(1);
            assertThat(run.out()).doesNotContain("Sources");
        }
    }

    static Stream<Arguments> failures() {
        return Stream.of(
                Arguments.of(500, "server_error", null, "The provider failed to serve; it is usually safe to retry."),
                Arguments.of(401, "invalid_request_error", "invalid_api_key",
                        "Check the API key (by default the OPENAI_API_KEY environment variable)"));
    }

    @Test
    void aServerThatIsNotThereIsAOneLineMessageAndExitCode1() {
        ChatCompletionsServer gone = ChatCompletionsServer.start(request -> Reply.completion(MODEL, "unused"));
        String reference = reference(gone);
        gone.close();

        AskRun run = AskRun.ask(docs, index, QUESTION, "--model", reference);

        assertThat(run.exitCode()).as(run.out() + run.err()).isEqualTo(1);
        assertThat(run.err()).startsWith("weft: Could not connect to model '" + MODEL + "'")
                .contains("is the server running and the base URL right?")
                .doesNotContain("\tat ");
    }

    private static String reference(ChatCompletionsServer server) {
        return "openai:" + MODEL + "?baseUrl=" + server.baseUrl();
    }

    private static final Pattern MARKER = Pattern.compile("\\[(\\d+(?:, ?\\d+)*)]");

    /** Every number inside a {@code [n, m]} marker of {@code text}, in order. */
    private static List<Integer> markerNumbers(String text) {
        List<Integer> numbers = new ArrayList<>();
        Matcher m = MARKER.matcher(text);
        while (m.find()) {
            for (String n : m.group(1).split(", ?")) {
                numbers.add(Integer.parseInt(n));
            }
        }
        return numbers;
    }

    private static List<Integer> rangeClosed(int from, int to) {
        return IntStream.rangeClosed(from, to).boxed().toList();
    }
}
