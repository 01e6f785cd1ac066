package dev.weft.core.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.WeftException;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.testing.ScriptedChatModel;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@link ConfidenceGate}: answers at or above the threshold are given, the rest escalated, and the path recorded. */
class ConfidenceGateTest {
    private final ScriptedChatModel cheap = ScriptedChatModel.named("cheap");
    private final ScriptedChatModel strong = ScriptedChatModel.named("strong");
    private final List<GateOutcome> heard = new ArrayList<>();

    private ConfidenceGate scoredAt(double score) {
        return ConfidenceGate.scoring(cheap, (request, response) -> score).threshold(0.8).escalateTo(strong).listener(heard::add).build();
    }

    @Test
    void anAnswerAtTheThresholdIsGiven() {
        GateOutcome outcome = scoredAt(0.8).decide(ChatRequest.of("q"));

        assertThat(outcome.path()).isEqualTo(GateOutcome.Path.ACCEPTED);
        assertThat(outcome.escalated()).isFalse();
        assertThat(outcome.response()).isSameAs(outcome.tentative());
        assertThat(outcome.response().model()).isEqualTo(cheap.info());
        assertThat(strong.chatRequests()).isEmpty();
        assertThat(heard).containsExactly(outcome);
    }

    @Test
    void anAnswerBelowTheThresholdGoesToTheStrongerModelWithItsConfidence() {
        GateOutcome outcome = scoredAt(0.25).decide(ChatRequest.of("q"));

        assertThat(outcome.path()).isEqualTo(GateOutcome.Path.ESCALATED_TO_MODEL);
        assertThat(outcome.confidence()).isEqualTo(0.25);
        assertThat(outcome.threshold()).isEqualTo(0.8);
        assertThat(outcome.tentative().model()).isEqualTo(cheap.info());
        assertThat(outcome.response().model()).isEqualTo(strong.info());
        assertThat(strong.chatRequests().getFirst().context().attributes()).containsEntry(ConfidenceGate.CONFIDENCE_ATTRIBUTE, "0.25");
    }

    @Test
    void aNaNConfidenceIsEscalated() {
        assertThat(scoredAt(Double.NaN).decide(ChatRequest.of("q")).escalated()).isTrue();
    }

    @Test
    void theScorerSeesTheRequestAndTheAnswer() {
        cheap.thenAnswer("I'm not sure, maybe 4").thenAnswer("4");
        ConfidenceGate gate = ConfidenceGate.scoring(cheap, (request, response) ->
                        request.lastUserText().equals("2+2?") && !response.text().contains("not sure") ? 1 : 0)
                .threshold(0.5).escalateTo(strong).build();

        assertThat(gate.chat(ChatRequest.of("2+2?")).model()).isEqualTo(strong.info());
        assertThat(gate.chat(ChatRequest.of("2+2?")).model()).isEqualTo(cheap.info());
    }

    @Test
    void aHandlerCanTakeTheEscalationInstead() {
        List<String> reviewed = new ArrayList<>();
        ConfidenceGate gate = ConfidenceGate.scoring(cheap, (request, response) -> 0.1).threshold(0.5)
                .escalateWith((request, tentative, confidence) -> {
                    reviewed.add(tentative.text() + " @ " + confidence + " / " + request.context().attributes());
                    return ScriptedChatModel.answer("reviewed by a person", strong.info());
                })
                .listener(heard::add)
                .build();

        ChatResponse r = gate.chat(ChatRequest.of("q"));

        assertThat(r.text()).isEqualTo("reviewed by a person");
        assertThat(reviewed).containsExactly("echo: q @ 0.1 / {flow.confidence=0.1}");
        assertThat(heard).singleElement().extracting(GateOutcome::path).isEqualTo(GateOutcome.Path.ESCALATED_TO_HANDLER);
    }

    @Test
    void aHandlerThatThrowsReachesTheCallerAndTheListenerHearsNothing() {
        WeftException pending = new WeftException("queued for human review as #12");
        ConfidenceGate gate = ConfidenceGate.scoring(cheap, (request, response) -> 0).threshold(0.5)
                .escalateWith((request, tentative, confidence) -> {
                    throw pending;
                }).listener(heard::add).build();

        assertThatThrownBy(() -> gate.chat(ChatRequest.of("q"))).isSameAs(pending);
        assertThat(heard).isEmpty();
    }

