package dev.weft.core.cost;

import dev.weft.core.chat.RequestContext;

/**
 * What costs are grouped by: everything together, or per user, tenant, feature or model. The user, tenant and
 * feature come from the request's {@link RequestContext}; the model is the id of the model that answered (for a
 * budget's estimate before the call, the model the pipeline wraps).
 *
 * <p>A request that does not carry a scope's key (no user id, say) is not counted under that scope, and budgets
 * of that scope do not apply to it; a {@link #GLOBAL} budget covers such calls.
 */
public enum CostScope {
    /** Every call; its one key is {@link #GLOBAL_KEY}. */
    GLOBAL,
    /** Per {@link RequestContext#userId()}. */
    USER,
    /** Per {@link RequestContext#tenantId()}. */
    TENANT,
    /** Per {@link RequestContext#feature()}. */
    FEATURE,
    /** Per model id. */
    MODEL;

    /** The key of the {@link #GLOBAL} scope. */
    public static final String GLOBAL_KEY = "*";

    /**
     * The key a call belongs to under this scope, or {@code null} when the request does not carry one (null or
     * blank).
     */
    public String keyOf(RequestContext context, String modelId) {
        String key = switch (this) {
            case GLOBAL -> GLOBAL_KEY;
            case USER -> context.userId();
            case TENANT -> context.tenantId();
            case FEATURE -> context.feature();
            case MODEL -> modelId;
        };
        return key == null || key.isBlank() ? null : key;
    }
}
