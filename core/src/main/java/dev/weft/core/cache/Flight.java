package dev.weft.core.cache;

import java.util.concurrent.CountDownLatch;

/**
 * One model call in flight for an {@link ExactKey}, made by the call that missed first (the leader), which identical
 * calls that miss while it runs (followers) wait for instead of calling the model themselves. It lands exactly once,
 * with the answer the leader stored, or with nothing when there is nothing followers may be given (the call failed,
 * or its answer may not be stored). Thread-safe.
 */
final class Flight {
    private final Thread leader = Thread.currentThread();
    private final CountDownLatch landed = new CountDownLatch(1);
    private volatile CachedAnswer shared;

    /** Whether {@code thread} is the one making this flight's call (waiting would then wait for itself). */
    boolean ledBy(Thread thread) {
        return leader == thread;
    }

    /** Ends the flight: {@code answer} is what followers are served, or null when they must call the model themselves. */
    void land(CachedAnswer answer) {
        shared = answer;
        landed.countDown();
    }

    /**
     * Waits until the flight lands.
     *
     * @return the stored answer, or null when the leader has nothing to share
     * @throws InterruptedException if the waiting thread is interrupted; the flight goes on for the others
     */
    CachedAnswer await() throws InterruptedException {
        landed.await();
        return shared;
    }
}
