package dev.weft.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The exceptions for provider and resilience failures: where they sit in the family, and the facts they carry. */
class ProviderExceptionsTest {

    @Test
    void providerRefusalsAreWeftExceptionsButNotUnavailability() {
        assertThat(new AuthenticationException("401", 401)).isInstanceOf(WeftException.class).isNotInstanceOf(ModelUnavailableException.class);
        assertThat(new InvalidRequestException("400", 400, "x")).isInstanceOf(WeftException.class)
                .isNotInstanceOf(InvalidInputException.class);
        assertThat(new ContentFilteredException("no", "content_filter")).isInstanceOf(WeftException.class);
        assertThat(new QuotaExceededException("quota")).isInstanceOf(WeftException.class).isNotInstanceOf(RateLimitedException.class);
    }

    @Test
    void resilienceRefusalsAreUnavailability() {
        assertThat(new CircuitOpenException("open", Duration.ofSeconds(3))).isInstanceOf(ModelUnavailableException.class);
        assertThat(new ConcurrencyLimitExceededException("full")).isInstanceOf(ModelUnavailableException.class);
    }

    @Test
    void factsAreKept() {
        assertThat(new AuthenticationException("forbidden", 403).status()).isEqualTo(403);
        InvalidRequestException bad = new InvalidRequestException("too long", 400, "context_length_exceeded");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.providerCode()).isEqualTo("context_length_exceeded");
        assertThat(new InvalidRequestException("x", 422, null).providerCode()).isEmpty();
        assertThat(new ContentFilteredException("x", null).providerCode()).isEmpty();
        assertThat(new CircuitOpenException("open", Duration.ofSeconds(3)).retryAfter()).contains(Duration.ofSeconds(3));
        assertThat(new CircuitOpenException("half-open", null).retryAfter()).isEmpty();
        assertThat(new ModelUnavailableException("503", Duration.ofSeconds(7), null).retryAfter()).contains(Duration.ofSeconds(7));
        assertThat(new ModelUnavailableException("down").retryAfter()).isEmpty();
        IllegalStateException cause = new IllegalStateException("io");
        assertThat(new ModelUnavailableException("down", cause)).hasCause(cause);
    }
}
