package dev.weft.core.resilience;

import static org.assertj.core.api.Assertions.assertThat;

import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.QuotaExceededException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.ChatModel;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.OpenAiWire;
import dev.weft.core.testing.OpenAiWireServer;
import dev.weft.core.testing.RecordingSleeper;
import dev.weft.core.testing.WireReply;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A bounded soak: 3,000 calls and streams, 8 at a time, through the OpenAI provider and the whole resilience stack
 * (fallback, retry, circuit breaker, concurrency limit) against a server that injects a fault into 30 % of its
 * answers (seeded). The fallback is a second model on the same faulty server, so fallbacks fail too. Every request
 * must end in an answer or a typed exception within its deadline, the counters of every interceptor must add up
 * from the caller down to the server, and when it is over no HTTP exchange or thread may be left behind.
 */
class ResilienceSoakTest {
    private static final Logger LOG = LoggerFactory.getLogger(ResilienceSoakTest.class);
    private static final int REQUESTS = 3_000;
    private static final int CONCURRENCY = 8;
    private static final double FAULT_RATE = 0.30;
    private static final long SEED = Long.getLong("weft.soak.seed", 20_250_101L);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMillis(500);
    private static final Duration STREAM_IDLE = Duration.ofMillis(250);
    private static final Duration SLOT_WAIT = Duration.ofSeconds(2);
    private static final int MAX_RETRIES = 2;
    /**
     * The longest a request may take: every attempt waiting for a slot and then running out its deadline, then the
     * fallback running out its own.
     */
    private static final Duration DEADLINE = SLOT_WAIT.plus(REQUEST_TIMEOUT).multipliedBy(MAX_RETRIES + 1).plus(REQUEST_TIMEOUT);
    /** Room for a loaded 2-core machine on top of {@link #DEADLINE}; a request slower than this has hung. */
    private static final Duration GRACE = Duration.ofSeconds(5);

    /** The faults the server injects, in equal shares. */
    enum Fault { RATE_LIMITED_RETRY_AFTER, RATE_LIMITED, SERVER_ERROR, BAD_GATEWAY_HTML, UNAVAILABLE_RETRY_AFTER, SLOW_FIRST_BYTE,
        DROPPED_MID_STREAM, MALFORMED_JSON, TRUNCATED, QUOTA_EXHAUSTED }

    private static final Set<Class<? extends WeftException>> EXPECTED_FAILURES = Set.of(RateLimitedException.class,
            ModelUnavailableException.class, ModelTimeoutException.class, InvalidModelResponseException.class,
            QuotaExceededException.class);

    private final AtomicInteger arrivals = new AtomicInteger();
    private final Map<Fault, AtomicInteger> injected = new EnumMap<>(Fault.class);

    private WireReply answer(OpenAiWireServer.Recorded request) {
        // SplittableRandom mixes its seed, so neighbouring arrivals draw independent faults (java.util.Random's first
        // draw from neighbouring seeds is nearly the same number).
        SplittableRandom random = new SplittableRandom(SEED + arrivals.getAndIncrement());
        if (random.nextDouble() >= FAULT_RATE) {
            return OpenAiWireServer.ok(request);
        }
        Fault fault = Fault.values()[random.nextInt(Fault.values().length)];
        injected.get(fault).incrementAndGet();
        boolean stream = request.streaming();
        String head = OpenAiWire.stream().role().text("partial ").sse();
        String completion = OpenAiWire.completion().content("ok").json();
        return switch (fault) {
            case RATE_LIMITED_RETRY_AFTER -> WireReply.json(429, OpenAiWire.error("Rate limit reached", "tokens", "rate_limit_exceeded"))
                    .header("Retry-After", "1");
            case RATE_LIMITED -> WireReply.json(429, OpenAiWire.error("Rate limit reached", "requests", "rate_limit_exceeded"));
            case SERVER_ERROR -> WireReply.json(500, OpenAiWire.error("The server had an error", "server_error", null));
            case BAD_GATEWAY_HTML -> WireReply.body(502, "text/html", "<html><head><title>502 Bad Gateway</title></head></html>");
            case UNAVAILABLE_RETRY_AFTER -> WireReply.json(503, OpenAiWire.error("The engine is currently overloaded", "server_error", null))
                    .header("Retry-After", "1");
            case SLOW_FIRST_BYTE -> WireReply.json(completion).stallingBeforeHeaders();
            case DROPPED_MID_STREAM -> (stream ? WireReply.sse(head) : WireReply.json(completion.substring(0, 40)))
                    .then(WireReply.Ending.DROP);
            case MALFORMED_JSON -> stream ? WireReply.sse(head + "data: {\"choices\":[{\"delta\":{\"content\":\"x\"}\n\n")
                    : WireReply.json("{\"id\":\"chatcmpl-1\",\"choices\":[{\"message\":{\"content\":\"ok\"}");
            case TRUNCATED -> stream ? WireReply.sse(head + "data: {\"id\":\"chatcmpl-1\",\"cho")
                    : WireReply.json(completion.substring(0, completion.length() / 2));
            case QUOTA_EXHAUSTED -> WireReply.json(429, OpenAiWire.error("You exceeded your current quota", "insufficient_quota",
                    "insufficient_quota"));
        };
    }

