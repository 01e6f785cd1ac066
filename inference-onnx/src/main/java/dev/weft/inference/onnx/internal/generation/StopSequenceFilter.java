package dev.weft.inference.onnx.internal.generation;

import java.util.List;

/**
 * Passes generated text through until one of the stop sequences appears, which it swallows together with
 * everything after it. Text that could be the start of a stop sequence is held back until the next piece shows
 * whether it is, so a stop sequence split across tokens never leaks into the answer. Generation stops at the first
 * piece (token) that completes a stop sequence; when that piece completes several, the answer ends before the one
 * that starts first. Not thread-safe.
 */
final class StopSequenceFilter {
    private final List<String> stops;
    private final StringBuilder held = new StringBuilder();
    private boolean stopped;

    StopSequenceFilter(List<String> stops) {
        this.stops = List.copyOf(stops);
    }

    /** Adds {@code text}; returns what is now certain to be part of the answer (possibly empty). */
    String offer(String text) {
        if (stopped) {
            return "";
        }
        held.append(text);
        if (stops.isEmpty()) {
            return take(held.length());
        }
        int first = -1;
        for (String stop : stops) {
            int at = held.indexOf(stop);
            if (at >= 0 && (first < 0 || at < first)) {
                first = at;
            }
        }
        if (first >= 0) {
            stopped = true;
            String answer = held.substring(0, first);
            held.setLength(0);
            return answer;
        }
        return take(held.length() - longestStopPrefixSuffix());
    }

    /** Whether a stop sequence appeared. */
    boolean stopped() {
        return stopped;
    }

    /** At the end of generation without a stop sequence: the text held back, which turned out to be answer. */
    String flush() {
        return take(held.length());
    }

    private String take(int count) {
        String out = held.substring(0, count);
        held.delete(0, count);
        return out;
    }

    /** The length of the longest end of {@link #held} that is the beginning of some stop sequence. */
    private int longestStopPrefixSuffix() {
        int best = 0;
        for (String stop : stops) {
            for (int k = Math.min(stop.length() - 1, held.length()); k > best; k--) {
                if (endsWithPrefix(stop, k)) {
                    best = k;
                    break;
                }
            }
        }
        return best;
    }

    /** Whether {@link #held} ends with the first {@code k} characters of {@code stop}. */
    private boolean endsWithPrefix(String stop, int k) {
        int from = held.length() - k;
        for (int i = 0; i < k; i++) {
            if (held.charAt(from + i) != stop.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
