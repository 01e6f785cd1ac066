package dev.weft.core.cache;

import dev.weft.core.InvalidInputException;
import dev.weft.core.ResourceClosedException;
import dev.weft.core.internal.Preconditions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * {@link VectorIndex#inMemory()}: every search compares the query with every vector of its partition, so results
 * are the true nearest neighbours, ordered by descending similarity, then ascending id. Similarity is the dot
 * product of the unit vectors (their cosine), clamped to [-1, 1]. Thread-safe: searches run concurrently, writes
 * exclusively.
 */
final class ExactVectorIndex implements VectorIndex {
    private static final Comparator<Neighbor> BEST_FIRST =
            Comparator.comparingDouble(Neighbor::similarity).reversed().thenComparing(Neighbor::id);

    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<String, Map<String, float[]>> partitions = new HashMap<>(); // guarded by lock
    private final Map<String, String> partitionOf = new HashMap<>(); // guarded by lock
    private int dimension; // guarded by lock; 0 until fixed
    private volatile boolean closed;

    ExactVectorIndex(int dimension) {
        this.dimension = dimension;
    }

    @Override
    public void put(String partition, String id, float[] vector) {
        Preconditions.notNull(partition, "partition");
        Preconditions.notNull(id, "id");
        Preconditions.notNull(vector, "vector");
        UnitVectors.requireUnit(vector, "the vector of '" + id + "'");
        float[] copy = vector.clone();
        lock.writeLock().lock();
        try {
            ensureOpen();
            if (dimension == 0) {
                dimension = copy.length;
            }
            checkDimension(copy.length, "the vector of '" + id + "'");
            String previous = partitionOf.put(id, partition);
            if (previous != null && !previous.equals(partition)) {
                removeFrom(previous, id);
            }
            partitions.computeIfAbsent(partition, p -> new HashMap<>()).put(id, copy);
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public void remove(String id) {
        Preconditions.notNull(id, "id");
        lock.writeLock().lock();
        try {
            ensureOpen();
            String partition = partitionOf.remove(id);
            if (partition != null) {
                removeFrom(partition, id);
            }
        } finally {
            lock.writeLock().unlock();
        }
    }

    @Override
    public List<Neighbor> nearest(String partition, float[] vector, int k) {
        Preconditions.notNull(partition, "partition");
        Preconditions.notNull(vector, "vector");
        Preconditions.check(k >= 1, "k must be >= 1, was " + k);
        UnitVectors.requireUnit(vector, "the query vector");
        PriorityQueue<Neighbor> worstFirst = new PriorityQueue<>(BEST_FIRST.reversed());
        lock.readLock().lock();
        try {
            ensureOpen();
            Map<String, float[]> entries = partitions.get(partition);
            if (entries == null) {
                return List.of();
            }
            checkDimension(vector.length, "the query vector");
            for (Map.Entry<String, float[]> e : entries.entrySet()) {
                float similarity = (float) Math.max(-1, Math.min(1, UnitVectors.dot(vector, e.getValue())));
                worstFirst.add(new Neighbor(e.getKey(), similarity));
                if (worstFirst.size() > k) {
                    worstFirst.poll();
                }
            }
        } finally {
            lock.readLock().unlock();
        }
        List<Neighbor> best = new ArrayList<>(worstFirst);
        best.sort(BEST_FIRST);
        return best;
    }

    @Override
    public int size() {
        lock.readLock().lock();
        try {
            ensureOpen();
            return partitionOf.size();
        } finally {
            lock.readLock().unlock();
        }
    }

    @Override
    public void close() {
        closed = true;
    }

    private void removeFrom(String partition, String id) {
        Map<String, float[]> entries = partitions.get(partition);
        entries.remove(id);
        if (entries.isEmpty()) {
            partitions.remove(partition);
        }
    }

    private void checkDimension(int actual, String what) {
        if (actual != dimension) {
            throw new InvalidInputException(what + " has dimension " + actual + " but this index holds vectors of dimension " + dimension);
        }
    }

    private void ensureOpen() {
        if (closed) {
            throw new ResourceClosedException("this in-memory VectorIndex is closed");
        }
    }
}
