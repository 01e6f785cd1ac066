package dev.weft.inference.onnx.internal.generation;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weft.core.WeftException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Generates the answers of one batch of prompts together, one decode step per {@link #step()}. Prompts are padded on
 * the left to the longest, with the padding masked out and each row's position ids counting from its own first
 * token, so every row sees exactly what it would see alone. The first step reads the whole prompts and fills the
 * attention cache; each later step feeds one token per row and the cache (see {@link KvCache}). Rows that finish
 * stay in the batch, fed their last token, until every row has finished; then the native memory is freed at once.
 *
 * <p>Steps are serialised by a lock; {@link #close()} may come from any thread: it stops further steps at once,
 * waits for a step in progress, and frees the cache and buffers.
 */
final class Generation implements AutoCloseable {
    private final LoadedDecoder decoder;
    private final Sequence[] rows;
    private final int[] pads;
    private final int padded;
    private final int lastPosition;
    private final Consumer<Generation> onClose;
    private final ReentrantLock lock = new ReentrantLock();
    private final LongInput ids;
    private final LongInput mask;
    private final LongInput positions;
    private final Map<String, OnnxTensor> inputs = new HashMap<>();
    private final float[] scratch;
    private final LogitsOutput logits;
    private KvCache cache;
    private int steps;
    private long startNanos;
    private volatile Supplier<WeftException> closedBy;

    Generation(LoadedDecoder decoder, List<PreparedPrompt> prompts, Consumer<Generation> onClose) {
        this.decoder = decoder;
        this.onClose = onClose;
        this.rows = new Sequence[prompts.size()];
        this.pads = new int[prompts.size()];
        int longest = 0;
        for (PreparedPrompt p : prompts) {
            longest = Math.max(longest, p.length());
        }
        this.padded = longest;
        for (int r = 0; r < rows.length; r++) {
            pads[r] = longest - prompts.get(r).length();
            rows[r] = new Sequence(prompts.get(r), decoder.tokens(), decoder.config().maxPositions());
        }
        this.lastPosition = decoder.config().maxPositions() - 1;
        this.scratch = new float[decoder.config().vocabSize()];
        this.logits = new LogitsOutput(decoder.env(), decoder.config().vocabSize());
        this.ids = new LongInput(decoder.env());
        this.mask = new LongInput(decoder.env());
        this.positions = new LongInput(decoder.env());
    }

    /** Row {@code r}'s answer. Read it only between steps, from the thread that steps. */
    Sequence row(int r) {
        return rows[r];
    }

    /** When the first step started, from {@link System#nanoTime()}; 0 before. */
    long startNanos() {
        return startNanos;
    }

    /** Whether every row has finished. */
    boolean finished() {
        for (Sequence s : rows) {
            if (!s.finished()) {
                return false;
            }
        }
        return true;
    }

    /**
     * Runs one decode step for every unfinished row.
     *
     * @return whether any row still has tokens to generate
     * @throws WeftException the reason this generation was closed, if it was
     */
    boolean step() {
        lock.lock();
        try {
            Supplier<WeftException> reason = closedBy;
            if (reason != null) {
                throw reason.get();
            }
            if (finished()) {
                return false;
            }
            if (startNanos == 0) {
                startNanos = System.nanoTime();
            }
            run();
            steps++;
            if (finished()) {
                releaseNative();
                return false;
            }
            return true;
        } catch (OrtException e) {
            throw new WeftException("ONNX Runtime failed at decode step " + steps + " of a batch of " + rows.length
                    + ": " + e.getMessage(), e);
        } finally {
            lock.unlock();
        }
    }

    /** Stops this generation: later steps throw what {@code reason} supplies. Frees everything; harmless to repeat. */
    void close(Supplier<WeftException> reason) {
        if (closedBy == null) {
            closedBy = reason;
        }
        lock.lock();
        try {
            releaseNative();
        } finally {
            lock.unlock();
        }
        onClose.accept(this);
    }

    @Override
    public void close() {
        close(() -> new WeftException("the generation was cancelled"));
    }

    /** The native values this generation holds now, for checks that closing frees them. */
    List<OnnxValue> heldValues() {
        lock.lock();
        try {
            List<OnnxValue> values = new ArrayList<>();
            if (cache != null) {
                values.addAll(cache.held());
            }
            for (OnnxTensor t : new OnnxTensor[] {logits.current(), ids.tensor(), mask.tensor(), positions.tensor()}) {
                if (t != null) {
                    values.add(t);
                }
            }
            return values;
        } finally {
            lock.unlock();
        }
    }

    private void run() throws OrtException {
        boolean whole = !decoder.useCache() || steps == 0;
        int sequence = whole ? padded + steps : 1;
        int total = padded + steps;
        if (cache == null) {
            cache = KvCache.empty(decoder.env(), decoder.graph(), decoder.config(), rows.length);
        }
        LongBuffer idBuffer = ids.prepare(rows.length, sequence);
        LongBuffer maskBuffer = mask.prepare(rows.length, total);
        LongBuffer positionBuffer = decoder.graph().positionIds() ? positions.prepare(rows.length, sequence) : null;
        for (int r = 0; r < rows.length; r++) {
            for (int j = 0; j < total; j++) {
                maskBuffer.put(r * total + j, j < pads[r] ? 0 : 1);
            }
            for (int k = 0; k < sequence; k++) {
                int j = total - sequence + k; // the position in the padded row
                idBuffer.put(r * sequence + k, tokenAt(r, j));
                if (positionBuffer != null) {
                    positionBuffer.put(r * sequence + k, j < pads[r] ? 1 : Math.min(j - pads[r], lastPosition));
                }
            }
        }
        inputs.put(DecoderGraph.INPUT_IDS, ids.tensor());
        inputs.put(DecoderGraph.ATTENTION_MASK, mask.tensor());
        if (positionBuffer != null) {
            inputs.put(DecoderGraph.POSITION_IDS, positions.tensor());
        }
        cache.feed(inputs);
        Set<String> presents = decoder.useCache() ? decoder.graph().presents() : Set.of();
        OrtSession.Result result = decoder.session().run(inputs, presents,
                Map.of(DecoderGraph.LOGITS, logits.tensor(rows.length, sequence)));
        decoder.steps().increment();
        if (decoder.useCache()) {
            cache.advance(result);
        } else {
            result.close();
        }
        for (int r = 0; r < rows.length; r++) {
            if (!rows[r].finished()) {
                logits.lastPosition(r, scratch);
                rows[r].sample(scratch, padded);
            }
        }
    }

    /** The token at position {@code j} of padded row {@code r}: padding, prompt, or answer so far. */
    private long tokenAt(int r, int j) {
        if (j < pads[r]) {
            return decoder.config().padId();
        }
        int promptLength = padded - pads[r];
        if (j - pads[r] < promptLength) {
            return rows[r].prompt().ids()[j - pads[r]];
        }
        int g = j - padded;
        return g < rows[r].generatedCount() ? rows[r].generatedId(g) : rows[r].lastToken();
    }

    private void releaseNative() {
        inputs.clear();
        if (cache != null) {
            cache.close();
        }
        logits.close();
        ids.close();
        mask.close();
        positions.close();
    }
}
