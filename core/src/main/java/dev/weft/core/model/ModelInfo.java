package dev.weft.core.model;

import dev.weft.core.internal.Preconditions;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a model is: the metadata that makes it a component that can be traced, priced, cached, routed and
 * swapped by configuration. Immutable.
 *
 * <pre>{@code
 * ModelInfo info = ModelInfo.builder("gpt-4o-mini", "openai")
 *     .capabilities(Capability.CHAT, Capability.STREAMING, Capability.TOOLS)
 *     .contextWindow(128_000)
 *     .pricing(Pricing.perMillion("0.15", "0.60", "USD"))
 *     .build();
 * }</pre>
 *
 * @param id the model's name at its provider, such as {@code all-minilm-l6-v2} or {@code gpt-4o-mini}
 * @param provider the provider scheme, such as {@code onnx} or {@code openai}
 * @param version a version or revision, empty when unknown
 * @param capabilities what the model can do
 * @param contextWindow the longest input it accepts, in tokens; 0 when unknown
 * @param pricing its prices; {@link Pricing#FREE} for local models
 * @param attributes further facts worth tracing (dimension, pooling, chat template, execution provider…)
 */
public record ModelInfo(
        String id,
        String provider,
        String version,
        Set<Capability> capabilities,
        int contextWindow,
        Pricing pricing,
        Map<String, String> attributes) {

    /** Attribute key: the id of the chat template a local model formats conversations with (e.g. {@code chatml}). */
    public static final String CHAT_TEMPLATE = "chat.template";
    /** Attribute key: the base URL a remote model is reached at. */
    public static final String BASE_URL = "base_url";

    public ModelInfo {
        Preconditions.notBlank(id, "id");
        Preconditions.notBlank(provider, "provider");
        version = version == null ? "" : version;
        capabilities = capabilities == null || capabilities.isEmpty()
                ? Set.of()
                : Set.copyOf(EnumSet.copyOf(capabilities));
        Preconditions.check(contextWindow >= 0, "contextWindow must be >= 0, was " + contextWindow);
        pricing = pricing == null ? Pricing.FREE : pricing;
        attributes = Preconditions.immutableMap(attributes, "attributes");
    }

    /** A builder for a model called {@code id} at {@code provider}. */
    public static Builder builder(String id, String provider) {
        return new Builder(id, provider);
    }

    /** Whether the model has {@code capability}. */
    public boolean has(Capability capability) {
        return capabilities.contains(capability);
    }

    /** A builder initialised from this info, to derive a variant. */
    public Builder toBuilder() {
        Builder b = new Builder(id, provider).version(version).contextWindow(contextWindow).pricing(pricing);
        b.capabilities.addAll(capabilities);
        b.attributes.putAll(attributes);
        return b;
    }

    /** Builds {@link ModelInfo}. Not thread-safe. */
    public static final class Builder {
        private final String id;
        private final String provider;
        private String version = "";
        private final Set<Capability> capabilities = EnumSet.noneOf(Capability.class);
        private int contextWindow;
        private Pricing pricing = Pricing.FREE;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder(String id, String provider) {
            this.id = id;
            this.provider = provider;
        }

        public Builder version(String version) {
            this.version = version;
            return this;
        }

        public Builder capabilities(Capability... capabilities) {
            this.capabilities.addAll(Set.of(capabilities));
            return this;
        }

        public Builder contextWindow(int contextWindow) {
            this.contextWindow = contextWindow;
            return this;
        }

        public Builder pricing(Pricing pricing) {
            this.pricing = pricing;
            return this;
        }

        public Builder attribute(String key, String value) {
            this.attributes.put(key, value);
            return this;
        }

        public ModelInfo build() {
            return new ModelInfo(id, provider, version, capabilities, contextWindow, pricing, attributes);
        }
    }
}
