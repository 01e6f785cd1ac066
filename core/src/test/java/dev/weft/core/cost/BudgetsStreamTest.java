package dev.weft.core.cost;

import static dev.weft.core.cost.CostFixtures.MODEL;
import static dev.weft.core.cost.CostFixtures.ask;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.BudgetExceededException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.chat.AssistantMessage;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.FinishReason;
import dev.weft.core.chat.Timings;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.TokenUsage;
import dev.weft.core.pipeline.ChatPipeline;
import dev.weft.core.pipeline.StreamInterceptor;
import dev.weft.core.testing.MutableClock;
import dev.weft.core.testing.ScriptedChatModel;
import dev.weft.core.testing.ScriptedSource;
import java.math.BigDecimal;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/**
 * Streams reserve when {@code stream()} is called and settle when they end: the final response's usage when they
 * complete; the input estimate and the delivered deltas' tokens when they fail or are closed after delivering something;
 * nothing when they delivered nothing.
 */
class BudgetsStreamTest {
    /** Three deltas of one estimated token each; the complete answer reports 3 input and 2 output tokens (7 USD). */
    private static final List<ChatDelta> DELTAS = List.of(new ChatDelta.Text("abcd"), new ChatDelta.Text("efgh"), new ChatDelta.Text("ij"));
    private static final ChatResponse DONE = new ChatResponse(AssistantMessage.of("abcdefghij"), new TokenUsage(3, 2),
            FinishReason.STOP, MODEL, Timings.ZERO);

    private final MutableClock clock = new MutableClock();
    private final CostLedger ledger = CostLedger.builder().clock(clock).build();
    private final List<CostEvent> events = new CopyOnWriteArrayList<>();
    private final ScriptedChatModel scripted = CostFixtures.scripted();
    private final ChatModel model = ChatPipeline.over(scripted).with(Budgets.builder().ledger(ledger).listener(events::add)
            .hard(CostScope.USER, Window.DAILY, new BigDecimal("30")).build()).build();

    private CostTotal userToday() {
        return ledger.total(CostScope.USER, "u1", ledger.today());
    }

    private List<CostEntry> entries() {
        return events.stream().filter(CostEntry.class::isInstance).map(CostEntry.class::cast).toList();
    }

    @Test
    void aStreamReservesWhenOpenedAndRecordsTheFinalUsageWhenItCompletes() {
        scripted.thenStream(new ScriptedSource(DELTAS, DONE));
        try (ChatStream stream = model.stream(ask("u1", 10))) {
            assertThat(userToday().reserved()).isEqualByComparingTo("25");
            assertThatThrownBy(() -> model.stream(ask("u1", 10))).as("the open stream holds the headroom")
                    .isInstanceOf(BudgetExceededException.class);

            StringBuilder text = new StringBuilder();
            ChatResponse response = stream.forEachDelta(d -> text.append(((ChatDelta.Text) d).text()));
            assertThat(text).hasToString("abcdefghij");
            assertThat(response.usage()).isEqualTo(new TokenUsage(3, 2));
        }
        assertThat(userToday().spent()).isEqualByComparingTo("7");
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
        assertThat(entries()).singleElement().satisfies(e -> assertThat(e.estimated()).isFalse());
        assertThat(scripted.streamRequests()).hasSize(1);
    }

    @Test
    void aStreamThatDoesNotFitIsRefusedAtStreamBeforeTheModelIsCalled() {
        assertThatThrownBy(() -> model.stream(ask("u1", 20))) // 5 + 40 = 45 > 30
                .isInstanceOf(BudgetExceededException.class);
        assertThat(scripted.streamRequests()).isEmpty();
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
    }

    @Test
    void aStreamClosedBeforeItDeliveredAnythingGivesItsReservationBack() {
        scripted.thenStream(new ScriptedSource(DELTAS, DONE));
        ChatStream stream = model.stream(ask("u1", 10));
        stream.close();
        stream.close();
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
        assertThat(userToday().calls()).isZero();
        assertThat(entries()).isEmpty();
    }

    @Test
    void aStreamClosedAfterSomeDeltasIsChargedTheInputEstimateAndTheTokensItDelivered() {
        scripted.thenStream(new ScriptedSource(DELTAS, DONE));
        try (ChatStream stream = model.stream(ask("u1", 10))) {
            Iterator<ChatDelta> it = stream.iterator();
            it.next();
            it.next();
        }
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
        assertThat(entries()).singleElement().satisfies(e -> {
            assertThat(e.usage()).isEqualTo(new TokenUsage(5, 2));
            assertThat(e.cost()).isEqualByComparingTo("9");
            assertThat(e.estimated()).isTrue();
        });
        assertThat(userToday().spent()).isEqualByComparingTo("9");
    }

    @Test
    void aStreamThatFailsMidwayIsChargedForWhatItDelivered() {
        scripted.thenStream(ScriptedSource.failingAt(DELTAS, 1, new ModelUnavailableException("connection dropped")));
        try (ChatStream stream = model.stream(ask("u1", 10))) {
            assertThatThrownBy(() -> stream.forEachDelta(d -> {})).isInstanceOf(ModelUnavailableException.class);
        }
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
        assertThat(entries()).singleElement().satisfies(e -> assertThat(e.usage()).isEqualTo(new TokenUsage(5, 1)));
    }

    @Test
    void aStreamThatFailsBeforeDeliveringAnythingRecordsNothing() {
        scripted.thenStream(ScriptedSource.failingAt(DELTAS, 0, new ModelUnavailableException("refused")));
        try (ChatStream stream = model.stream(ask("u1", 10))) {
            assertThatThrownBy(stream::response).isInstanceOf(ModelUnavailableException.class);
        }
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
        assertThat(entries()).isEmpty();
    }

    @Test
    void aStreamThatCannotBeOpenedGivesItsReservationBack() {
        StreamInterceptor failing = (request, chain) -> {
            throw new ModelUnavailableException("no stream for you");
        };
        ChatModel m = ChatPipeline.over(scripted)
                .with(Budgets.builder().ledger(ledger).hard(CostScope.USER, Window.DAILY, new BigDecimal("30")).build())
                .withStream(failing).build();
        assertThatThrownBy(() -> m.stream(ask("u1", 10))).isInstanceOf(ModelUnavailableException.class);
        assertThat(userToday().reserved()).isEqualByComparingTo("0");
    }
}
