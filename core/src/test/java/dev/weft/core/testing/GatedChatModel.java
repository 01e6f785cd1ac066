package dev.weft.core.testing;

import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test double: a {@link ChatModel} whose {@code chat} calls wait at a gate until the test lets them through,
 * one {@link #release} permit per call, so that tests hold calls in flight without sleeping.
 * {@link #awaitEntered} tells the test how many calls have reached the gate. An interrupted wait ends the call with
 * a {@link WeftException} and is counted. Thread-safe.
 */
public final class GatedChatModel implements ChatModel {
    private final ModelInfo info;
    private final Semaphore entered = new Semaphore(0);
    private final Semaphore gate = new Semaphore(0);
    private final AtomicInteger calls = new AtomicInteger();
    private final AtomicInteger interrupted = new AtomicInteger();
    private final Semaphore interruptions = new Semaphore(0);

    public GatedChatModel(String id) {
        this.info = ModelInfo.builder(id, "gated").build();
    }

    @Override
    public ModelInfo info() {
        return info;
    }

    @Override
    public ChatResponse chat(ChatRequest request) {
        calls.incrementAndGet();
        entered.release();
        try {
            gate.acquire();
        } catch (InterruptedException e) {
            interrupted.incrementAndGet();
            interruptions.release();
            Thread.currentThread().interrupt();
            throw new WeftException("interrupted at the gate");
        }
        return ScriptedChatModel.answer("through", info);
    }

    /** Blocks until {@code n} more calls have reached the gate. */
    public void awaitEntered(int n) throws InterruptedException {
        entered.acquire(n);
    }

    /** Lets {@code n} waiting (or future) calls through. */
    public void release(int n) {
        gate.release(n);
    }

    /** Blocks until {@code n} more waits at the gate have been interrupted. */
    public void awaitInterrupted(int n) throws InterruptedException {
        interruptions.acquire(n);
    }

    public int calls() {
        return calls.get();
    }

    public int interrupted() {
        return interrupted.get();
    }
}
