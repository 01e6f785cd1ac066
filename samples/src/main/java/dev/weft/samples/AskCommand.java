package dev.weft.samples;

import dev.weft.core.Models;
import dev.weft.core.model.ChatModel;
import dev.weft.inference.onnx.BundledModel;
import dev.weft.inference.onnx.OnnxEmbeddingModel;
import dev.weft.rag.answer.Answer;
import dev.weft.rag.answer.AnswerEngine;
import dev.weft.rag.answer.ContextChunk;
import dev.weft.rag.ingest.DirectorySource;
import dev.weft.rag.ingest.IngestionFailure;
import dev.weft.rag.ingest.IngestionManifest;
import dev.weft.rag.ingest.IngestionPipeline;
import dev.weft.rag.ingest.IngestionReport;
import dev.weft.rag.ingest.Splitter;
import dev.weft.rag.lucene.LuceneStore;
import dev.weft.rag.retrieval.HybridRetriever;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code weft ask}: ingests a folder into an on-disk Lucene index (incrementally: unchanged files are skipped on the
 * next run), then answers a question from it with citations — extractively with the local ONNX embedder by default,
 * or with a chat model named by {@code --model} or {@code WEFT_MODEL}.
 */
@Command(name = "ask", mixinStandardHelpOptions = true,
        description = "Ingest a folder of documents (txt, md, html, pdf) and answer a question from them, with citations.")
final class AskCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "QUESTION", description = "The question to answer.")
    String[] question;

    @Option(names = "--docs", defaultValue = "samples/docs", description = "Folder to ingest (default: ${DEFAULT-VALUE}).")
    Path docs;

    @Option(names = "--index", defaultValue = "target/weft-index", description = "Where the index lives (default: ${DEFAULT-VALUE}).")
    Path index;

    @Option(names = "--model", defaultValue = "${env:WEFT_MODEL}",
            description = "A chat model reference (e.g. openai:gpt-4o-mini) to write the answer; extractive when absent.")
    String model;

    @Option(names = "--top-k", defaultValue = "5", description = "Chunks to retrieve (default: ${DEFAULT-VALUE}).")
    int topK;

    @Option(names = "--chunk-tokens", defaultValue = "200", description = "Chunk size in word pieces (default: ${DEFAULT-VALUE}).")
    int chunkTokens;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!Files.isDirectory(docs)) {
            err.printf("No folder at %s: pass --docs DIR (run from the repository root for the bundled samples/docs).%n", docs.toAbsolutePath());
            return 2;
        }
        String q = String.join(" ", question);
        try (OnnxEmbeddingModel embedder = OnnxEmbeddingModel.builder().bundled(BundledModel.ALL_MINILM_L6_V2).build();
             LuceneStore store = LuceneStore.builder().path(index.resolve("lucene")).dimension(embedder.dimension()).build();
             ChatModel chat = model == null || model.isBlank() ? null : Models.chat(model)) {

            IngestionReport report = ingest(embedder, store, err);
            out.printf(Locale.ROOT, "Indexed %s: %d added, %d updated, %d unchanged, %d removed; %d chunks in the index.%n",
                    docs, report.added(), report.updated(), report.unchanged(), report.deleted(), store.size());
            for (IngestionFailure f : report.failures()) {
                err.printf("  skipped %s: %s%n", f.location(), f.reason());
            }

            AnswerEngine.Builder engine = AnswerEngine.builder()
                    .retriever(HybridRetriever.builder(store, embedder).build())
                    .embeddingModel(embedder)
                    .tokenCounter(embedder.tokenCounter())
                    .topK(topK);
            if (chat != null) {
                engine.chatModel(chat);
                int window = chat.info().contextWindow();
                if (window > 0) {
                    // Sources are counted with the embedder's tokenizer; leave room for the chat model's own (often
                    // longer) tokenisation, the instructions and the answer.
                    engine.contextTokens(Math.max(128, window / 3));
                }
            }
            Answer answer = engine.build().answer(q);
            out.println();
            out.println(answer.text());
            out.println();
            if (answer.cited().isEmpty()) {
                out.println("Sources: none cited");
            } else {
                out.println(chat == null ? "Sources (extractive answer, most relevant first):" : "Sources:");
                for (ContextChunk c : answer.cited()) {
                    out.printf("  [%d] %s%n", c.number(), c.chunk().citation());
                }
            }
            if (answer.invalidCitations() > 0) {
                err.printf("weft: the model cited %d source number(s) it was not given; they were dropped.%n", answer.invalidCitations());
            }
            return 0;
        }
    }

    private IngestionReport ingest(OnnxEmbeddingModel embedder, LuceneStore store, PrintWriter err) {
        try (ProgressBar bar = new ProgressBarBuilder().setTaskName("Ingesting").setStyle(ProgressBarStyle.ASCII)
                .setConsumer(new ConsoleProgressBarConsumer(System.err)).setInitialMax(1).build()) {
            IngestionPipeline pipeline = IngestionPipeline.builder()
                    .source(DirectorySource.builder(docs).include("**/*.{md,markdown,txt,html,htm,pdf}").build())
                    .splitter(Splitter.markdownHeaders().tokenCounter(embedder.tokenCounter()).chunkSize(chunkTokens).overlap(32).build())
                    .embeddingModel(embedder)
                    .store(store)
                    .manifest(IngestionManifest.file(index.resolve("manifest.json")))
                    .listener(p -> {
                        bar.maxHint(Math.max(1, p.documentsTotal()));
                        bar.stepTo(p.documentsDone());
                        bar.setExtraMessage(String.format(Locale.ROOT, "%d chunks, %.0f chunks/s", p.chunksEmbedded(), p.chunksPerSecond()));
                    })
                    .build();
            return pipeline.run();
        }
    }
}
