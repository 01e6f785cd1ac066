package dev.weft.inference.onnx.internal;

import ai.djl.huggingface.tokenizers.TokenizerConfig;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.weft.core.ModelNotFoundException;
import dev.weft.inference.onnx.Pooling;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A model directory holding {@code model.onnx} and {@code tokenizer.json}, and optionally
 * {@code tokenizer_config.json} whose {@code model_max_length} sets the default maximum sequence length.
 */
public final class DirectorySource implements ModelSource {
    /** The graph's file name. */
    public static final String MODEL_FILE = "model.onnx";
    /** The tokenizer's file name. */
    public static final String TOKENIZER_FILE = "tokenizer.json";
    /** The optional tokenizer configuration's file name. */
    public static final String TOKENIZER_CONFIG_FILE = "tokenizer_config.json";

    static final int DEFAULT_MAX_SEQUENCE_LENGTH = 512;
    private static final Logger log = LoggerFactory.getLogger(DirectorySource.class);

    private final Path directory;
    private final String id;
    private final int defaultMaxSequenceLength;

    private DirectorySource(Path directory, String id, int defaultMaxSequenceLength) {
        this.directory = directory;
        this.id = id;
        this.defaultMaxSequenceLength = defaultMaxSequenceLength;
    }

    /**
     * Checks that {@code directory} holds the model's files.
     *
     * @param id the model id, or null for the directory's name
     * @throws ModelNotFoundException naming the directory or the missing file
     */
    public static DirectorySource of(Path directory, String id) {
        Path dir = directory.toAbsolutePath().normalize();
        if (!Files.isDirectory(dir)) {
            throw new ModelNotFoundException("Model directory " + dir + (Files.exists(dir) ? " is not a directory" : " does not exist")
                    + "; it must hold " + MODEL_FILE + " and " + TOKENIZER_FILE);
        }
        for (String file : new String[] {MODEL_FILE, TOKENIZER_FILE}) {
            if (!Files.isRegularFile(dir.resolve(file))) {
                throw new ModelNotFoundException("Model directory " + dir + " has no " + file + " (expected "
                        + dir.resolve(file) + "); a model directory holds " + MODEL_FILE + " and " + TOKENIZER_FILE);
            }
        }
        String name = id != null ? id : dir.getFileName() == null ? dir.toString() : dir.getFileName().toString();
        return new DirectorySource(dir, name, readModelMaxLength(dir.resolve(TOKENIZER_CONFIG_FILE)));
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public String version() {
        return "";
    }

    @Override
    public String location() {
        return directory.toString();
    }

    @Override
    public String tokenizerLocation() {
        return directory.resolve(TOKENIZER_FILE).toString();
    }

    @Override
    public Pooling defaultPooling() {
        return Pooling.MEAN;
    }

    @Override
    public int defaultMaxSequenceLength() {
        return defaultMaxSequenceLength;
    }

    @Override
    public OrtSession createSession(OrtEnvironment env, OrtSession.SessionOptions options) throws OrtException {
        // By path, so that graphs with external data files (model.onnx_data) load too.
        return env.createSession(directory.resolve(MODEL_FILE).toString(), options);
    }

    @Override
    public InputStream openTokenizer() throws IOException {
        return Files.newInputStream(directory.resolve(TOKENIZER_FILE));
    }

    /** {@code model_max_length} from {@code tokenizer_config.json}, or 512 when absent or unusable. */
    private static int readModelMaxLength(Path config) {
        if (!Files.isRegularFile(config)) {
            return DEFAULT_MAX_SEQUENCE_LENGTH;
        }
        try {
            TokenizerConfig parsed = TokenizerConfig.load(config);
            int length = parsed == null ? DEFAULT_MAX_SEQUENCE_LENGTH : parsed.getModelMaxLength();
            // Hugging Face writes a huge sentinel (1e30) when the length is unknown.
            return length >= 2 && length <= 1_000_000 ? length : DEFAULT_MAX_SEQUENCE_LENGTH;
        } catch (RuntimeException e) {
            log.info("{} gives no usable model_max_length ({}); using {} unless maxSequenceLength is set",
                    config, e.getMessage(), DEFAULT_MAX_SEQUENCE_LENGTH);
            return DEFAULT_MAX_SEQUENCE_LENGTH;
        }
    }
}
