package dev.weft.core.cost;

import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.RequestContext;
import dev.weft.core.chat.Sampling;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import dev.weft.core.testing.ScriptedChatModel;

/**
 * Prices and requests whose arithmetic can be done by eye: one unit of money per input token and two per output
 * token, and a request whose estimate is 5 input tokens (4 characters, plus 4 for the message) and {@code maxTokens}
 * output tokens.
 */
final class CostFixtures {
    /** 1 USD per input token, 2 USD per output token. */
    static final Pricing UNIT = Pricing.perMillion("1000000", "2000000", "USD");
    /** A model at {@link #UNIT} prices. */
    static final ModelInfo MODEL = priced("m", UNIT);
    /** The estimate of {@code ask(user, 10)}: 5 × 1 + 10 × 2. */
    static final String ESTIMATE_OF_ASK_10 = "25";

    private CostFixtures() {}

    static ModelInfo priced(String id, Pricing pricing) {
        return ModelInfo.builder(id, "scripted").capabilities(Capability.CHAT, Capability.STREAMING).pricing(pricing).build();
    }

    /** A scripted model at {@link #UNIT} prices; its answers report 3 input and 2 output tokens. */
    static ScriptedChatModel scripted() {
        return new ScriptedChatModel(MODEL);
    }

    /** A request from {@code user} (none when null) of 4 characters, allowing {@code maxTokens}. */
    static ChatRequest ask(String user, int maxTokens) {
        return ChatRequest.builder()
                .user("abcd")
                .sampling(Sampling.builder().maxTokens(maxTokens).build())
                .context(RequestContext.builder().userId(user).tenantId("acme").feature("chat").build())
                .build();
    }
}
