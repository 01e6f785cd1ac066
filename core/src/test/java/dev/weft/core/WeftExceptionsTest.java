package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The exception family: one root, and the facts each subtype carries. */
class WeftExceptionsTest {

    @Test
    void everyTypeIsAnUncheckedWeftException() {
        List<RuntimeException> all = List.of(
                new BudgetExceededException("b"), new GuardrailViolationException("pii", "found an e-mail address"),
                new InvalidInputException("i"), new InvalidModelReferenceException("r"),
                new InvalidModelResponseException("m", "p"), new ModelLoadException("l"), new ModelNotFoundException("n"),
                new ModelTimeoutException("t", Duration.ofSeconds(1)), new ModelUnavailableException("u"),
                new RateLimitedException("r", null), new ResourceClosedException("c"), new UnsupportedCapabilityException("x"));
        assertThat(all).allSatisfy(e -> assertThat(e).isInstanceOf(WeftException.class));
        assertThat(new InvalidModelReferenceException("r")).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void subtypesCarryTheirFacts() {
        GuardrailViolationException g = new GuardrailViolationException("pii", "found an e-mail address");
        assertThat(g.guardrail()).isEqualTo("pii");
        assertThat(g).hasMessage("pii: found an e-mail address");
        assertThat(new RateLimitedException("slow", Duration.ofSeconds(7)).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(new RateLimitedException("slow", null).retryAfter()).isEmpty();
        assertThat(new ModelTimeoutException("late", Duration.ofMillis(1500)).timeout()).isEqualTo(Duration.ofMillis(1500));
    }

    @Test
    void invalidModelResponseKeepsAnExcerpt() {
        InvalidModelResponseException e = new InvalidModelResponseException("bad", null);
        assertThat(e.payloadExcerpt()).isEmpty();
        assertThat(e).hasMessage("bad (payload: )");
        String exact = "y".repeat(InvalidModelResponseException.MAX_EXCERPT);
        assertThat(new InvalidModelResponseException("bad", exact).payloadExcerpt()).isEqualTo(exact);
    }
}
