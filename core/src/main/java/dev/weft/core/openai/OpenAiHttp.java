package dev.weft.core.openai;

import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.WeftException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The HTTP side of one model: request construction (URL, headers, credentials), sending with a deadline, and
 * turning transport failures and error statuses into Weft's exceptions. Thread-safe.
 */
final class OpenAiHttp implements AutoCloseable {
    private final Endpoint endpoint;
    private final HttpClient client;
    private final boolean ownsClient;
    private final String[] headers;
    private final HttpClient.Version version;
    private final String modelName;
    private final AtomicBoolean closed = new AtomicBoolean();

    OpenAiHttp(Endpoint endpoint, String modelName) {
        this.endpoint = endpoint;
        this.modelName = modelName;
        this.ownsClient = endpoint.httpClient() == null;
        this.client = ownsClient
                ? HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout()).followRedirects(HttpClient.Redirect.NEVER).build()
                : endpoint.httpClient();
        this.headers = headers(endpoint);
        // Over plain http the JDK client would otherwise offer an h2c upgrade on every request, which some
        // OpenAI-compatible servers (uvicorn, for vLLM) answer badly; TLS endpoints negotiate HTTP/2 by ALPN.
        this.version = endpoint.baseUrl().getScheme().equalsIgnoreCase("http") ? HttpClient.Version.HTTP_1_1 : null;
    }

    private static String[] headers(Endpoint e) {
        List<String> h = new ArrayList<>();
        if (e.apiKey() != null) {
            h.add(e.apiKeyHeader());
            h.add(e.apiKeyHeader().equalsIgnoreCase("Authorization") ? "Bearer " + e.apiKey() : e.apiKey());
        }
        if (e.organization() != null) {
            h.add("OpenAI-Organization");
            h.add(e.organization());
        }
        if (e.project() != null) {
            h.add("OpenAI-Project");
            h.add(e.project());
        }
        e.headers().forEach((k, v) -> {
            h.add(k);
            h.add(v);
        });
        return h.toArray(String[]::new);
    }

    /** The URL of {@code path} (such as {@code /chat/completions}) at this endpoint, with the query parameters. */
    URI uri(String path) {
        StringBuilder sb = new StringBuilder(endpoint.baseUrl().toString()).append(path);
        char sep = '?';
        for (Map.Entry<String, String> p : endpoint.queryParameters().entrySet()) {
            sb.append(sep).append(encode(p.getKey())).append('=').append(encode(p.getValue()));
            sep = '&';
        }
        return URI.create(sb.toString());
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    Endpoint endpoint() {
        return endpoint;
    }

    /** Names the model and endpoint in messages. */
    String where() {
        return "model '" + modelName + "' at " + endpoint.baseUrl();
    }

    private HttpRequest request(URI uri, byte[] body, boolean stream, Duration timeout) {
        HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .timeout(timeout)
                .header("Content-Type", "application/json")
                .header("Accept", stream ? "text/event-stream" : "application/json");
        if (headers.length > 0) {
            b.headers(headers);
        }
        if (version != null) {
            b.version(version);
        }
        return b.build();
    }

    /**
     * Posts {@code body} and returns the answer's body, within the request timeout.
     *
     * @throws WeftException mapped from the status or the transport failure
     */
    byte[] post(URI uri, byte[] body) {
        ensureOpen();
        Duration timeout = endpoint.requestTimeout();
        CompletableFuture<HttpResponse<byte[]>> call =
                client.sendAsync(request(uri, body, false, timeout), HttpResponse.BodyHandlers.ofByteArray());
        HttpResponse<byte[]> response = await(call, timeout.toNanos(), timeout, "requestTimeout");
        if (response.statusCode() / 100 != 2) {
            throw HttpFailures.fromStatus(response.statusCode(), response.headers(),
                    new String(response.body(), StandardCharsets.UTF_8), where());
        }
        return response.body();
    }

    /** Starts a streamed call; the caller waits for the headers and owns the body. */
    CompletableFuture<HttpResponse<InputStream>> postStreaming(URI uri, byte[] body, Duration timeout) {
        ensureOpen();
        return client.sendAsync(request(uri, body, true, timeout), HttpResponse.BodyHandlers.ofInputStream());
    }

    /**
     * Waits up to {@code waitNanos} for {@code call}; cancels it (which aborts the exchange) on timeout or
     * interruption.
     *
     * @param deadline the configured deadline that {@code waitNanos} derives from, for the exception
     * @param setting the option that sets {@code deadline}, named in the message
     */
    <T> HttpResponse<T> await(CompletableFuture<HttpResponse<T>> call, long waitNanos, Duration deadline, String setting) {
        try {
            return call.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            call.cancel(true);
            throw new ModelTimeoutException("No answer from " + where() + " within " + deadline
                    + "; raise " + setting + " or check the server's load", deadline, e);
        } catch (InterruptedException e) {
            call.cancel(true);
            Thread.currentThread().interrupt();
            throw new WeftException("Interrupted while waiting for " + where(), e);
        } catch (CancellationException e) {
            throw new ResourceClosedException("The call to " + where() + " was cancelled because the model was closed");
        } catch (ExecutionException e) {
            throw HttpFailures.fromTransport(e.getCause(), where(), endpoint);
        }
    }

    void ensureOpen() {
        if (closed.get()) {
            throw new ResourceClosedException("The OpenAI-compatible " + where() + " is closed");
        }
    }

    /** Closes the HTTP client if this model created it, aborting calls in flight. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true) && ownsClient) {
            client.shutdownNow();
        }
    }
}
