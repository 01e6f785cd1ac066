package dev.weft.inference.onnx.internal.generation;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.ModelLoadException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.ResponseFormat;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.model.TokenUsage;
import dev.weft.inference.onnx.ChatTemplate;
import dev.weft.inference.onnx.internal.DirectorySource;
import dev.weft.inference.onnx.internal.DjlDefaults;
import dev.weft.inference.onnx.internal.SessionOpener;
import dev.weft.inference.onnx.internal.SharedOrtEnvironment;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.stream.IntStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One loaded decoder: session, tokenizer, template and defaults, and the generations running on it. Thread-safe:
 * the session serves concurrent generations, each with its own cache. Every decode step runs under a read lock;
 * {@link #close()} takes the write lock, so it waits for steps in progress, then closes every live generation
 * (freeing its cache), the session and the tokenizer. Later calls, and later steps of open streams, throw
 * {@link ResourceClosedException}.
 */
public final class DecoderEngine implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(DecoderEngine.class);

    private final LoadedDecoder decoder;
    private final HuggingFaceTokenizer tokenizer;
    private final ChatTemplate template;
    private final GenerationOptions options;
    private final int maxBatchSize;
    private final Set<Integer> stopIds;
    private final List<String> stopTexts;
    private final ModelInfo info;
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<Generation> live = ConcurrentHashMap.newKeySet();
    private boolean closed; // guarded by lock

    private DecoderEngine(LoadedDecoder decoder, HuggingFaceTokenizer tokenizer, ChatTemplate template,
                          GenerationOptions options, int maxBatchSize, ModelInfo.Builder info) {
        this.decoder = decoder;
        this.tokenizer = tokenizer;
        this.template = template;
        this.options = options;
        this.maxBatchSize = maxBatchSize;
        Set<Integer> ids = new LinkedHashSet<>(decoder.config().eosIds());
        List<String> texts = new ArrayList<>();
        for (String marker : template.endOfTurn()) {
            decoder.tokens().addedTokenId(marker).ifPresentOrElse(ids::add, () -> texts.add(marker));
        }
        this.stopIds = options.ignoreEndOfSequence() ? Set.of() : Set.copyOf(ids);
        this.stopTexts = List.copyOf(texts);
        this.info = info.build();
    }

    /**
     * Loads the decoder in {@code directory}: {@code model.onnx}, {@code tokenizer.json} and {@code config.json}.
     *
     * @throws dev.weft.core.ModelNotFoundException naming a missing directory or file
     * @throws ModelLoadException naming the file and the problem when the files cannot be used or disagree
     */
    public static DecoderEngine open(Path directory, GenerationOptions options) {
        DirectorySource source = DirectorySource.of(directory, options.modelId());
        Path dir = Path.of(source.location());
        DecoderConfig config = DecoderConfig.read(dir);
        TokenTable tokens = TokenTable.read(dir.resolve(DirectorySource.TOKENIZER_FILE), config.vocabSize());
        HuggingFaceTokenizer tokenizer = loadTokenizer(source);
        SessionOpener.OpenedSession opened = null;
        try {
            opened = SessionOpener.open(source, options.session());
            DecoderGraph graph = DecoderGraph.inspect(opened.session(), config, source.location());
            ChatTemplate template = options.template() != null ? options.template() : detectTemplate(tokens);
            int maxBatch = options.maxBatchSize();
            if (!graph.positionIds() && maxBatch > 1) {
                log.info("{}: the graph takes no position_ids, so left-padded rows would be shifted; prompts are generated one at a time",
                        source.id());
                maxBatch = 1;
            }
            LoadedDecoder decoder = new LoadedDecoder(SharedOrtEnvironment.get(), opened.session(), graph, config, tokens,
                    options.kvCache(), new LongAdder());
            ModelInfo.Builder info = ModelInfo.builder(source.id(), "onnx")
                    .capabilities(Capability.CHAT, Capability.STREAMING)
                    .contextWindow(config.maxPositions())
                    .pricing(Pricing.FREE)
                    .attribute(ModelInfo.CHAT_TEMPLATE, template.id())
                    .attribute("execution.provider", opened.provider())
                    .attribute("kvCache", Boolean.toString(options.kvCache()))
                    .attribute("maxBatchSize", Integer.toString(maxBatch))
                    .attribute("layers", Integer.toString(config.layers()))
                    .attribute("kvHeads", Integer.toString(config.kvHeads()))
                    .attribute("headDim", Integer.toString(config.headDim()))
                    .attribute("vocabSize", Integer.toString(config.vocabSize()))
                    .attribute("source", source.location());
            if (options.ignoreEndOfSequence()) {
                info.attribute("ignoreEndOfSequence", "true");
            }
            if (!config.modelType().isEmpty()) {
                info.attribute("model.type", config.modelType());
            }
            if (!opened.provider().equals(options.session().executionProvider().id())) {
                info.attribute("execution.provider.requested", options.session().executionProvider().id());
            }
            log.debug("{}: {} layers x {} KV heads x {}, vocabulary {}, {} positions, template {}, on {}", source.id(),
                    config.layers(), config.kvHeads(), config.headDim(), config.vocabSize(), config.maxPositions(),
                    template.id(), opened.provider());
            return new DecoderEngine(decoder, tokenizer, template, options, maxBatch, info);
        } catch (RuntimeException e) {
            tokenizer.close();
            if (opened != null) {
                closeQuietly(opened);
            }
            throw e;
        }
    }

    /** What the model is. */
    public ModelInfo info() {
        return info;
    }

    /** Answers {@code request} in one piece. */
    public ChatResponse chat(ChatRequest request) {
        return generate(List.of(request)).getFirst().response();
    }

    /** Answers {@code requests} in batches of up to the maximum batch size, in their order. */
    public List<ChatResponse> chatBatch(List<ChatRequest> requests) {
        return generate(requests).stream().map(GeneratedAnswer::response).toList();
    }

    /**
     * Answers {@code requests} with the token ids behind each answer. Every request is checked before any is
     * generated; prompts of similar length share a batch.
     */
    public List<GeneratedAnswer> generate(List<ChatRequest> requests) {
        List<PreparedPrompt> prompts = new ArrayList<>(requests.size());
        for (int i = 0; i < requests.size(); i++) {
            prompts.add(prepare(requests.get(i), requests.size() == 1 ? "request" : "requests[" + i + "]"));
        }
        int[] order = IntStream.range(0, prompts.size()).boxed()
                .sorted(Comparator.comparingInt(i -> prompts.get(i).length()))
                .mapToInt(Integer::intValue).toArray();
        GeneratedAnswer[] answers = new GeneratedAnswer[prompts.size()];
        for (int from = 0; from < order.length; from += maxBatchSize) {
            int[] members = Arrays.copyOfRange(order, from, Math.min(order.length, from + maxBatchSize));
            List<PreparedPrompt> batch = Arrays.stream(members).mapToObj(prompts::get).toList();
            try (Generation generation = begin(batch)) {
                while (step(generation)) {
                    // each step samples one token per unfinished row
                }
                long end = System.nanoTime();
                for (int r = 0; r < members.length; r++) {
                    Sequence s = generation.row(r);
                    Timings timings = Timings.of(Duration.ofNanos(end - generation.startNanos()));
                    answers[members[r]] = new GeneratedAnswer(response(s, timings), s.prompt().ids(), s.generatedIds());
                }
            }
        }
        return List.of(answers);
    }

    /** Answers {@code request} as a stream; generation starts when the stream is first read. */
    public ChatStream stream(ChatRequest request) {
        PreparedPrompt prompt = prepare(request, "request");
        return ChatStream.from(new GenerationSource(this, prompt));
    }

    /** The number of tokens in {@code text}, no special tokens added. */
    public int countTokens(String text) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return text.isEmpty() ? 0 : tokenizer.encode(text, false, false).getIds().length;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Session runs made so far by every generation (for tests and diagnostics). */
    public long stepsRun() {
        return decoder.steps().sum();
    }

    /** Generations started and not yet closed. */
    public int liveGenerations() {
        return live.size();
    }

    /** The native values live generations hold now (for tests that check closing frees them). */
    public List<OnnxValue> heldValues() {
        List<OnnxValue> values = new ArrayList<>();
        for (Generation g : List.copyOf(live)) {
            values.addAll(g.heldValues());
        }
        return values;
    }

    @Override
    public void close() {
        lock.writeLock().lock();
        try {
            if (closed) {
                return;
            }
            closed = true;
            for (Generation g : List.copyOf(live)) {
                g.close(this::closedException);
            }
            try {
                decoder.session().close();
            } catch (OrtException e) {
                log.debug("Closing the ONNX Runtime session of {} failed", info.id(), e);
            } finally {
                tokenizer.close();
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    /** A generation over {@code prompts}, registered so that {@link #close()} can stop it. */
    Generation begin(List<PreparedPrompt> prompts) {
        lock.readLock().lock();
        try {
            ensureOpen();
            Generation g = new Generation(decoder, prompts, live::remove);
            live.add(g);
            return g;
        } finally {
            lock.readLock().unlock();
        }
    }

    /** Runs one step of {@code generation}; false when it has finished. */
    boolean step(Generation generation) {
        lock.readLock().lock();
        try {
            ensureOpen();
            return generation.step();
        } finally {
            lock.readLock().unlock();
        }
    }

    /** The response for a finished (or cancelled) sequence. */
    ChatResponse response(Sequence s, Timings timings) {
        return new ChatResponse(AssistantMessage.of(s.answer()), new TokenUsage(s.prompt().length(), s.generatedCount()),
                s.finishReason(), info, timings);
    }

    private PreparedPrompt prepare(ChatRequest request, String what) {
        if (request == null) {
            throw new InvalidInputException(what + " must not be null");
        }
        if (!request.tools().isEmpty()) {
            throw new UnsupportedCapabilityException("Local model " + info.id() + " cannot call tools; " + what + " offers "
                    + request.tools().size() + ". Use a model with the TOOLS capability, or send the request without tools");
        }
        if (!(request.responseFormat() instanceof ResponseFormat.Text)) {
            throw new UnsupportedCapabilityException("Local model " + info.id() + " cannot guarantee JSON output; " + what
                    + " asks for " + request.responseFormat() + ". Ask for text, or use a model with JSON_OUTPUT");
        }
        String prompt = template.render(request.messages());
        if (prompt == null || prompt.isEmpty()) {
            throw new InvalidInputException(what + " renders to an empty prompt with chat template '" + template.id()
                    + "'; give the model some text to continue");
        }
        long[] ids;
        lock.readLock().lock();
        try {
            ensureOpen();
            ids = tokenizer.encode(prompt, false, false).getIds();
        } finally {
            lock.readLock().unlock();
        }
        int limit = decoder.config().maxPositions();
        if (ids.length == 0) {
            throw new InvalidInputException(what + " renders to a prompt of no tokens with chat template '" + template.id() + "'");
        }
        if (ids.length >= limit) {
            throw new InvalidInputException(what + " is too long: its prompt is " + ids.length + " tokens, and model "
                    + info.id() + " has " + limit + " positions (max_position_embeddings in config.json) for prompt and "
                    + "answer together. Shorten the conversation to at most " + (limit - 1) + " tokens");
        }
        SamplingPlan plan = SamplingPlan.resolve(request.sampling(), options.defaults(), options.defaultMaxTokens());
        List<String> stops = new ArrayList<>(plan.stop());
        stops.addAll(stopTexts);
        return new PreparedPrompt(ids, plan, stopIds, stops);
    }

    private void ensureOpen() {
        if (closed) {
            throw closedException();
        }
    }

    private WeftException closedException() {
        return new ResourceClosedException("Chat model " + info.id() + " is closed");
    }

    private static ChatTemplate detectTemplate(TokenTable tokens) {
        Set<String> added = tokens.addedTokens();
        if (added.contains("<|im_start|>") && added.contains("<|im_end|>")) {
            return ChatTemplate.chatMl();
        }
        if (added.contains("<|start_header_id|>") && added.contains("<|eot_id|>")) {
            return ChatTemplate.llama3();
        }
        if (added.contains("<|assistant|>") && added.contains("<|end|>")) {
            return ChatTemplate.phi3();
        }
        return ChatTemplate.plainCompletion();
    }

    private static HuggingFaceTokenizer loadTokenizer(DirectorySource source) {
        DjlDefaults.apply();
        Map<String, String> settings = Map.of(
                "addSpecialTokens", "false",
                "withOverflowingTokens", "false",
                "truncation", "false",
                "padding", "false");
        try (InputStream json = source.openTokenizer()) {
            return HuggingFaceTokenizer.newInstance(json, settings);
        } catch (IOException | RuntimeException | LinkageError e) {
            throw new ModelLoadException("Cannot load the tokenizer " + source.tokenizerLocation() + ": " + e.getMessage()
                    + ". DJL unpacks its native tokenizer library under ~/.djl.ai/tokenizers (or $DJL_CACHE_DIR/tokenizers); "
                    + "that directory must be writable.", e);
        }
    }

    private static void closeQuietly(SessionOpener.OpenedSession opened) {
        try {
            opened.session().close();
        } catch (OrtException e) {
            log.debug("Closing an ONNX Runtime session failed", e);
        }
    }
}
