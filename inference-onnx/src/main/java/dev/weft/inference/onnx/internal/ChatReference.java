package dev.weft.inference.onnx.internal;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelReferenceException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.chat.Sampling;
import dev.weft.core.spi.ModelRef;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.ChatTemplate;
import dev.weft.inference.onnx.ExecutionProvider;
import dev.weft.inference.onnx.OnnxChatModel;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Builds an {@link OnnxChatModel} from an {@code onnx:} reference: {@code onnx:/path/to/dir} with parameters
 * {@code template=chatml|llama3|phi3|plain}, {@code maxTokens}, {@code temperature}, {@code topP}, {@code topK},
 * {@code repetitionPenalty}, {@code seed} (defaults for requests that leave them unset), {@code batchSize} (the
 * largest batch), {@code threads} (intra-op threads) and {@code device=cpu|cuda|cuda:N}.
 *
 * <pre>{@code
 * ChatModel m = Models.chat("onnx:/models/tiny-lm?temperature=0.8&maxTokens=128");
 * }</pre>
 */
final class ChatReference {
    private static final List<String> PARAMETERS = List.of("template", "maxTokens", "temperature", "topP", "topK",
            "repetitionPenalty", "seed", "batchSize", "threads", "device");

    private ChatReference() {}

    static OnnxChatModel build(ModelRef ref) {
        String name = ref.name();
        if (BundledModel.byId(name).isPresent()) {
            throw new UnsupportedCapabilityException("onnx:" + name + " is an embedding model and cannot chat; onnx: chat "
                    + "models are directories holding model.onnx, tokenizer.json and config.json, such as onnx:/models/tiny-lm");
        }
        if (name.indexOf('/') < 0 && name.indexOf('\\') < 0) {
            throw new ModelNotFoundException("onnx: chat models are directories: name one holding model.onnx, tokenizer.json "
                    + "and config.json, such as onnx:/models/tiny-lm (got onnx:" + name + ")");
        }
        OnnxChatModel.Builder builder = OnnxChatModel.builder();
        try {
            builder.directory(Path.of(name));
        } catch (InvalidPathException e) {
            throw new InvalidModelReferenceException("onnx:" + name + " names an invalid path: " + e.getMessage());
        }
        Sampling.Builder sampling = Sampling.builder();
        for (Map.Entry<String, String> p : ref.params().entrySet()) {
            String key = p.getKey();
            String value = p.getValue().trim();
            try {
                switch (key) {
                    case "template" -> builder.chatTemplate(ChatTemplate.builtIn(value));
                    case "maxTokens" -> sampling.maxTokens(Integer.parseInt(value));
                    case "temperature" -> sampling.temperature(Double.parseDouble(value));
                    case "topP" -> sampling.topP(Double.parseDouble(value));
                    case "topK" -> sampling.topK(Integer.parseInt(value));
                    case "repetitionPenalty" -> sampling.repetitionPenalty(Double.parseDouble(value));
                    case "seed" -> sampling.seed(Long.parseLong(value));
                    case "batchSize" -> builder.maxBatchSize(Integer.parseInt(value));
                    case "threads" -> builder.intraOpThreads(Integer.parseInt(value));
                    case "device" -> builder.executionProvider(ExecutionProvider.parse(value));
                    default -> throw new InvalidInputException("Unknown parameter '" + key + "' in " + ref
                            + "; onnx: chat models take " + String.join(", ", PARAMETERS));
                }
            } catch (NumberFormatException e) {
                throw new InvalidInputException("Parameter " + key + "=" + value + " in " + ref + " is not a number");
            }
        }
        try {
            builder.defaultSampling(sampling.build());
        } catch (InvalidInputException e) {
            throw new InvalidInputException("Sampling parameters in " + ref + " are invalid: " + e.getMessage(), e);
        }
        return builder.build();
    }
}