    @Test
    void aHandlerThatReturnsNullIsAFailure() {
        ConfidenceGate gate = ConfidenceGate.scoring(cheap, (request, response) -> 0).threshold(0.5)
                .escalateWith((request, tentative, confidence) -> null).build();

        assertThatThrownBy(() -> gate.chat(ChatRequest.of("q"))).isInstanceOf(WeftException.class)
                .hasMessageContaining("returned null; it must return an answer or throw");
    }

    @Test
    void aVotingGateTrustsTheSamplesAgreement() {
        cheap.thenAnswer("4").thenAnswer("5").thenAnswer("4").thenAnswer("6").thenAnswer("7");   // 2 of 5 agree
        cheap.thenAnswer("4").thenAnswer("4").thenAnswer("4").thenAnswer("5").thenAnswer("4");   // 4 of 5 agree
        ConfidenceGate gate = ConfidenceGate.voting(SelfConsistency.builder(cheap).samples(5).build())
                .threshold(0.6).escalateTo(strong).build();

        GateOutcome unsure = gate.decide(ChatRequest.of("q"));
        GateOutcome sure = gate.decide(ChatRequest.of("q"));

        assertThat(unsure.path()).isEqualTo(GateOutcome.Path.ESCALATED_TO_MODEL);
        assertThat(unsure.confidence()).isEqualTo(0.4);
        assertThat(sure.path()).isEqualTo(GateOutcome.Path.ACCEPTED);
        assertThat(sure.confidence()).isEqualTo(0.8);
        assertThat(sure.response().text()).isEqualTo("4");
        assertThat(sure.response().usage()).isEqualTo(new TokenUsage(15, 10));
    }

    @Test
    void aListenerThatThrowsDoesNotLoseTheAnswer() {
        ConfidenceGate gate = ConfidenceGate.scoring(cheap, (request, response) -> 1).threshold(0.5).escalateTo(strong)
                .listener(outcome -> {
                    throw new IllegalStateException("listener bug");
                }).build();

        assertThat(gate.chat(ChatRequest.of("q")).text()).isEqualTo("echo: q");
    }

    @Test
    void itIsAChatModelThatStreamsItsDecidedAnswer() {
        ConfidenceGate gate = scoredAt(0);

        try (ChatStream s = gate.stream(ChatRequest.of("q"))) {
            assertThat(s.response().model()).isEqualTo(strong.info());
        }
        assertThat(gate.info()).isEqualTo(cheap.info());
        gate.close();
        assertThat(cheap.closeCount()).isOne();
        assertThat(strong.closeCount()).isOne();
    }

    @Test
    void buildNamesWhatIsMissing() {
        assertThatThrownBy(() -> ConfidenceGate.scoring(cheap, (q, r) -> 1).escalateTo(strong).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("threshold is required");
        assertThatThrownBy(() -> ConfidenceGate.scoring(cheap, (q, r) -> 1).threshold(Double.POSITIVE_INFINITY).escalateTo(strong).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("threshold must be a finite number");
        assertThatThrownBy(() -> ConfidenceGate.scoring(cheap, (q, r) -> 1).threshold(0.5).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("escalateTo(model) or escalateWith(handler)");
        assertThatThrownBy(() -> ConfidenceGate.scoring(cheap, null))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("scorer");
    }

    @Test
    void theLastEscalationTargetSetWins() {
        ConfidenceGate gate = ConfidenceGate.scoring(cheap, (q, r) -> 0).threshold(0.5)
                .escalateTo(strong)
                .escalateWith((request, tentative, confidence) -> tentative)
                .build();

        assertThat(gate.decide(ChatRequest.of("q")).path()).isEqualTo(GateOutcome.Path.ESCALATED_TO_HANDLER);
        assertThat(strong.chatRequests()).isEmpty();
    }
}
