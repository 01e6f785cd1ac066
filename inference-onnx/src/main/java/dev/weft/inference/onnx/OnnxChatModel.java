package dev.weft.inference.onnx;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ModelLoadException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Sampling;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenCounter;
import dev.weft.inference.onnx.internal.SessionSettings;
import dev.weft.inference.onnx.internal.generation.DecoderEngine;
import dev.weft.inference.onnx.internal.generation.GenerationOptions;
import java.nio.file.Path;
import java.util.List;

/**
 * A decoder-only language model run in-process by ONNX Runtime: the local {@link ChatModel}. It loads a directory
 * holding {@code model.onnx} (exported with its attention cache under Hugging Face Optimum's names:
 * {@code input_ids}, {@code attention_mask}, {@code position_ids}, {@code past_key_values.N.key/value} in,
 * {@code logits}, {@code present.N.key/value} out), {@code tokenizer.json} and {@code config.json}.
 *
 * <pre>{@code
 * try (OnnxChatModel model = OnnxChatModel.builder().directory(Path.of("models/tiny-lm")).build()) {
 *     ChatResponse r = model.chat(ChatRequest.builder().user("The p53 protein")
 *         .sampling(Sampling.builder().temperature(0.8).topP(0.95).seed(7L).maxTokens(64).build()).build());
 *     try (ChatStream stream = model.stream(ChatRequest.of("Vitamin D deficiency"))) {
 *         stream.forEachDelta(d -> System.out.print(((ChatDelta.Text) d).text()));
 *     }
 * }
 * }</pre>
 *
 * <p><b>Decoding.</b> A request's {@link Sampling} picks greedy decoding ({@code temperature} 0, the default) or
 * sampling with temperature, top-k and top-p, with an optional repetition penalty; a seed makes sampling
 * reproducible. The answer ends at an end-of-sequence or end-of-turn token (finish reason {@code STOP}), at a stop
 * sequence ({@code STOP}; the sequence is not part of the answer), or after {@code maxTokens} tokens or at the
 * model's context limit ({@code LENGTH}). Usage counts the prompt's tokens and every generated token, the final
 * end-of-sequence token included. The prompt is the conversation rendered by the model's {@link ChatTemplate}
 * ({@code ModelInfo.attributes().get(ModelInfo.CHAT_TEMPLATE)} names it).
 *
 * <p><b>Streaming.</b> {@link #stream} yields text as it is generated, always whole UTF-8 characters, never a part
 * of a stop sequence; its text equals {@link #chat}'s for the same request and seed. Generation starts when the
 * stream is first read and stops when it is closed, freeing its cache.
 *
 * <p><b>Batches.</b> {@link #chatBatch} generates several prompts together (left-padded, masked, each with its own
 * positions and stopping); greedy answers are the ones each prompt gets alone. Prompts of similar length share a
 * batch; within one, the context limit counts the batch's longest prompt. Finished rows stay in their batch until
 * its last row finishes.
 *
 * <p><b>Thread-safety.</b> Safe for concurrent use: one ONNX Runtime session serves every caller, each request has
 * its own attention cache. {@link #close()} waits for decode steps in progress, stops open streams (their next read
 * throws {@link ResourceClosedException}), frees the session and tokenizer, and is harmless to repeat; later calls
 * throw {@link ResourceClosedException}.
 *
 * <p><b>Limits.</b> No tools and no JSON modes ({@link UnsupportedCapabilityException}); the attention cache is
 * float32. Message text is tokenized with the model's special tokens recognised, as Hugging Face templates do.
 */
public final class OnnxChatModel implements ChatModel {
    private final DecoderEngine engine;

    private OnnxChatModel(DecoderEngine engine) {
        this.engine = engine;
    }

    /** A builder; set {@link Builder#directory}, the rest has defaults. */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public ModelInfo info() {
        return engine.info();
    }

    /**
     * {@inheritDoc}
     *
     * @throws InvalidInputException if the prompt is empty or does not leave room for an answer in the context
     * @throws UnsupportedCapabilityException if the request offers tools or asks for JSON
     * @throws ResourceClosedException after {@link #close()}
     */
    @Override
    public ChatResponse chat(ChatRequest request) {
        return engine.chat(request);
    }

    /**
     * {@inheritDoc} The request is checked at once (the same exceptions as {@link #chat}); tokens are generated as
     * the stream is read.
     */
    @Override
    public ChatStream stream(ChatRequest request) {
        return engine.stream(request);
    }

    /**
     * Answers several requests, generating up to {@link Builder#maxBatchSize} prompts of similar length together,
     * and returns the answers in the requests' order. Every request is checked before any is generated.
     *
     * @throws InvalidInputException naming the index of a request that cannot be answered
     */
    public List<ChatResponse> chatBatch(List<ChatRequest> requests) {
        Preconditions.notNull(requests, "requests");
        return requests.isEmpty() ? List.of() : engine.chatBatch(requests);
    }

    /** Counts tokens exactly as this model's tokenizer does, no special tokens added. Thread-safe. */
    public TokenCounter tokenCounter() {
        return text -> engine.countTokens(Preconditions.notNull(text, "text"));
    }

    /** Frees the session, the tokenizer and every open stream's cache. Closing twice is harmless. */
    @Override
    public void close() {
        engine.close();
    }

    @Override
    public String toString() {
        return "OnnxChatModel[" + info().id() + ", " + info().attributes() + "]";
    }

    /** The engine, for tests in this module that compare token ids or check what is freed. */
    DecoderEngine engine() {
        return engine;
    }

