/**
 * Weft's core: the vocabulary (messages, model interfaces, requests and responses, errors), the model provider
 * SPI, the vector store SPI, the interceptor pipeline with its interceptors (resilience, tracing, cost, caches,
 * flow control), versioned prompts, and the OpenAI-compatible remote provider ({@code openai:}).
 */
module dev.weft.core {
    requires transitive tools.jackson.databind;
    requires transitive com.fasterxml.jackson.annotation;
    requires org.slf4j;
    requires com.networknt.schema;
    requires transitive io.opentelemetry.api;
    requires transitive io.opentelemetry.context;
    requires transitive com.github.benmanes.caffeine;
    requires transitive java.net.http;

    exports dev.weft.core;
    exports dev.weft.core.cache;
    exports dev.weft.core.chat;
    exports dev.weft.core.cost;
    exports dev.weft.core.flow;
    exports dev.weft.core.json;
    exports dev.weft.core.model;
    exports dev.weft.core.observability;
    exports dev.weft.core.openai;
    exports dev.weft.core.pipeline;
    exports dev.weft.core.prompt;
    exports dev.weft.core.resilience;
    exports dev.weft.core.retrieval;
    exports dev.weft.core.spi;
    exports dev.weft.core.internal to dev.weft.inference.onnx, dev.weft.rag, dev.weft.eval;

    uses dev.weft.core.spi.ModelProvider;

    provides dev.weft.core.spi.ModelProvider with dev.weft.core.openai.internal.OpenAiModelProvider;
}
