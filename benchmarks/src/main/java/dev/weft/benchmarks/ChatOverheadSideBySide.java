package dev.weft.benchmarks;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.model.ChatModel;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.resilience.CircuitBreaker;
import dev.weft.core.resilience.Resilience;
import dev.weft.core.resilience.Retry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * What a chat client costs on top of the HTTP exchange itself: Weft's {@link OpenAiChatModel}, plain and wrapped in
 * {@link Resilience} (retry, circuit breaker, concurrency limit), against LangChain4j's {@code OpenAiChatModel}, all
 * calling an {@link InstantOpenAiServer} on the loopback interface, with a raw JDK {@link HttpClient} POST of the same
 * body as the floor. One client thread; the four alternate request by request, and which goes first rotates, so
 * that none gets the warmer machine. Prints one line per figure.
 *
 * <p>Run: {@code ./benchmarks/run ChatOverheadSideBySide [requests=5000] [warmup=1000]}
 */
public final class ChatOverheadSideBySide {
    private static final String MODEL = "gpt-4o-mini";
    private static final String REQUEST_BODY =
            "{\"model\":\"" + MODEL + "\",\"messages\":[{\"role\":\"user\",\"content\":\"hi\"}]}";

    private ChatOverheadSideBySide() {}

    /** One contender: a name, and one request that returns the assistant's text. */
    private record Client(String name, Supplier<String> call) {}

    public static void main(String[] args) throws IOException {
        int requests = arg(args, 0, 5000);
        int warmup = arg(args, 1, 1000);
        System.out.printf(Locale.ROOT, "# %d requests after %d warm-up, each client, 1 client thread, loopback server, Java %s%n",
                requests, warmup, Runtime.version());

        try (InstantOpenAiServer server = InstantOpenAiServer.start(4);
             HttpClient rawClient = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
             OpenAiChatModel weft = weft(server);
             OpenAiChatModel weftInner = weft(server);
             ChatModel weftResilient = ChatPipeline.over(weftInner).with(Resilience.builder()
                     .retry(Retry.builder().maxRetries(3).build())
                     .circuitBreaker(CircuitBreaker.ofDefaults())
                     .concurrencyLimit(16)
                     .build()).build()) {
            dev.langchain4j.model.openai.OpenAiChatModel lc4j = dev.langchain4j.model.openai.OpenAiChatModel.builder()
                    .baseUrl(server.url() + "/v1").apiKey("k").modelName(MODEL).maxRetries(0).build();
            HttpRequest raw = HttpRequest.newBuilder(URI.create(server.url() + "/v1/chat/completions"))
                    .header("Content-Type", "application/json").header("Authorization", "Bearer k")
                    .POST(HttpRequest.BodyPublishers.ofString(REQUEST_BODY)).build();
            ChatRequest hi = ChatRequest.of("hi");

            List<Client> clients = List.of(
                    new Client("raw_http", () -> new String(send(rawClient, raw), StandardCharsets.UTF_8)),
                    new Client("weft", () -> weft.chat(hi).text()),
                    new Client("weft_resilience", () -> weftResilient.chat(hi).text()),
                    new Client("langchain4j", () -> lc4j.chat("hi")));
            for (Client c : clients) { // every client understood the answer
                String text = c.call().get();
                if (!text.contains(InstantOpenAiServer.ANSWER)) {
                    throw new IllegalStateException(c.name() + " answered '" + text + "'");
                }
            }

            long[][] nanos = new long[clients.size()][requests];
            run(clients, warmup, null);
            run(clients, requests, nanos);

            Percentiles rawP = new Percentiles(nanos[0]);
            for (int c = 0; c < clients.size(); c++) {
                Percentiles p = new Percentiles(nanos[c]);
                System.out.printf(Locale.ROOT, "chat.latency_us client=%s p50=%.1f p99=%.1f%n", clients.get(c).name(),
                        p.micros(50), p.micros(99));
            }
            double[][] overhead = new double[clients.size()][];
            for (int c = 1; c < clients.size(); c++) {
                Percentiles p = new Percentiles(nanos[c]);
                overhead[c] = new double[] {p.micros(50) - rawP.micros(50), p.micros(99) - rawP.micros(99)};
                System.out.printf(Locale.ROOT, "chat.overhead_over_raw_us client=%s p50=%.1f p99=%.1f%n",
                        clients.get(c).name(), overhead[c][0], overhead[c][1]);
            }
            System.out.printf(Locale.ROOT, "chat.overhead_ratio weft_resilience/langchain4j p50=%s p99=%s (target <= 1)%n",
                    ratio(overhead[2][0], overhead[3][0]), ratio(overhead[2][1], overhead[3][1]));
        }
    }

    /** {@code count} rounds of one request per client, the first client of each round rotating. */
    private static void run(List<Client> clients, int count, long[][] nanos) {
        int n = clients.size();
        for (int i = 0; i < count; i++) {
            for (int k = 0; k < n; k++) {
                int c = (i + k) % n;
                long start = System.nanoTime();
                String text = clients.get(c).call().get();
                long took = System.nanoTime() - start;
                if (text.isEmpty()) {
                    throw new IllegalStateException(clients.get(c).name() + " answered nothing");
                }
                if (nanos != null) {
                    nanos[c][i] = took;
                }
            }
        }
    }

    private static byte[] send(HttpClient client, HttpRequest request) {
        try {
            HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new IllegalStateException("raw POST answered " + response.statusCode());
            }
            return response.body();
        } catch (IOException e) {
            throw new IllegalStateException("raw POST failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static OpenAiChatModel weft(InstantOpenAiServer server) {
        return OpenAiChatModel.builder().baseUrl(server.url() + "/v1").apiKey("k").model(MODEL).build();
    }

    /** {@code ours / theirs}, or "n/a" when the peer's overhead is lost in the noise (not above zero). */
    private static String ratio(double ours, double theirs) {
        return theirs > 0 ? String.format(Locale.ROOT, "%.2f", ours / theirs) : "n/a";
    }

    private static int arg(String[] args, int index, int fallback) {
        return args.length > index && !args[index].isBlank() ? Integer.parseInt(args[index]) : fallback;
    }
}
