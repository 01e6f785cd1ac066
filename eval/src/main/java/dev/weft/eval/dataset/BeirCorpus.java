package dev.weft.eval.dataset;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.function.Consumer;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * The documents of a BEIR {@code corpus.jsonl}, read lazily: a corpus may hold millions of documents, so it
 * is streamed from disk one line at a time and never held in memory by this class. Each line is a JSON object
 * with a string {@code _id}, a string {@code text}, and optionally a string {@code title} and a
 * {@code metadata} object; see {@link BeirDocument}. Documents come in file order; duplicate ids are not
 * detected while streaming.
 *
 * <p>Immutable and thread-safe: each call of {@link #documents()} opens its own reader.
 *
 * <pre>{@code
 * try (Stream<BeirDocument> docs = dataset.corpus().documents()) {
 *     docs.forEach(doc -> index(doc.id(), doc.titleAndText()));
 * }
 * }</pre>
 */
public final class BeirCorpus {
    private final Path file;

    private BeirCorpus(Path file) {
        this.file = file;
    }

    /**
     * The corpus in {@code corpusJsonl}.
     *
     * @throws InvalidInputException if it is not a readable file; its lines are checked only as they are read
     */
    public static BeirCorpus at(Path corpusJsonl) {
        Preconditions.notNull(corpusJsonl, "corpusJsonl");
        return new BeirCorpus(InputFiles.requireFile(corpusJsonl, "corpus file (corpus.jsonl)"));
    }

    /** The {@code corpus.jsonl} file. */
    public Path file() {
        return file;
    }

    /**
     * The documents, read as the stream is consumed. The stream holds an open file: close it, as with
     * {@link java.nio.file.Files#lines}. A malformed line fails the stream when it is reached with an
     * {@link InvalidInputException} naming the file and line.
     */
    public Stream<BeirDocument> documents() {
        JsonlReader reader = JsonlReader.open(file);
        Spliterator<BeirDocument> spliterator = new Spliterators.AbstractSpliterator<>(Long.MAX_VALUE,
                Spliterator.ORDERED | Spliterator.NONNULL) {
            @Override
            public boolean tryAdvance(Consumer<? super BeirDocument> action) {
                JsonlReader.Line line = reader.next();
                if (line == null) {
                    return false;
                }
                action.accept(BeirRecords.document(line));
                return true;
            }
        };
        return StreamSupport.stream(spliterator, false).onClose(reader::close);
    }

    /** Applies {@code action} to every document in file order, closing the file afterwards. */
    public void forEach(Consumer<? super BeirDocument> action) {
        Preconditions.notNull(action, "action");
        try (Stream<BeirDocument> documents = documents()) {
            documents.forEachOrdered(action);
        }
    }

    /** The number of documents, counted by reading (and checking) every line. */
    public long count() {
        try (Stream<BeirDocument> documents = documents()) {
            return documents.count();
        }
    }

    /** All documents in memory, in file order: for small corpora only. */
    public List<BeirDocument> readAll() {
        List<BeirDocument> all = new ArrayList<>();
        forEach(all::add);
        return List.copyOf(all);
    }

    @Override
    public String toString() {
        return "BeirCorpus[" + file + "]";
    }
}
