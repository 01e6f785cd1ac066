package dev.weft.core.cache;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

/**
 * A test double: a {@link ChatModel} whose calls wait at a gate, one per last user text, until the test opens it,
 * so that tests hold identical calls in flight without sleeping. Each call answers {@code "#<n> <text>"}, {@code n}
 * counting the model's calls, so that an answer shows which call produced it; a test may script the next answers for a
 * text (a failure, another finish reason). {@link #awaitEntered} tells the test how many calls have reached the model.
 * Streams are answered at once, without a gate. Thread-safe.
 */
final class GatedScriptedChatModel implements ChatModel {
    private final ModelInfo info = ModelInfo.builder("gated", "scripted")
            .capabilities(Capability.CHAT, Capability.STREAMING).build();
    private final Map<String, Semaphore> gates = new ConcurrentHashMap<>();
    private final Map<String, Queue<Function<String, ChatResponse>>> scripts = new ConcurrentHashMap<>();
    private final List<ChatRequest> requests = new CopyOnWriteArrayList<>();
    private final Semaphore entered = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        String text = request.lastUserText();
        int n = calls.incrementAndGet();
        requests.add(request);
        entered.release();
        try {
            gate(text).acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted at the gate of '" + text + "'", e);
        }
        Function<String, ChatResponse> step = scripts.getOrDefault(text, new ConcurrentLinkedQueue<>()).poll();
        String answer = "#" + n + " " + text;
        return step != null ? step.apply(answer) : Answers.text(answer, info);
    }

    @Override
    public ChatStream stream(ChatRequest request) {
        requests.add(request);
        calls.incrementAndGet();
        return ChatStream.of(Answers.text("streamed " + request.lastUserText(), info));
    }

    /** The next call for {@code text} fails with {@code failure} once its gate opens. */
    GatedScriptedChatModel failNext(String text, RuntimeException failure) {
        return script(text, answer -> {
            throw failure;
        });
    }

    /** The next call for {@code text} finishes with {@code reason}. */
    GatedScriptedChatModel finishNext(String text, FinishReason reason) {
        return script(text, answer -> Answers.finishing(answer, reason, info));
    }

    private GatedScriptedChatModel script(String text, Function<String, ChatResponse> step) {
        scripts.computeIfAbsent(text, t -> new ConcurrentLinkedQueue<>()).add(step);
        return this;
    }

    /** Lets every call for {@code text}, waiting or to come, through. */
    void open(String text) {
        gate(text).release(Integer.MAX_VALUE / 2);
    }

    /** Lets {@code n} calls for {@code text}, waiting or to come, through. */
    void let(String text, int n) {
        gate(text).release(n);
    }

    /** Blocks until {@code n} more calls have reached the model; fails rather than hang when they never do. */
    void awaitEntered(int n) throws InterruptedException {
        if (!entered.tryAcquire(n, 1, TimeUnit.MINUTES)) {
            throw new AssertionError(n + " calls never reached the model");
        }
    }

    /** How many calls (chat and stream) reached the model. */
    int calls() {
        return calls.get();
    }

    /** How many calls for {@code text} reached the model. */
    long callsFor(String text) {
        return requests.stream().filter(r -> r.lastUserText().equals(text)).count();
    }

    private Semaphore gate(String text) {
        return gates.computeIfAbsent(text, t -> new Semaphore(0));
    }
}
