package dev.weft.core.model;

/** What a model can do. Routing, validation and the provider registry read these from {@link ModelInfo}. */
public enum Capability {
    /** Answers chat requests. */
    CHAT,
    /** Streams its answer token by token. */
    STREAMING,
    /** Calls tools described by {@code ToolSpec}s. */
    TOOLS,
    /** Can be asked for syntactically valid JSON. */
    JSON_OUTPUT,
    /** Can be constrained to a JSON Schema. */
    JSON_SCHEMA_OUTPUT,
    /** Turns texts into vectors. */
    EMBEDDING,
    /** Scores query–candidate pairs (cross-encoder reranking). */
    SCORING,
    /** Assigns label probabilities to a text. */
    CLASSIFICATION
}
