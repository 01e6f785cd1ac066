package dev.weft.core.cost;

import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.StreamObserver;

/**
 * Settles a streamed call's {@link Charge} when the stream ends, counting the output tokens of the deltas delivered so
 * that a stream cut short is charged for what it produced.
 */
final class ChargedStream implements StreamObserver {
    private final Charge charge;
    private final UsageEstimator estimator;
    private volatile boolean delivered; // written by the reader, read by a closing thread
    private volatile long outputTokens;

    ChargedStream(Charge charge, UsageEstimator estimator) {
        this.charge = charge;
        this.estimator = estimator;
    }

    @Override
    public void onDelta(ChatDelta delta) {
        long n = switch (delta) {
            case ChatDelta.Text t -> estimator.count(t.text());
            case ChatDelta.ToolCallChunk c -> estimator.count(c.argumentsFragment()) + (c.name() == null ? 0 : estimator.count(c.name()));
        };
        outputTokens = outputTokens + n; // one reader thread writes
        delivered = true;
    }

    @Override
    public void onComplete(ChatResponse response) {
        charge.complete(response, estimator);
    }

    @Override
    public void onError(RuntimeException error) {
        charge.endedEarly(delivered, outputTokens);
    }

    @Override
    public void onCancel() {
        charge.endedEarly(delivered, outputTokens);
    }
}
