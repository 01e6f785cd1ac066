package dev.weft.core.cost;

import dev.weft.core.chat.RequestContext;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.TokenUsage;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * The cost of one call, as a {@link CostLedger} records it. Immutable.
 *
 * @param at when the call started; its day decides which daily window it counts in
 * @param context who the call was for (user, tenant, feature, and anything else it carries)
 * @param model the model that answered (after a fallback, not necessarily the one called)
 * @param usage the tokens charged
 * @param cost what the tokens cost, >= 0
 * @param currency the currency of {@code cost}
 * @param estimated true when {@code usage} is an estimate rather than what the model reported: a stream that
 *     ended early, or a model that reported no usage for its answer
 */
public record CostEntry(Instant at, RequestContext context, ModelInfo model, TokenUsage usage, BigDecimal cost,
        String currency, boolean estimated) implements CostEvent {

    public CostEntry {
        Preconditions.notNull(at, "at");
        context = context == null ? RequestContext.EMPTY : context;
        Preconditions.notNull(model, "model");
        Preconditions.notNull(usage, "usage");
        Preconditions.notNull(cost, "cost");
        Preconditions.check(cost.signum() >= 0, "cost must be >= 0, was " + cost);
        Preconditions.notBlank(currency, "currency");
    }
}
