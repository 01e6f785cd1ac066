package dev.weft.benchmarks;

import dev.weft.core.retrieval.InMemoryVectorStore;
import dev.weft.core.retrieval.Metadata;
import dev.weft.core.retrieval.SearchHit;
import dev.weft.core.retrieval.Filter;
import dev.weft.core.retrieval.StoredChunk;
import dev.weft.core.retrieval.VectorQuery;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/** Exact search in {@link InMemoryVectorStore}: top-10 over n 384-dimensional vectors, unfiltered and filtered. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(value = 1, jvmArgsAppend = "--add-modules=jdk.incubator.vector")
@Warmup(iterations = 2, time = 2)
@Measurement(iterations = 3, time = 2)
public class InMemoryVectorStoreBenchmark {
    @Param({"1000", "10000"})
    int size;

    private InMemoryVectorStore store;
    private float[] query;
    private final Filter filter = Filter.eq("lang", "en");

    @Setup
    public void setUp() {
        Random random = new Random(7);
        store = InMemoryVectorStore.builder().dimension(384).build();
        List<StoredChunk> chunks = new ArrayList<>();
        for (int i = 0; i < size; i++) {
            chunks.add(new StoredChunk("c" + i, "text " + i, vector(random), Metadata.of("lang", i % 4 == 0 ? "en" : "de")));
        }
        store.upsert(chunks);
        query = vector(random);
    }

    @Benchmark
    public List<SearchHit> top10() {
        return store.search(VectorQuery.of(query, 10));
    }

    @Benchmark
    public List<SearchHit> top10Filtered() {
        return store.search(VectorQuery.of(query, 10, filter));
    }

    private static float[] vector(Random random) {
        float[] v = new float[384];
        for (int i = 0; i < v.length; i++) {
            v[i] = (float) random.nextGaussian();
        }
        return v;
    }
}
