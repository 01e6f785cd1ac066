package dev.weft.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The bounded hand-off between LangChain4j's callback thread and the stream's reader. */
class HandoffBufferTest {

    static Stream<Arguments> transfers() {
        return IntStream.range(0, 10).mapToObj(seed -> {
            Random random = new Random(seed);
            return Arguments.of(seed, 1 + random.nextInt(4), random.nextInt(500));
        });
    }

    @ParameterizedTest(name = "seed {0}: {2} items through capacity {1}")
    @MethodSource("transfers")
    void everyItemArrivesOnceAndInOrderWhateverTheCapacity(int seed, int capacity, int count) throws Exception {
        HandoffBuffer<Integer> buffer = new HandoffBuffer<>(capacity);
        Thread producer = Thread.ofPlatform().start(() -> {
            try {
                for (int i = 0; i < count; i++) {
                    buffer.put(i);
                }
                buffer.putLast(-1);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        List<Integer> received = new ArrayList<>();
        for (Integer item = buffer.take(); item != -1; item = buffer.take()) {
            received.add(item);
        }

        assertThat(producer.join(Duration.ofSeconds(30))).as("seed %d", seed).isTrue();
        assertThat(received).as("seed %d", seed).containsExactlyElementsOf(IntStream.range(0, count).boxed().toList());
    }

    @Test
    void closingReleasesAProducerWaitingOnAFullBuffer() throws Exception {
        HandoffBuffer<String> buffer = new HandoffBuffer<>(1);
        assertThat(buffer.put("fills it")).isTrue();
        CompletableFuture<Boolean> secondPut = CompletableFuture.supplyAsync(() -> {
            try {
                return buffer.put("waits or is dropped");
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });

        buffer.close();

        assertThat(secondPut.get(30, TimeUnit.SECONDS)).as("dropped, not added").isFalse();
        assertThat(buffer.take()).as("a closed buffer hands out nothing").isNull();
        buffer.putLast("after close");
        assertThat(buffer.take()).isNull();
    }

    @Test
    void theLastItemGoesPastTheCapacitySoTheEndIsNeverLost() throws InterruptedException {
        HandoffBuffer<String> buffer = new HandoffBuffer<>(1);
        buffer.put("delta");
        buffer.putLast("end");

        assertThat(buffer.take()).isEqualTo("delta");
        assertThat(buffer.take()).isEqualTo("end");
    }

    @Test
    void anInterruptedProducerIsToldSoAndAddsNothing() throws Exception {
        HandoffBuffer<String> buffer = new HandoffBuffer<>(1);
        buffer.put("fills it");
        AtomicReference<Throwable> outcome = new AtomicReference<>();
        Thread producer = Thread.ofPlatform().start(() -> {
            Thread.currentThread().interrupt();
            try {
                buffer.put("never added");
            } catch (InterruptedException e) {
                outcome.set(e);
            }
        });

        assertThat(producer.join(Duration.ofSeconds(30))).isTrue();
        assertThat(outcome.get()).isInstanceOf(InterruptedException.class);
        assertThat(buffer.take()).isEqualTo("fills it");
    }
}
