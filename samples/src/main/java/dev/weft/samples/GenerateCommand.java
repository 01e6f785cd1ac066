package dev.weft.samples;

import dev.weft.core.Models;
import dev.weft.core.chat.ChatDelta;
import dev.weft.core.chat.ChatRequest;
import dev.weft.core.chat.ChatResponse;
import dev.weft.core.chat.ChatStream;
import dev.weft.core.chat.Sampling;
import dev.weft.core.model.ChatModel;
import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code weft generate}: streams a chat model's answer to the terminal as it is generated — by default the local
 * {@code tiny-lm} decoder on ONNX Runtime, so it runs offline — and prints time to first token and decode speed.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Stream a model's continuation of a prompt to the terminal (local ONNX decoder by default).")
final class GenerateCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Parameters(arity = "1..*", paramLabel = "PROMPT", description = "The prompt.")
    String[] prompt;

    @Option(names = "--model", defaultValue = "onnx:../shared/models/tiny-lm",
            description = "A chat model reference (default: ${DEFAULT-VALUE}, a directory with model.onnx, tokenizer.json, config.json).")
    String model;

    @Option(names = "--max-tokens", defaultValue = "64", description = "Most tokens to generate (default: ${DEFAULT-VALUE}).")
    int maxTokens;

    @Option(names = "--temperature", defaultValue = "0", description = "0 for greedy (default: ${DEFAULT-VALUE}).")
    double temperature;

    @Option(names = "--seed", description = "Seed for reproducible sampling.")
    Long seed;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        Sampling sampling = Sampling.builder().maxTokens(maxTokens).temperature(temperature).seed(seed).build();
        try (ChatModel chat = Models.chat(model);
             ChatStream stream = chat.stream(ChatRequest.builder().user(String.join(" ", prompt)).sampling(sampling).build())) {
            for (ChatDelta delta : stream) {
                if (delta instanceof ChatDelta.Text t) {
                    out.print(t.text());
                    out.flush();
                }
            }
            ChatResponse done = stream.response();
            out.println();
            spec.commandLine().getErr().printf(Locale.ROOT, "[%s: %d tokens, finish %s, first token after %d ms, %.1f ms/token]%n",
                    done.model().id(), done.usage().outputTokens(), done.finishReason(), done.timings().timeToFirstToken().toMillis(),
                    done.timings().timePerOutputToken(done.usage().outputTokens()).toNanos() / 1e6);
            return 0;
        }
    }
}
