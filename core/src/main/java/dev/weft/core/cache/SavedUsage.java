package dev.weft.core.cache;

import dev.weft.core.model.TokenUsage;
import java.util.concurrent.atomic.LongAdder;

/** A thread-safe running total of the tokens that cache hits did not spend. */
final class SavedUsage {
    private final LongAdder input = new LongAdder();
    private final LongAdder output = new LongAdder();

    void add(TokenUsage usage) {
        input.add(usage.inputTokens());
        output.add(usage.outputTokens());
    }

    TokenUsage total() {
        return new TokenUsage(input.sum(), output.sum());
    }
}
