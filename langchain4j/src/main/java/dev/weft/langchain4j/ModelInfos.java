package dev.weft.langchain4j;

import dev.langchain4j.model.ModelProvider;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import java.util.ArrayList;
import java.util.List;

/** The {@link ModelInfo} a bridged model reports when the caller gives none, from what LangChain4j tells. */
final class ModelInfos {
    /** The attribute that marks a model as reached through LangChain4j, and the class that implements it. */
    static final String BRIDGE_ATTRIBUTE = "bridge";
    static final String CLASS_ATTRIBUTE = "langchain4j.class";

    private ModelInfos() {}

    /**
     * A provider name in the style of OpenTelemetry's {@code gen_ai.provider.name} where one exists, so that traces
     * of a bridged model read like traces of a native one; otherwise LangChain4j's enum name in lower case.
     */
    static String providerName(ModelProvider provider) {
        if (provider == null) {
            return "langchain4j";
        }
        return switch (provider.name()) {
            case "OPEN_AI" -> "openai";
            case "ANTHROPIC" -> "anthropic";
            case "AMAZON_BEDROCK" -> "aws.bedrock";
            case "AZURE_OPEN_AI" -> "azure.ai.openai";
            case "GOOGLE_AI_GEMINI", "GOOGLE_GENAI" -> "gcp.gemini";
            case "GOOGLE_VERTEX_AI_GEMINI", "GOOGLE_VERTEX_AI_ANTHROPIC" -> "gcp.vertex_ai";
            case "MISTRAL_AI" -> "mistral_ai";
            case "WATSONX" -> "ibm.watsonx.ai";
            case "OTHER" -> "langchain4j";
            default -> provider.name().toLowerCase(java.util.Locale.ROOT);
        };
    }

    /** The info of a chat model: its configured model name (or class name), provider, and what it can do. */
    static ModelInfo chat(String modelName, ModelProvider provider, Class<?> implementation, boolean canStream,
            boolean jsonSchema) {
        List<Capability> capabilities = new ArrayList<>(List.of(Capability.CHAT));
        if (canStream) {
            capabilities.add(Capability.STREAMING);
        }
        if (jsonSchema) {
            capabilities.add(Capability.JSON_SCHEMA_OUTPUT);
        }
        return ModelInfo.builder(idOrClassName(modelName, implementation), providerName(provider))
                .capabilities(capabilities.toArray(Capability[]::new))
                .attribute(BRIDGE_ATTRIBUTE, "langchain4j")
                .attribute(CLASS_ATTRIBUTE, implementation.getName())
                .build();
    }

    /** The info of an embedding model. */
    static ModelInfo embedding(String modelName, ModelProvider provider, Class<?> implementation, int dimension) {
        return ModelInfo.builder(idOrClassName(modelName, implementation), providerName(provider))
                .capabilities(Capability.EMBEDDING)
                .attribute(BRIDGE_ATTRIBUTE, "langchain4j")
                .attribute(CLASS_ATTRIBUTE, implementation.getName())
                .attribute("dimension", Integer.toString(dimension))
                .build();
    }

    private static String idOrClassName(String modelName, Class<?> implementation) {
        return modelName == null || modelName.isBlank() || "unknown".equals(modelName)
                ? implementation.getSimpleName()
                : modelName;
    }
}
