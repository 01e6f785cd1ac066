package dev.weft.inference.onnx.internal.generation;

import dev.weft.core.chat.FinishReason;
import java.util.Arrays;

/**
 * One answer being generated: the tokens so far, their text, and whether and why it ended. Token bytes go through
 * a {@link Utf8Accumulator} (whole characters only) and a {@link StopSequenceFilter} (nothing of a stop sequence);
 * what comes out is the answer's text, handed out in pieces by {@link #drainText()}. Not thread-safe: its
 * {@link Generation} serialises access.
 */
final class Sequence {
    private final PreparedPrompt prompt;
    private final TokenTable tokens;
    private final int positionLimit;
    private final TokenSampler sampler;
    private final Utf8Accumulator utf8 = new Utf8Accumulator();
    private final StopSequenceFilter stops;
    private final StringBuilder answer = new StringBuilder();
    private final StringBuilder undrained = new StringBuilder();
    private long[] generated = new long[16];
    private int count;
    private boolean stripSpace;
    private FinishReason finishReason;
    private long firstTokenNanos;
    private long finishedNanos;

    /**
     * @param positionLimit the most tokens, prompt (with any batch padding) and answer together, this sequence may reach
     */
    Sequence(PreparedPrompt prompt, TokenTable tokens, int positionLimit) {
        this.prompt = prompt;
        this.tokens = tokens;
        this.positionLimit = positionLimit;
        this.sampler = new TokenSampler(prompt.plan());
        this.stops = new StopSequenceFilter(prompt.stopSequences());
        this.stripSpace = tokens.stripsLeadingSpace();
        for (long id : prompt.ids()) {
            sampler.observe(id);
        }
    }

    PreparedPrompt prompt() {
        return prompt;
    }

    /** Picks the next token from this sequence's {@code logits} (changed in place) and takes it. */
    void sample(float[] logits, int paddedPromptLength) {
        accept(sampler.next(logits), paddedPromptLength);
    }

    /** Takes {@code id} as the next token and ends the answer if it should end there. */
    void accept(int id, int paddedPromptLength) {
        if (count == 0) {
            firstTokenNanos = System.nanoTime();
        }
        if (count == generated.length) {
            generated = Arrays.copyOf(generated, count * 2);
        }
        generated[count++] = id;
        sampler.observe(id);
        if (prompt.stopIds().contains(id)) {
            finish(FinishReason.STOP);
            return;
        }
        utf8.append(tokens.bytes(id));
        emit(utf8.drainComplete());
        if (stops.stopped()) {
            finish(FinishReason.STOP);
        } else if (count >= prompt.plan().maxTokens() || paddedPromptLength + count >= positionLimit) {
            finish(FinishReason.LENGTH);
        }
    }

    boolean finished() {
        return finishReason != null;
    }

    FinishReason finishReason() {
        return finishReason;
    }

    /** The answer's text produced since the last call; empty when there is none yet. */
    String drainText() {
        String text = undrained.toString();
        undrained.setLength(0);
        return text;
    }

    /** The whole answer's text so far. */
    String answer() {
        return answer.toString();
    }

    int generatedCount() {
        return count;
    }

    /** The generated token ids, end-of-sequence token included. */
    long[] generatedIds() {
        return Arrays.copyOf(generated, count);
    }

    /** The {@code g}-th generated token, from 0. */
    long generatedId(int g) {
        return generated[g];
    }

    /** The token generated last. */
    long lastToken() {
        return generated[count - 1];
    }

    long firstTokenNanos() {
        return firstTokenNanos;
    }

    long finishedNanos() {
        return finishedNanos;
    }

    private void finish(FinishReason reason) {
        finishReason = reason;
        finishedNanos = System.nanoTime();
        if (!stops.stopped()) {
            emit(utf8.drainAll());
            append(stops.flush());
        }
    }

    private void emit(String decoded) {
        if (decoded.isEmpty()) {
            return;
        }
        if (stripSpace) {
            stripSpace = false;
            decoded = decoded.startsWith(" ") ? decoded.substring(1) : decoded;
        }
        append(stops.offer(decoded));
    }

    private void append(String text) {
        answer.append(text);
        undrained.append(text);
    }
}
