package dev.weft.rag.cache;

import com.github.benmanes.caffeine.cache.Ticker;
import java.io.IOException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Decides when a read must reopen the near-real-time searcher, so that writes never pay for it and reads pay only
 * when they have to. Writes are numbered as they complete ({@link #written()}); a refresh remembers the number it
 * covers and when it started. A read refreshes first ({@link #beforeRead()}) when the searcher misses
 *
 * <ul>
 *   <li>a write made by the reading thread (read-your-writes, always), or</li>
 *   <li>any write, and the last refresh started at least {@code maxStaleness} ago.</li>
 * </ul>
 *
 * So every read sees the reading thread's own earlier writes, and every write that completed at least
 * {@code maxStaleness} before the read began; with a zero bound, every write that completed before it began. A
 * burst of writes costs one refresh, at the next read that needs it; concurrent readers that need the same refresh
 * wait for one of them to make it rather than each making their own. Thread-safe.
 */
final class LazyRefresh {
    private final Refresher refresher;
    private final Ticker ticker;
    private final long maxStalenessNanos;
    private final AtomicLong completedWrites = new AtomicLong();
    /** Per thread, the number of its latest write to this index. */
    private final ThreadLocal<long[]> ownLatestWrite = ThreadLocal.withInitial(() -> new long[1]);
    private final ReentrantLock refreshing = new ReentrantLock();
    private volatile Refresh last;

    LazyRefresh(Refresher refresher, Ticker ticker, long maxStalenessNanos) {
        this.refresher = refresher;
        this.ticker = ticker;
        this.maxStalenessNanos = maxStalenessNanos;
        this.last = new Refresh(0, ticker.read()); // the searcher opened with the index sees every write so far: none
    }

    /** Records that a write completed on this thread. */
    void written() {
        ownLatestWrite.get()[0] = completedWrites.incrementAndGet();
    }

    /** Refreshes the searcher first if this read must see writes it does not yet hold. */
    void beforeRead() throws IOException {
        long own = ownLatestWrite.get()[0];
        if (!mustRefresh(last, own)) {
            return;
        }
        refreshing.lock();
        try {
            if (!mustRefresh(last, own)) {
                return; // another reader refreshed while this one waited
            }
            long started = ticker.read();
            long covered = completedWrites.get(); // read after `started`: covers every write completed before it
            refresher.refresh();
            last = new Refresh(covered, started);
        } finally {
            refreshing.unlock();
        }
    }

    private boolean mustRefresh(Refresh seen, long own) {
        if (own > seen.covered) {
            return true;
        }
        return completedWrites.get() > seen.covered && ticker.read() - seen.started >= maxStalenessNanos;
    }

    /** The refresh that the current searcher reflects: it holds writes {@code 1..covered}, made before {@code started}. */
    private record Refresh(long covered, long started) {}

    /** Reopens the searcher so that it holds every write completed so far. */
    @FunctionalInterface
    interface Refresher {
        void refresh() throws IOException;
    }
}
