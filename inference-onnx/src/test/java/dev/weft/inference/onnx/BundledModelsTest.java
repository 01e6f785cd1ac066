package dev.weft.inference.onnx;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.embedding.onnx.allminilml6v2q.AllMiniLmL6V2QuantizedEmbeddingModel;
import dev.langchain4j.model.embedding.onnx.bgesmallenv15q.BgeSmallEnV15QuantizedEmbeddingModel;
import dev.weft.core.model.Capability;
import dev.weft.core.model.Embedding;
import dev.weft.core.model.ModelInfo;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The int8 models load with their defaults and agree with LangChain4j's (text by text, as LangChain4j embeds). */
class BundledModelsTest {
    private static final List<String> TEXTS = LangChain4jParityTest.TEXTS.subList(0, 8);

    private static OnnxEmbeddingModel miniLmQ;
    private static OnnxEmbeddingModel bgeQ;

    @BeforeAll
    static void load() {
        miniLmQ = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2_Q).build();
        bgeQ = OnnxEmbeddingModel.builder().bundled(BundledModel.BGE_SMALL_EN_V15_Q).build();
    }

    @AfterAll
    static void close() {
        miniLmQ.close();
        bgeQ.close();
    }

    @Test
    void int8MiniLmGives384DimensionalUnitVectorsLikeLangChain4js() {
        assertInfo(miniLmQ.info(), "all-minilm-l6-v2-q", "mean", 256);
        var reference = new AllMiniLmL6V2QuantizedEmbeddingModel();
        for (String text : TEXTS) {
            Embedding e = miniLmQ.embed(text);
            assertUnit(e);
            assertThat(e.cosine(SharedModels.langChain4j(reference, text))).as(text).isGreaterThanOrEqualTo(0.9999);
        }
    }

    @Test
    void bgeUsesClsPoolingLikeLangChain4js() {
        assertInfo(bgeQ.info(), "bge-small-en-v1.5-q", "cls", 512);
        var reference = new BgeSmallEnV15QuantizedEmbeddingModel(); // LangChain4j pools bge by CLS
        for (String text : TEXTS) {
            Embedding e = bgeQ.embed(text);
            assertUnit(e);
            assertThat(e.cosine(SharedModels.langChain4j(reference, text))).as(text).isGreaterThanOrEqualTo(0.9999);
        }
        try (OnnxEmbeddingModel meanPooled = OnnxEmbeddingModel.builder()
                .bundled(BundledModel.BGE_SMALL_EN_V15_Q).pooling(Pooling.MEAN).build()) {
            assertThat(meanPooled.embed(TEXTS.get(2)).cosine(bgeQ.embed(TEXTS.get(2)))).isLessThan(0.99);
        }
    }

    @Test
    void int8AndFp32MiniLmAgree() {
        for (String text : TEXTS) {
            assertThat(miniLmQ.embed(text).cosine(SharedModels.miniLm().embed(text))).as(text).isGreaterThan(0.95);
        }
    }

    @Test
    void normalizeCanBeSwitchedOff() {
        try (OnnxEmbeddingModel raw = OnnxEmbeddingModel.builder()
                .bundled(BundledModel.ALL_MINILM_L6_V2_Q).normalize(false).build()) {
            Embedding e = raw.embed("unnormalised");
            assertThat(norm(e)).isNotCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-3));
            assertThat(e.cosine(miniLmQ.embed("unnormalised"))).isGreaterThanOrEqualTo(0.99999);
            assertThat(raw.info().attributes()).containsEntry("normalize", "false");
        }
    }

    private static void assertInfo(ModelInfo info, String id, String pooling, int maxLength) {
        assertThat(info.id()).isEqualTo(id);
        assertThat(info.provider()).isEqualTo("onnx");
        assertThat(info.has(Capability.EMBEDDING)).isTrue();
        assertThat(info.contextWindow()).isEqualTo(maxLength);
        assertThat(info.attributes())
                .containsEntry("dimension", "384")
                .containsEntry("pooling", pooling)
                .containsEntry("normalize", "true")
                .containsEntry("maxSequenceLength", Integer.toString(maxLength))
                .containsEntry("execution.provider", "cpu")
                .containsEntry("source", "classpath:" + id + ".onnx");
    }

    private static void assertUnit(Embedding e) {
        assertThat(e.dimension()).isEqualTo(384);
        assertThat(norm(e)).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-5));
    }

    private static double norm(Embedding e) {
        double sum = 0;
        for (int i = 0; i < e.dimension(); i++) {
            sum += (double) e.get(i) * e.get(i);
        }
        return Math.sqrt(sum);
    }
}
