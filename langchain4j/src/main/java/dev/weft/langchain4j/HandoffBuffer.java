package dev.weft.langchain4j;

import java.util.ArrayDeque;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * A bounded hand-off from one producer thread (LangChain4j's callbacks) to one consumer (the stream's reader).
 * {@link #put} blocks while the buffer is full, so a slow reader slows the provider down instead of buffering
 * without bound; {@link #close} discards what is buffered and releases both sides at once, so neither can stay
 * blocked after the stream is closed. A lock rather than {@code synchronized}, so virtual threads do not pin.
 */
final class HandoffBuffer<T> {
    private final int capacity;
    private final ArrayDeque<T> items;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition notEmpty = lock.newCondition();
    private final Condition notFull = lock.newCondition();
    private boolean closed;

    HandoffBuffer(int capacity) {
        this.capacity = capacity;
        this.items = new ArrayDeque<>(Math.min(capacity, 64));
    }

    /**
     * Adds {@code item}, waiting while the buffer is full.
     *
     * @return false if the buffer was closed (before or while waiting), when the item is dropped
     * @throws InterruptedException if the waiting thread is interrupted; the item is not added
     */
    boolean put(T item) throws InterruptedException {
        lock.lock();
        try {
            while (items.size() >= capacity && !closed) {
                notFull.await();
            }
            return add(item);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Adds the last item of the stream (its end or its failure) without waiting: at most one such item goes past
     * the capacity, so the producer never blocks on the end of a stream and the reader always learns how it ended.
     */
    void putLast(T item) {
        lock.lock();
        try {
            add(item);
        } finally {
            lock.unlock();
        }
    }

    private boolean add(T item) {
        if (closed) {
            return false;
        }
        items.addLast(item);
        notEmpty.signal();
        return true;
    }

    /**
     * The oldest item, waiting until there is one.
     *
     * @return null once the buffer is closed
     * @throws InterruptedException if the waiting thread is interrupted
     */
    T take() throws InterruptedException {
        lock.lock();
        try {
            while (items.isEmpty() && !closed) {
                notEmpty.await();
            }
            if (closed) {
                return null;
            }
            T item = items.removeFirst();
            notFull.signal();
            return item;
        } finally {
            lock.unlock();
        }
    }

    /** Discards the buffered items and wakes both sides; later puts drop their item and takes return null. */
    void close() {
        lock.lock();
        try {
            closed = true;
            items.clear();
            notEmpty.signalAll();
            notFull.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
