package dev.weft.rag.ingest;

import dev.weft.core.model.TokenCounter;
import java.util.ArrayList;
import java.util.List;

/**
 * The recursive token-budget algorithm behind every splitter. Thread-safe (it holds only configuration).
 *
 * <ol>
 *   <li>Cut the span into <em>pieces</em>, each within the budget: a unit that fits is a piece; one that does not is
 *       cut at the next finer {@link TextLevel} (paragraph, sentence, word, grapheme, code point). Pieces are
 *       trimmed of whitespace; whitespace-only units vanish.</li>
 *   <li>Merge consecutive pieces greedily into chunks. The sum of the pieces' counts only proposes a chunk; its
 *       exact count decides, because tokenizers are not additive (a word cut in two counts differently from the
 *       whole word).</li>
 *   <li>Start each next chunk with the longest run of whole pieces from the end of the previous chunk that counts
 *       at most {@code overlap} tokens and still leaves room for at least one new piece.</li>
 * </ol>
 *
 * <p>A chunk exceeds the budget only when it is a single code point that alone counts more than {@code size}
 * tokens, which no word-piece tokenizer produces for {@code size >= 1}.
 */
final class SpanChunker {
    private final TokenCounter counter;
    private final int size;
    private final int overlap;

    SpanChunker(TokenCounter counter, int size, int overlap) {
        this.counter = counter;
        this.size = size;
        this.overlap = overlap;
    }

    /** The chunks of {@code text[from, to)}, in order, each trimmed and non-blank. */
    List<Span> chunk(String text, int from, int to) {
        List<Piece> pieces = new ArrayList<>();
        collect(text, from, to, TextLevel.PARAGRAPH, pieces);
        return merge(text, pieces);
    }

    private record Piece(int start, int end, int tokens) {}

    private void collect(String text, int start, int end, TextLevel level, List<Piece> out) {
        while (start < end && Character.isWhitespace(text.charAt(start))) {
            start++;
        }
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        if (start == end) {
            return;
        }
        int tokens = counter.count(text.substring(start, end));
        if (tokens <= size || end - start == Character.charCount(text.codePointAt(start))) {
            out.add(new Piece(start, end, tokens)); // fits, or is one code point, which nothing can cut
            return;
        }
        TextLevel finer = level.isFinest() ? level : level.finer();
        for (Span unit : level.units(text, start, end)) {
            collect(text, unit.start(), unit.end(), finer, out);
        }
    }

    private List<Span> merge(String text, List<Piece> pieces) {
        List<Span> chunks = new ArrayList<>();
        int first = 0;
        int mustReach = 0; // the new chunk must hold at least this piece, so that every chunk adds text
        while (first < pieces.size()) {
            int last = extend(text, pieces, first, mustReach);
            chunks.add(new Span(pieces.get(first).start(), pieces.get(last).end()));
            if (last == pieces.size() - 1) {
                break;
            }
            mustReach = last + 1;
            first = overlapStart(text, pieces, first, last);
        }
        return chunks;
    }

    /**
     * The last piece of the chunk starting at {@code first}: as many as fit, at least up to {@code mustReach}. The
     * estimate proposes; exact counts decide, searched by galloping then bisection so that a badly wrong estimate
     * (a long word cut into graphemes that the tokenizer joins again) costs logarithmically many counts.
     */
    private int extend(String text, List<Piece> pieces, int first, int mustReach) {
        int floor = Math.max(first, mustReach); // known to fit, unless it is one over-long code point
        int last = floor;
        long estimate = 0;
        for (int i = first; i <= floor; i++) {
            estimate += pieces.get(i).tokens();
        }
        while (last + 1 < pieces.size() && estimate + pieces.get(last + 1).tokens() <= size) {
            last++;
            estimate += pieces.get(last).tokens();
        }
        if (last > floor && count(text, pieces, first, last) > size) {
            return largestFitting(text, pieces, first, floor, last); // the estimate was too bold
        }
        int fits = last;
        for (int step = 1; fits + 1 < pieces.size(); step *= 2) { // the estimate may have been too cautious
            int candidate = (int) Math.min((long) fits + step, pieces.size() - 1);
            if (count(text, pieces, first, candidate) > size) {
                return largestFitting(text, pieces, first, fits, candidate);
            }
            fits = candidate;
        }
        return fits;
    }

    /** Bisects for the last piece in {@code [fits, tooFar)} such that the chunk from {@code first} fits. */
    private int largestFitting(String text, List<Piece> pieces, int first, int fits, int tooFar) {
        while (tooFar - fits > 1) {
            int mid = (fits + tooFar) >>> 1;
            if (count(text, pieces, first, mid) <= size) {
                fits = mid;
            } else {
                tooFar = mid;
            }
        }
        return fits;
    }

    /**
     * Where the chunk after {@code [first, last]} starts: the earliest piece after {@code first} such that the
     * overlap {@code [start, last]} counts at most {@code overlap} tokens and the chunk up to {@code last + 1} fits;
     * {@code last + 1} (no overlap) when no such piece exists.
     */
    private int overlapStart(String text, List<Piece> pieces, int first, int last) {
        if (overlap == 0) {
            return last + 1;
        }
        int start = last + 1;
        long estimate = 0;
        while (start - 1 > first && estimate + pieces.get(start - 1).tokens() <= overlap) {
            start--;
            estimate += pieces.get(start).tokens();
        }
        while (start <= last && (count(text, pieces, start, last) > overlap || count(text, pieces, start, last + 1) > size)) {
            start++;
        }
        return start;
    }

    private int count(String text, List<Piece> pieces, int first, int last) {
        return counter.count(text.substring(pieces.get(first).start(), pieces.get(last).end()));
    }
}