    @Test
    void everyRequestEndsTypedAndOnTimeCountersAddUpAndNothingLeaks() throws Exception {
        for (Fault f : Fault.values()) {
            injected.put(f, new AtomicInteger());
        }
        RecordingSleeper sleeper = new RecordingSleeper();
        Retry retry = Retry.builder().maxRetries(MAX_RETRIES).backoff(Duration.ofMillis(1), Duration.ofMillis(10))
                .maxRetryAfter(Duration.ofSeconds(5)).sleeper(sleeper).random(new Random(SEED)).build();
        // The breaker's time moves one millisecond per request, so that "open for 20 ms" means "for the next 20 requests"
        // however fast this machine rejects them (in wall time, 8 threads would reject the whole backlog in 20 ms).
        MutableClock requestClock = new MutableClock();
        CircuitBreaker breaker = CircuitBreaker.builder().failureThreshold(4).openDuration(Duration.ofMillis(20))
                .clock(requestClock).build();
        ConcurrencyLimit limit = ConcurrencyLimit.builder().maxConcurrent(6).maxWait(SLOT_WAIT).build();

        Set<Thread> before = Set.copyOf(Thread.getAllStackTraces().keySet());
        OpenAiWireServer server = OpenAiWireServer.start().respondWith(this::answer);
        HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        ExecutorService callers = Executors.newFixedThreadPool(CONCURRENCY, r -> new Thread(r, "soak-caller"));
        OpenAiChatModel remote = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-soak").model("gpt-4o-mini")
                .httpClient(client).requestTimeout(REQUEST_TIMEOUT).streamIdleTimeout(STREAM_IDLE).build();
        OpenAiChatModel secondary = OpenAiChatModel.builder().baseUrl(server.baseUrl()).apiKey("sk-soak").model("gpt-4.1-nano")
                .httpClient(client).requestTimeout(REQUEST_TIMEOUT).streamIdleTimeout(STREAM_IDLE).build();
        Fallback fallback = Fallback.to(secondary);
        Resilience resilience = Resilience.builder().fallback(fallback).retry(retry).circuitBreaker(breaker).concurrencyLimit(limit)
                .build();
        ChatModel model = ChatPipeline.over(remote).with(resilience).build();

        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<String> untyped = new ArrayList<>();
        AtomicLong slowest = new AtomicLong();
        long started = System.nanoTime();
        List<Future<?>> futures = new ArrayList<>();
        for (int i = 0; i < REQUESTS; i++) {
            boolean stream = i % 2 == 1;
            ChatRequest request = ChatRequest.of("request " + i);
            futures.add(callers.submit(() -> {
                requestClock.advance(Duration.ofMillis(1));
                long t0 = System.nanoTime();
                String outcome;
                try {
                    if (stream) {
                        try (ChatStream s = model.stream(request)) {
                            s.response();
                        }
                    } else {
                        model.chat(request);
                    }
                    outcome = "success";
                } catch (WeftException e) {
                    outcome = e.getClass().getSimpleName();
                    if (!EXPECTED_FAILURES.contains(e.getClass())) {
                        synchronized (untyped) {
                            untyped.add(e.toString());
                        }
                    }
                } catch (RuntimeException e) {
                    outcome = "untyped";
                    synchronized (untyped) {
                        untyped.add(e.toString());
                    }
                }
                outcomes.computeIfAbsent(outcome, k -> new AtomicInteger()).incrementAndGet();
                slowest.accumulateAndGet(System.nanoTime() - t0, Math::max);
            }));
        }
        for (Future<?> f : futures) {
            f.get(DEADLINE.plus(GRACE).toMillis() * 4, TimeUnit.MILLISECONDS); // a hung request fails the test here
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        int successes = outcomes.getOrDefault("success", new AtomicInteger()).get();
        int failures = REQUESTS - successes;
        LOG.info("Soak: {} requests in {}; outcomes {}; faults injected {} of {} answers; fallback {}; retry {}; breaker {}; "
                        + "limit {}; slowest request {} ms", REQUESTS, took, outcomes, injected, arrivals.get(), fallback.metrics(),
                retry.metrics(), breaker.metrics(), limit.metrics(), slowest.get() / 1_000_000);

        // Every request ended in an answer or a typed exception, none past its deadline.
        assertThat(untyped).isEmpty();
        assertThat(outcomes.values().stream().mapToInt(AtomicInteger::get).sum()).isEqualTo(REQUESTS);
        assertThat(Duration.ofNanos(slowest.get())).isLessThan(DEADLINE.plus(GRACE));
        assertThat(successes).isGreaterThan(REQUESTS / 2);

        // The faults were injected at the rate asked for, every kind of them.
        int faults = injected.values().stream().mapToInt(AtomicInteger::get).sum();
        assertThat((double) faults / arrivals.get()).isBetween(FAULT_RATE - 0.05, FAULT_RATE + 0.05);
        assertThat(injected.values()).allSatisfy(n -> assertThat(n.get()).isPositive());

        // The counters add up, from the caller down to the server.
        FallbackMetrics f = fallback.metrics();
        assertThat(f.calls()).isEqualTo(REQUESTS);
        assertThat(f.primarySuccesses() + f.fallbackSuccesses()).isEqualTo(successes);
        assertThat(f.passedOn() + f.fallbackFailures()).isEqualTo(failures);
        assertThat(f.fallbacks()).isEqualTo(f.fallbackSuccesses() + f.fallbackFailures());
        assertThat(f.cancelled()).isZero();
        RetryMetrics r = retry.metrics();
        assertThat(r.calls()).isEqualTo(REQUESTS);
        assertThat(r.successes()).isEqualTo(f.primarySuccesses());
        assertThat(r.failures()).isEqualTo(f.passedOn() + f.fallbacks());
        assertThat(r.cancelled()).isZero();
        assertThat(r.attempts()).isEqualTo(r.calls() + r.retries());
        assertThat(r.failures()).isEqualTo(r.exhausted() + r.notRetryable() + r.abandoned());
        assertThat(sleeper.waits()).hasSize((int) r.retries());
        CircuitBreakerMetrics b = breaker.metrics();
        assertThat(b.permitted() + b.rejected()).isEqualTo(r.attempts());
        assertThat(b.permitted()).isEqualTo(b.successes() + b.failures() + b.ignored() + b.cancelled());
        assertThat(b.successes()).isEqualTo(r.successes());
        assertThat(b.opened()).isPositive();
        assertThat(b.halfOpened()).isLessThanOrEqualTo(b.opened());
        assertThat(b.closed()).isLessThanOrEqualTo(b.halfOpened());
        ConcurrencyLimitMetrics l = limit.metrics();
        assertThat(l.acquired() + l.rejected()).isEqualTo(b.permitted());
        assertThat(l.inFlight()).isZero();
        assertThat(l.peakInFlight()).isLessThanOrEqualTo(6);
        assertThat(server.requestCount()).isEqualTo(l.acquired() + f.fallbacks()).isEqualTo(arrivals.get());

        // Nothing is left behind: no exchange in the client, no thread anywhere.
        callers.shutdown();
        assertThat(callers.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        remote.close();
        secondary.close();
        client.shutdown();
        assertThat(client.awaitTermination(Duration.ofSeconds(10))).as("every exchange was finished or cancelled").isTrue();
        server.close();
        List<Thread> left = new ArrayList<>();
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            if (!before.contains(t) && !isShared(t)) {
                t.join(10_000);
                if (t.isAlive()) {
                    left.add(t);
                }
            }
        }
        assertThat(left).as("threads started by the soak and still alive").isEmpty();
    }

    /** Threads the JDK and Weft keep for the whole process, created on first use. */
    private static boolean isShared(Thread t) {
        return t.getName().equals("weft-watchdog") || t.getName().startsWith("ForkJoinPool") || t.isVirtual();
    }
}
