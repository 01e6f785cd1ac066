package dev.weft.core.chat;

import dev.weft.core.internal.Preconditions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who a request is for and why: the keys that cost ledgers, budgets, caches, traces and experiments group by.
 * Every field is optional ({@code null}). Immutable.
 *
 * <pre>{@code
 * RequestContext ctx = RequestContext.builder().userId("u-42").tenantId("acme").feature("support-chat").build();
 * }</pre>
 *
 * @param userId the end user
 * @param tenantId the customer or organisation; caches never share entries across tenants
 * @param feature the product feature making the call
 * @param conversationId the conversation the request belongs to
 * @param attributes anything else to carry along (experiment ids, request ids)
 */
public record RequestContext(String userId, String tenantId, String feature, String conversationId,
        Map<String, String> attributes) {

    /** Attribute key: the id of the registered prompt the request was rendered from. */
    public static final String PROMPT_ID = "prompt.id";
    /** Attribute key: that prompt's version. */
    public static final String PROMPT_VERSION = "prompt.version";
    /** Attribute key: the SHA-256 content hash of that prompt's file, hex-encoded. */
    public static final String PROMPT_HASH = "prompt.hash";
    /** Attribute key: the experiment that chose the prompt variant. */
    public static final String EXPERIMENT_ID = "experiment.id";
    /** Attribute key: the variant the experiment assigned. */
    public static final String EXPERIMENT_VARIANT = "experiment.variant";

    /** No context. */
    public static final RequestContext EMPTY = new RequestContext(null, null, null, null, Map.of());

    public RequestContext {
        attributes = Preconditions.immutableMap(attributes, "attributes");
    }

    /** A builder with nothing set. */
    /** This context with attribute {@code key} set to {@code value}, replacing an earlier value of that key. */
    public RequestContext withAttribute(String key, String value) {
        Preconditions.notNull(key, "key");
        Preconditions.notNull(value, "value");
        Map<String, String> copy = new LinkedHashMap<>(attributes);
        copy.put(key, value);
        return new RequestContext(userId, tenantId, feature, conversationId, copy);
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link RequestContext}. Not thread-safe. */
    public static final class Builder {
        private String userId;
        private String tenantId;
        private String feature;
        private String conversationId;
        private final Map<String, String> attributes = new LinkedHashMap<>();

        private Builder() {}

        public Builder userId(String userId) {
            this.userId = userId;
            return this;
        }

        public Builder tenantId(String tenantId) {
            this.tenantId = tenantId;
            return this;
        }

        public Builder feature(String feature) {
            this.feature = feature;
            return this;
        }

        public Builder conversationId(String conversationId) {
            this.conversationId = conversationId;
            return this;
        }

        public Builder attribute(String key, String value) {
            this.attributes.put(key, value);
            return this;
        }

        public RequestContext build() {
            return new RequestContext(userId, tenantId, feature, conversationId, attributes);
        }
    }
}
