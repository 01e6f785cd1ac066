package dev.weft.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import java.util.EnumSet;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link ModelInfo}: builder, defaults, validation and immutable collections. */
class ModelInfoTest {

    @Test
    void builderAndDefaults() {
        ModelInfo info = ModelInfo.builder("gpt-4o-mini", "openai")
                .capabilities(Capability.CHAT, Capability.STREAMING)
                .contextWindow(128_000)
                .pricing(Pricing.perMillion("0.15", "0.60", "USD"))
                .attribute("region", "eu")
                .build();
        assertThat(info.has(Capability.CHAT)).isTrue();
        assertThat(info.has(Capability.EMBEDDING)).isFalse();
        assertThat(info.version()).isEmpty();
        assertThat(info.toBuilder().build()).isEqualTo(info);
        ModelInfo bare = new ModelInfo("m", "p", null, null, 0, null, null);
        assertThat(bare.capabilities()).isEmpty();
        assertThat(bare.pricing()).isEqualTo(Pricing.FREE);
        assertThat(bare.attributes()).isEmpty();
    }

    @Test
    void collectionsAreImmutableCopies() {
        EnumSet<Capability> caps = EnumSet.of(Capability.CHAT);
        ModelInfo info = new ModelInfo("m", "p", "1", caps, 0, null, Map.of("k", "v"));
        caps.add(Capability.TOOLS);
        assertThat(info.capabilities()).containsExactly(Capability.CHAT);
        assertThatThrownBy(() -> info.capabilities().add(Capability.TOOLS)).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> info.attributes().put("a", "b")).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void validation() {
        assertThatThrownBy(() -> ModelInfo.builder(" ", "p").build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("id must not be null or blank");
        assertThatThrownBy(() -> ModelInfo.builder("m", null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("provider");
        assertThatThrownBy(() -> ModelInfo.builder("m", "p").contextWindow(-1).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("contextWindow must be >= 0, was -1");
        assertThatThrownBy(() -> ModelInfo.builder("m", "p").attribute("k", null).build())
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("attributes must not hold null keys or values (key k)");
    }
}