    /**
     * Configures an {@link OnnxChatModel}. Not thread-safe. {@link #build()} checks every option and fails with
     * {@link InvalidInputException} naming the option, {@link ModelNotFoundException} naming a missing file, or
     * {@link ModelLoadException} when the files cannot be used or disagree (the message names the file, the field
     * and both values).
     *
     * <pre>{@code
     * OnnxChatModel model = OnnxChatModel.builder()
     *     .directory(Path.of("/models/qwen2.5-0.5b-instruct-onnx"))
     *     .chatTemplate(ChatTemplate.chatMl())      // default: detected from the tokenizer's special tokens
     *     .defaultSampling(Sampling.builder().temperature(0.7).topP(0.9).maxTokens(512).build())
     *     .maxBatchSize(8)
     *     .intraOpThreads(4)
     *     .build();
     * }</pre>
     */
    public static final class Builder {
        /** The answer length when neither the request nor {@link #defaultSampling} sets {@code maxTokens}. */
        public static final int DEFAULT_MAX_TOKENS = 256;

        private Path directory;
        private String modelId;
        private ChatTemplate template;
        private Sampling defaults = Sampling.DEFAULTS;
        private int maxBatchSize = 16;
        private boolean kvCache = true;
        private boolean ignoreEndOfSequence;
        private int intraOpThreads;
        private int interOpThreads;
        private GraphOptimization optimization = GraphOptimization.ALL;
        private ExecutionProvider executionProvider = ExecutionProvider.cpu();

        private Builder() {}

        /** The model directory, holding {@code model.onnx}, {@code tokenizer.json} and {@code config.json}. Required. */
        public Builder directory(Path directory) {
            this.directory = Preconditions.notNull(directory, "directory");
            return this;
        }

        /** The id in {@code ModelInfo}; default: the directory's name. */
        public Builder modelId(String modelId) {
            this.modelId = Preconditions.notBlank(modelId, "modelId");
            return this;
        }

        /**
         * How conversations become prompts. Default: ChatML, Llama 3 or Phi-3 when the tokenizer has that format's
         * special tokens, else {@link ChatTemplate#plainCompletion()}.
         */
        public Builder chatTemplate(ChatTemplate template) {
            this.template = Preconditions.notNull(template, "chatTemplate");
            return this;
        }

        /**
         * Sampling for the values a request leaves unset. Default: greedy decoding (temperature 0) of at most
         * {@value #DEFAULT_MAX_TOKENS} tokens, no top-k, top-p or repetition penalty, no stop sequences.
         */
        public Builder defaultSampling(Sampling defaults) {
            this.defaults = Preconditions.notNull(defaults, "defaultSampling");
            return this;
        }

        /** The most prompts {@link OnnxChatModel#chatBatch} generates together; default 16. */
        public Builder maxBatchSize(int maxBatchSize) {
            this.maxBatchSize = maxBatchSize;
            return this;
        }

        /**
         * Whether decode steps keep the attention cache (default true). {@code false} feeds the whole sequence at
         * every step and recomputes everything: the same tokens, many times slower. For checking an export and for
         * measuring the cache's speed-up.
         */
        public Builder kvCache(boolean kvCache) {
            this.kvCache = kvCache;
            return this;
        }

        /**
         * Whether end-of-sequence and end-of-turn tokens are passed over (default false): answers then end only at
         * {@code maxTokens}, a stop sequence or the context limit. For benchmarks that need answers of a fixed
         * length, like Hugging Face's and vLLM's {@code ignore_eos}; the passed-over tokens add no text.
         */
        public Builder ignoreEndOfSequence(boolean ignore) {
            this.ignoreEndOfSequence = ignore;
            return this;
        }

        /** Threads ONNX Runtime uses within an operator; default: one per physical core. */
        public Builder intraOpThreads(int threads) {
            this.intraOpThreads = threads;
            return this;
        }

        /** Threads ONNX Runtime uses across independent operators; default: ONNX Runtime's. */
        public Builder interOpThreads(int threads) {
            this.interOpThreads = threads;
            return this;
        }

        /** The graph optimisation level; default {@link GraphOptimization#ALL}. */
        public Builder optimizationLevel(GraphOptimization level) {
            this.optimization = Preconditions.notNull(level, "optimizationLevel");
            return this;
        }

        /** Where to run; default {@link ExecutionProvider#cpu()}. CUDA falls back to the CPU with one warning. */
        public Builder executionProvider(ExecutionProvider provider) {
            this.executionProvider = Preconditions.notNull(provider, "executionProvider");
            return this;
        }

        /** Checks the options, loads the model and returns it; the caller closes it. */
        public OnnxChatModel build() {
            Preconditions.check(directory != null, "Set directory(Path) to the model directory (model.onnx, tokenizer.json, config.json)");
            Preconditions.check(maxBatchSize >= 1, "maxBatchSize must be >= 1, was " + maxBatchSize);
            Preconditions.check(intraOpThreads >= 0, "intraOpThreads must be >= 1 (or 0 for the default), was " + intraOpThreads);
            Preconditions.check(interOpThreads >= 0, "interOpThreads must be >= 1 (or 0 for the default), was " + interOpThreads);
            GenerationOptions options = new GenerationOptions(modelId, template, defaults, DEFAULT_MAX_TOKENS, maxBatchSize,
                    kvCache, ignoreEndOfSequence, new SessionSettings(intraOpThreads, interOpThreads, optimization,
                    executionProvider));
            return new OnnxChatModel(DecoderEngine.open(directory, options));
        }
    }
}
