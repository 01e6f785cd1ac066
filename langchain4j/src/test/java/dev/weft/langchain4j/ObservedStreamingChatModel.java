package dev.weft.langchain4j;

import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.chat.response.CompleteToolCall;
import dev.langchain4j.model.chat.response.PartialResponse;
import dev.langchain4j.model.chat.response.PartialResponseContext;
import dev.langchain4j.model.chat.response.PartialToolCall;
import dev.langchain4j.model.chat.response.PartialToolCallContext;
import dev.langchain4j.model.chat.response.StreamingChatResponseHandler;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A real LangChain4j streaming model with a window on its callbacks: it counts the callbacks running inside the
 * handler it was given, so a test can wait (on a condition, with a generous deadline) until none is left blocked.
 */
final class ObservedStreamingChatModel implements StreamingChatModel {
    private final StreamingChatModel delegate;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition idle = lock.newCondition();
    private int running;

    ObservedStreamingChatModel(StreamingChatModel delegate) {
        this.delegate = delegate;
    }

    /** Waits until no callback is running; true if that happened within 30 seconds. */
    boolean awaitNoCallbackRunning() throws InterruptedException {
        lock.lock();
        try {
            long nanos = TimeUnit.SECONDS.toNanos(30);
            while (running > 0) {
                if (nanos <= 0) {
                    return false;
                }
                nanos = idle.awaitNanos(nanos);
            }
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void chat(ChatRequest request, StreamingChatResponseHandler handler) {
        delegate.chat(request, new StreamingChatResponseHandler() {
            @Override
            public void onPartialResponse(PartialResponse partial, PartialResponseContext context) {
                observe(() -> handler.onPartialResponse(partial, context));
            }

            @Override
            public void onPartialToolCall(PartialToolCall partial, PartialToolCallContext context) {
                observe(() -> handler.onPartialToolCall(partial, context));
            }

            @Override
            public void onCompleteToolCall(CompleteToolCall complete) {
                observe(() -> handler.onCompleteToolCall(complete));
            }

            @Override
            public void onCompleteResponse(ChatResponse response) {
                observe(() -> handler.onCompleteResponse(response));
            }

            @Override
            public void onError(Throwable error) {
                observe(() -> handler.onError(error));
            }
        });
    }

    private void observe(Runnable callback) {
        change(+1);
        try {
            callback.run();
        } finally {
            change(-1);
        }
    }

    private void change(int delta) {
        lock.lock();
        try {
            running += delta;
            if (running == 0) {
                idle.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }
}
