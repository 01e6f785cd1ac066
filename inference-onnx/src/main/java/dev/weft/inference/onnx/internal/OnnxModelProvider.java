package dev.weft.inference.onnx.internal;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelReferenceException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.spi.ModelProvider;
import dev.weft.core.spi.ModelRef;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.ExecutionProvider;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import dev.weft.inference.onnx.Pooling;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The {@code onnx:} model provider: {@code onnx:all-minilm-l6-v2}, {@code onnx:all-minilm-l6-v2-q},
 * {@code onnx:bge-small-en-v1.5-q}, or {@code onnx:/path/to/dir} (a directory holding {@code model.onnx} and
 * {@code tokenizer.json}), with parameters {@code pooling=mean|cls}, {@code normalize=true|false},
 * {@code maxSequenceLength=N}, {@code batchSize=N}, {@code threads=N} (intra-op threads) and
 * {@code device=cpu|cuda|cuda:N}. Offers embedding models and, from a decoder directory (with {@code config.json}),
 * chat models ({@link ChatReference} lists their parameters). Thread-safe and stateless.
 *
 * <pre>{@code
 * EmbeddingModel m = Models.embedding("onnx:bge-small-en-v1.5-q?batchSize=16&device=cuda:0");
 * ChatModel lm = Models.chat("onnx:/models/tiny-lm?maxTokens=128");
 * }</pre>
 */
public final class OnnxModelProvider implements ModelProvider {
    /** The scheme, {@code onnx}. */
    public static final String SCHEME = "onnx";

    private static final List<String> PARAMETERS =
            List.of("pooling", "normalize", "maxSequenceLength", "batchSize", "threads", "device");

    /** Used by {@link java.util.ServiceLoader}. */
    public OnnxModelProvider() {}

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public EmbeddingModel embedding(ModelRef ref) {
        if (!SCHEME.equals(ref.scheme())) {
            throw new InvalidModelReferenceException("Reference " + ref + " is not an onnx: reference");
        }
        OnnxEmbeddingModel.Builder builder = OnnxEmbeddingModel.builder();
        name(builder, ref.name());
        for (Map.Entry<String, String> p : ref.params().entrySet()) {
            parameter(builder, ref, p.getKey(), p.getValue());
        }
        return builder.build();
    }

    @Override
    public ChatModel chat(ModelRef ref) {
        if (!SCHEME.equals(ref.scheme())) {
            throw new InvalidModelReferenceException("Reference " + ref + " is not an onnx: reference");
        }
        return ChatReference.build(ref);
    }

    private static void name(OnnxEmbeddingModel.Builder builder, String name) {
        var bundled = BundledModel.byId(name);
        if (bundled.isPresent()) {
            builder.bundled(bundled.get());
        } else if (name.indexOf('/') >= 0 || name.indexOf('\\') >= 0) {
            try {
                builder.directory(Path.of(name));
            } catch (InvalidPathException e) {
                throw new InvalidModelReferenceException("onnx:" + name + " names an invalid path: " + e.getMessage());
            }
        } else {
            throw new ModelNotFoundException("No ONNX model called '" + name + "'. Bundled models: "
                    + String.join(", ", BundledModel.ids())
                    + "; or name a directory holding model.onnx and tokenizer.json, such as onnx:/models/my-encoder");
        }
    }

    private static void parameter(OnnxEmbeddingModel.Builder builder, ModelRef ref, String key, String value) {
        switch (key) {
            case "pooling" -> builder.pooling(switch (value.toLowerCase(Locale.ROOT)) {
                case "mean" -> Pooling.MEAN;
                case "cls" -> Pooling.CLS;
                default -> throw invalid(ref, key, value, "mean or cls");
            });
            case "normalize" -> builder.normalize(switch (value.toLowerCase(Locale.ROOT)) {
                case "true" -> true;
                case "false" -> false;
                default -> throw invalid(ref, key, value, "true or false");
            });
            case "maxSequenceLength" -> builder.maxSequenceLength(integer(ref, key, value));
            case "batchSize" -> builder.batchSize(integer(ref, key, value));
            case "threads" -> builder.intraOpThreads(integer(ref, key, value));
            case "device" -> {
                try {
                    builder.executionProvider(ExecutionProvider.parse(value));
                } catch (InvalidInputException e) {
                    throw invalid(ref, key, value, "cpu, cuda or cuda:N");
                }
            }
            default -> throw new InvalidInputException("Unknown parameter '" + key + "' in " + ref
                    + "; onnx: models take " + String.join(", ", PARAMETERS));
        }
    }

    private static int integer(ModelRef ref, String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(ref, key, value, "an integer");
        }
    }

    private static InvalidInputException invalid(ModelRef ref, String key, String value, String expected) {
        return new InvalidInputException("Parameter " + key + "=" + value + " in " + ref + " is invalid; use " + expected);
    }
}
