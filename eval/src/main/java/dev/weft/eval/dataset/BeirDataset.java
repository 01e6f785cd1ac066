package dev.weft.eval.dataset;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One split of a dataset in the BEIR format: a folder holding
 *
 * <ul>
 *   <li>{@code corpus.jsonl}: one document per line, {@code {"_id", "title", "text", "metadata"}};</li>
 *   <li>{@code queries.jsonl}: one query per line, {@code {"_id", "text"}};</li>
 *   <li>{@code qrels/<split>.tsv}: {@code query-id<TAB>corpus-id<TAB>score} under a header line.</li>
 * </ul>
 *
 * <p>{@link #load} reads the queries and judgements into memory and keeps only the queries the split judges
 * (as BEIR's own loader does), in qrels order; the corpus stays on disk and is streamed by {@link #corpus()}.
 * Every malformed line is reported with an {@link InvalidInputException} naming its file and line.
 *
 * <p>Immutable and thread-safe.
 *
 * <pre>{@code
 * BeirDataset scifact = BeirDataset.load(Path.of("data/beir-scifact"), "test");
 * for (BeirQuery q : scifact.queries().values()) { ... scifact.qrels().judgements(q.id()) ... }
 * try (Stream<BeirDocument> docs = scifact.corpus().documents()) { docs.forEach(indexer::add); }
 * }</pre>
 */
public final class BeirDataset {
    private static final Logger LOG = LoggerFactory.getLogger(BeirDataset.class);
    private static final Pattern SPLIT_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

    private final Path directory;
    private final String split;
    private final BeirCorpus corpus;
    private final Map<String, BeirQuery> queries;
    private final Qrels qrels;

    private BeirDataset(Path directory, String split, BeirCorpus corpus, Map<String, BeirQuery> queries, Qrels qrels) {
        this.directory = directory;
        this.split = split;
        this.corpus = corpus;
        this.queries = queries;
        this.qrels = qrels;
    }

    /**
     * Loads split {@code split} (such as {@code "test"}) of the BEIR dataset in {@code directory}.
     *
     * @throws InvalidInputException if a file is missing (naming the splits that exist), a line of the queries
     *     or qrels is malformed, a query id repeats, or the qrels judge a query that {@code queries.jsonl}
     *     does not hold
     */
    public static BeirDataset load(Path directory, String split) {
        Preconditions.notNull(directory, "directory");
        Preconditions.notBlank(split, "split");
        if (!SPLIT_NAME.matcher(split).matches() || split.contains("..")) {
            throw new InvalidInputException("split must be a plain name such as \"test\" or \"dev\", was \"" + split + "\"");
        }
        if (!Files.isDirectory(directory)) {
            throw new InvalidInputException("BEIR dataset folder " + directory + " does not exist or is not a folder");
        }
        BeirCorpus corpus = BeirCorpus.at(directory.resolve("corpus.jsonl"));
        Path qrelsFile = directory.resolve("qrels").resolve(split + ".tsv");
        if (!Files.isRegularFile(qrelsFile)) {
            throw new InvalidInputException("no qrels for split \"" + split + "\": " + qrelsFile + " is missing; "
                    + availableSplits(directory.resolve("qrels")));
        }
        Qrels qrels = Qrels.read(qrelsFile);
        Map<String, BeirQuery> all = readQueries(directory.resolve("queries.jsonl"));

        Map<String, BeirQuery> judged = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        for (String queryId : qrels.queryIds()) {
            BeirQuery query = all.get(queryId);
            if (query == null) {
                unknown.add(queryId);
            } else {
                judged.put(queryId, query);
            }
        }
        if (!unknown.isEmpty()) {
            throw new InvalidInputException(qrelsFile + " judges " + unknown.size() + " quer" + (unknown.size() == 1 ? "y" : "ies")
                    + " that " + directory.resolve("queries.jsonl") + " does not hold: "
                    + String.join(", ", unknown.subList(0, Math.min(5, unknown.size()))) + (unknown.size() > 5 ? ", …" : "")
                    + "; the qrels and queries must come from the same dataset");
        }
        LOG.debug("Loaded BEIR split '{}' of {}: {} of {} queries judged, {} judgements", split, directory,
                judged.size(), all.size(), qrels.size());
        return new BeirDataset(directory, split, corpus, Collections.unmodifiableMap(judged), qrels);
    }

    /**
     * Every query of a {@code queries.jsonl} file by id, in file order, judged or not.
     *
     * @throws InvalidInputException if the file is missing, a line is malformed or an id repeats
     */
    public static Map<String, BeirQuery> readQueries(Path queriesJsonl) {
        Preconditions.notNull(queriesJsonl, "queriesJsonl");
        InputFiles.requireFile(queriesJsonl, "queries file (queries.jsonl)");
        Map<String, BeirQuery> queries = new LinkedHashMap<>();
        Map<String, Long> lineOf = new HashMap<>();
        try (JsonlReader reader = JsonlReader.open(queriesJsonl)) {
            for (JsonlReader.Line line = reader.next(); line != null; line = reader.next()) {
                BeirQuery query = BeirRecords.query(line);
                Long first = lineOf.putIfAbsent(query.id(), line.location().line());
                if (first != null) {
                    throw line.location().error("repeats query id \"" + query.id() + "\" (first at line " + first + ")");
                }
                queries.put(query.id(), query);
            }
        }
        return Collections.unmodifiableMap(queries);
    }

    private static String availableSplits(Path qrelsDirectory) {
        if (!Files.isDirectory(qrelsDirectory)) {
            return "there is no qrels folder at all";
        }
        try (Stream<Path> files = Files.list(qrelsDirectory)) {
            List<String> splits = files.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".tsv"))
                    .map(name -> name.substring(0, name.length() - ".tsv".length()))
                    .sorted()
                    .toList();
            return splits.isEmpty() ? "the qrels folder holds no .tsv file" : "available splits: " + String.join(", ", splits);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + qrelsDirectory + ": " + e.getMessage(), e);
        }
    }

    /** The dataset's folder. */
    public Path directory() {
        return directory;
    }

    /** The split loaded, such as {@code "test"}. */
    public String split() {
        return split;
    }

    /** The corpus, streamed from {@code corpus.jsonl} on demand. */
    public BeirCorpus corpus() {
        return corpus;
    }

    /** The queries this split judges, by id, in qrels order. Unmodifiable. */
    public Map<String, BeirQuery> queries() {
        return queries;
    }

    /** The query with {@code id}, if this split judges it. */
    public Optional<BeirQuery> query(String id) {
        return Optional.ofNullable(queries.get(id));
    }

    /** The split's relevance judgements. */
    public Qrels qrels() {
        return qrels;
    }

    @Override
    public String toString() {
        return "BeirDataset[" + directory + ", split " + split + ": " + queries.size() + " queries, " + qrels.size() + " judgements]";
    }
}
