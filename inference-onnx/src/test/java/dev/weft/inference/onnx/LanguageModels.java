package dev.weft.inference.onnx;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.Sampling;
import dev.weft.core.json.WeftJson;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.StreamSupport;
import tools.jackson.databind.JsonNode;

/**
 * The small decoders trained for these tests: {@code micro-lm}, committed in the test resources, and
 * {@code tiny-lm}, used when a {@code shared/models/tiny-lm} directory exists beside the project (or where the
 * {@code weft.models} system property points). {@link #microLm()} is loaded once per test JVM and shared by the
 * test classes that only read from it; tests that close or reconfigure a model build their own.
 */
final class LanguageModels {
    private static OnnxChatModel microLm;

    private LanguageModels() {}

    /** The committed micro-lm directory (2 layers x 2 heads x 64, vocabulary of 1,024, 1,024 positions). */
    static Path microLmDirectory() {
        try {
            return Path.of(LanguageModels.class.getResource("/models/micro-lm").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The shared micro-lm model: CPU, one intra-op thread, default settings otherwise. Never closed. */
    static synchronized OnnxChatModel microLm() {
        if (microLm == null) {
            microLm = builder(microLmDirectory()).build();
        }
        return microLm;
    }

    /** A builder over {@code directory} with one intra-op thread, to keep test runs light. */
    static OnnxChatModel.Builder builder(Path directory) {
        return OnnxChatModel.builder().directory(directory).intraOpThreads(1);
    }

    /** The tiny-lm directory; skips the calling test when it is not on this machine. */
    static Path tinyLmDirectoryOrSkip() {
        Optional<Path> dir = sharedModel("tiny-lm");
        assumeTrue(dir.isPresent(), "tiny-lm is not on this machine (looked for shared/models/tiny-lm above "
                + Path.of("").toAbsolutePath() + " and in -Dweft.models)");
        return dir.get();
    }

    /** {@code shared/models/<name>} in the nearest ancestor of the working directory that has it. */
    private static Optional<Path> sharedModel(String name) {
        String configured = System.getProperty("weft.models");
        if (configured != null && Files.isDirectory(Path.of(configured, name))) {
            return Optional.of(Path.of(configured, name));
        }
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared").resolve("models").resolve(name);
            if (Files.isRegularFile(candidate.resolve("model.onnx"))) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /** A model's {@code reference.json}: a prompt and its greedy continuation from ONNX Runtime (Python). */
    record Reference(String prompt, long[] promptIds, long[] greedyIds, String greedyText) {
        static Reference of(Path directory) {
            try {
                JsonNode json = WeftJson.mapper().readTree(Files.readString(directory.resolve("reference.json")));
                return new Reference(json.get("prompt").asString(), ids(json.get("prompt_ids")), ids(json.get("greedy_ids")),
                        json.get("greedy_text").asString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        /** The reference prompt as a request for {@code greedyIds.length} greedy tokens. */
        ChatRequest request() {
            return ChatRequest.builder().user(prompt)
                    .sampling(Sampling.builder().temperature(0.0).maxTokens(greedyIds.length).build())
                    .build();
        }

        private static long[] ids(JsonNode array) {
            return StreamSupport.stream(array.spliterator(), false).mapToLong(JsonNode::asLong).toArray();
        }
    }
}
