package dev.weft.core.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.cache.VectorIndex.Neighbor;
import dev.weft.testing.Generated;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.instancio.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@link VectorIndex#inMemory()}: exact nearest neighbours within a partition, and its contract. */
class ExactVectorIndexTest {

    record Stored(String partition, String id, float[] vector) {}

    record Scenario(int dimension, List<Stored> entries, List<String> removed, String partition, float[] query, int k) {}

    static Stream<Arguments> scenarios() {
        return Generated.cases(150, r -> {
            int dimension = r.intRange(1, 12);
            List<Stored> entries = new ArrayList<>();
            int n = r.intRange(0, 40);
            for (int i = 0; i < n; i++) {
                // Few distinct ids, so that some puts replace (and move) earlier entries.
                entries.add(new Stored("p" + r.intRange(0, 2), "id" + r.intRange(0, 30), unit(r, dimension)));
            }
            List<String> removed = new ArrayList<>();
            for (int i = r.intRange(0, 5); i > 0; i--) {
                removed.add("id" + r.intRange(0, 30));
            }
            return new Scenario(dimension, entries, removed, "p" + r.intRange(0, 3), unit(r, dimension), r.intRange(1, 8));
        });
    }

    @ParameterizedTest
    @MethodSource("scenarios")
    void nearestAreTheTrueTopKOfThePartitionBestFirst(Scenario s) {
        VectorIndex index = VectorIndex.inMemory(s.dimension());
        List<Stored> live = new ArrayList<>();
        for (Stored e : s.entries()) {
            index.put(e.partition(), e.id(), e.vector());
            live.removeIf(x -> x.id().equals(e.id()));
            live.add(e);
        }
        for (String id : s.removed()) {
            index.remove(id);
            live.removeIf(x -> x.id().equals(id));
        }

        List<Neighbor> expected = live.stream()
                .filter(e -> e.partition().equals(s.partition()))
                .map(e -> new Neighbor(e.id(), (float) Math.max(-1, Math.min(1, UnitVectors.dot(s.query(), e.vector())))))
                .sorted(Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparing(Neighbor::id))
                .limit(s.k())
                .toList();
        assertThat(index.nearest(s.partition(), s.query(), s.k())).isEqualTo(expected);
        assertThat(index.size()).isEqualTo(live.size());
    }

    @Test
    void aPartitionIsNeverSearchedFromAnother() {
        VectorIndex index = VectorIndex.inMemory(2);
        index.put("acme", "a", new float[] {1, 0});

        assertThat(index.nearest("globex", new float[] {1, 0}, 5)).isEmpty();
        assertThat(index.nearest("acme", new float[] {1, 0}, 5)).containsExactly(new Neighbor("a", 1f));
    }

    @Test
    void puttingAnIdAgainReplacesItsVectorAndPartition() {
        VectorIndex index = VectorIndex.inMemory(2);
        index.put("acme", "a", new float[] {1, 0});
        index.put("globex", "a", new float[] {0, 1});

        assertThat(index.size()).isOne();
        assertThat(index.nearest("acme", new float[] {1, 0}, 5)).isEmpty();
        assertThat(index.nearest("globex", new float[] {0, 1}, 5)).containsExactly(new Neighbor("a", 1f));
    }

    @Test
    void storedVectorsAreCopies() {
        VectorIndex index = VectorIndex.inMemory(2);
        float[] v = {1, 0};
        index.put("p", "a", v);
        v[0] = -1;

        assertThat(index.nearest("p", new float[] {1, 0}, 1)).containsExactly(new Neighbor("a", 1f));
    }

    @Test
    void removingAnAbsentIdDoesNothing() {
        VectorIndex index = VectorIndex.inMemory();
        index.remove("nothing");
        assertThat(index.size()).isZero();
    }

    @Test
    void theFirstVectorFixesTheDimensionOfAnIndexCreatedWithoutOne() {
        VectorIndex index = VectorIndex.inMemory();
        index.put("p", "a", new float[] {0, 1, 0});

        assertThatThrownBy(() -> index.put("p", "b", new float[] {0, 1}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension 2").hasMessageContaining("dimension 3");
        assertThatThrownBy(() -> index.nearest("p", new float[] {1, 0}, 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void vectorsMustBeUnitLength() {
        VectorIndex index = VectorIndex.inMemory(2);

        assertThatThrownBy(() -> index.put("p", "a", new float[] {3, 4}))
                .isInstanceOf(InvalidInputException.class).hasMessageContaining("unit length").hasMessageContaining("5.0");
        assertThatThrownBy(() -> index.put("p", "a", new float[] {0, 0})).isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> index.nearest("p", new float[] {Float.NaN, 0}, 1)).isInstanceOf(InvalidInputException.class);
    }

    @Test
    void argumentsAreChecked() {
        VectorIndex index = VectorIndex.inMemory(2);

        assertThatThrownBy(() -> VectorIndex.inMemory(0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("dimension");
        assertThatThrownBy(() -> index.nearest("p", new float[] {1, 0}, 0)).isInstanceOf(InvalidInputException.class).hasMessageContaining("k");
        assertThatThrownBy(() -> index.put(null, "a", new float[] {1, 0})).isInstanceOf(InvalidInputException.class).hasMessageContaining("partition");
        assertThatThrownBy(() -> index.put("p", null, new float[] {1, 0})).isInstanceOf(InvalidInputException.class).hasMessageContaining("id");
    }

    @Test
    void aClosedIndexRefusesWorkAndClosingTwiceIsHarmless() {
        VectorIndex index = VectorIndex.inMemory(2);
        index.close();
        index.close();

        assertThatThrownBy(() -> index.put("p", "a", new float[] {1, 0})).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> index.nearest("p", new float[] {1, 0}, 1)).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(() -> index.remove("a")).isInstanceOf(ResourceClosedException.class);
        assertThatThrownBy(index::size).isInstanceOf(ResourceClosedException.class);
    }

    private static float[] unit(Random r, int dimension) {
        float[] v;
        do {
            v = new float[dimension];
            for (int i = 0; i < dimension; i++) {
                v[i] = r.trueOrFalse(0.1) ? 0 : r.floatRange(-1, 1);
            }
            v = UnitVectors.normalised(v);
        } while (v == null);
        return v;
    }
}
