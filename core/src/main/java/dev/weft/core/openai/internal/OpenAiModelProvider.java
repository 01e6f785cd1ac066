package dev.weft.core.openai.internal;

import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelReferenceException;
import dev.weft.core.model.ChatModel;
import dev.weft.core.model.EmbeddingModel;
import dev.weft.core.model.Pricing;
import dev.weft.core.openai.MaxTokensParameter;
import dev.weft.core.openai.OpenAiChatModel;
import dev.weft.core.openai.OpenAiEmbeddingModel;
import dev.weft.core.openai.OpenAiModelBuilder;
import dev.weft.core.spi.ModelProvider;
import dev.weft.core.spi.ModelRef;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code openai:} model provider: {@code openai:<model>?key=value&…} for chat and embedding models behind any
 * OpenAI-compatible endpoint. Parameters, all optional:
 * <ul>
 *   <li>every model: {@code baseUrl}, {@code apiKeyVariable} (the environment variable holding the key; keys
 *       themselves are refused, since references end up in logs), {@code apiKeyHeader}, {@code organization},
 *       {@code project}, {@code connectTimeout}, {@code requestTimeout}, {@code contextWindow},
 *       {@code inputPrice} and {@code outputPrice} (per million tokens) with {@code currency} (default USD);</li>
 *   <li>chat: {@code streamIdleTimeout}, {@code maxTokensParameter} ({@code max_tokens} or
 *       {@code max_completion_tokens}), {@code streamUsage}, {@code nonStandardSampling},
 *       {@code parallelToolCalls};</li>
 *   <li>embedding: {@code dimensions}, {@code batchSize}.</li>
 * </ul>
 * Durations are ISO-8601 ({@code PT30S}) or a number with {@code ms}, {@code s}, {@code m} or {@code h}.
 *
 * <pre>{@code
 * ChatModel m = Models.chat("openai:llama3.2?baseUrl=http%3A%2F%2Flocalhost%3A11434%2Fv1&requestTimeout=90s");
 * }</pre>
 *
 * Thread-safe and stateless.
 */
public final class OpenAiModelProvider implements ModelProvider {
    /** The scheme, {@code openai}. */
    public static final String SCHEME = "openai";

    private static final List<String> COMMON = List.of("baseUrl", "apiKeyVariable", "apiKeyHeader", "organization", "project",
            "connectTimeout", "requestTimeout", "contextWindow", "inputPrice", "outputPrice", "currency");
    private static final List<String> CHAT =
            List.of("streamIdleTimeout", "maxTokensParameter", "streamUsage", "nonStandardSampling", "parallelToolCalls");
    private static final List<String> EMBEDDING = List.of("dimensions", "batchSize");
    private static final Pattern DURATION = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(ms|s|m|h)");

    /** Used by {@link java.util.ServiceLoader}. */
    public OpenAiModelProvider() {}

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public ChatModel chat(ModelRef ref) {
        check(ref);
        OpenAiChatModel.Builder b = OpenAiChatModel.builder().model(ref.name());
        Map<String, String> rest = common(b, ref, CHAT);
        rest.forEach((key, value) -> {
            switch (key) {
                case "streamIdleTimeout" -> b.streamIdleTimeout(duration(ref, key, value));
                case "maxTokensParameter" -> b.maxTokensParameter(switch (value) {
                    case "max_tokens" -> MaxTokensParameter.MAX_TOKENS;
                    case "max_completion_tokens" -> MaxTokensParameter.MAX_COMPLETION_TOKENS;
                    default -> throw invalid(ref, key, value, "max_tokens or max_completion_tokens");
                });
                case "streamUsage" -> b.streamUsage(bool(ref, key, value));
                case "nonStandardSampling" -> b.nonStandardSampling(bool(ref, key, value));
                case "parallelToolCalls" -> b.parallelToolCalls(bool(ref, key, value));
                default -> throw new IllegalStateException(key);
            }
        });
        return b.build();
    }

    @Override
    public EmbeddingModel embedding(ModelRef ref) {
        check(ref);
        OpenAiEmbeddingModel.Builder b = OpenAiEmbeddingModel.builder().model(ref.name());
        Map<String, String> rest = common(b, ref, EMBEDDING);
        rest.forEach((key, value) -> {
            switch (key) {
                case "dimensions" -> b.dimensions(integer(ref, key, value));
                case "batchSize" -> b.batchSize(integer(ref, key, value));
                default -> throw new IllegalStateException(key);
            }
        });
        return b.build();
    }

    private static void check(ModelRef ref) {
        if (!SCHEME.equals(ref.scheme())) {
            throw new InvalidModelReferenceException("Reference " + ref + " is not an openai: reference");
        }
    }

    /** Applies the shared parameters and returns the others, after checking that {@code specific} knows them. */
    private static Map<String, String> common(OpenAiModelBuilder<?> b, ModelRef ref, List<String> specific) {
        Map<String, String> rest = new HashMap<>();
        String input = null;
        String output = null;
        String currency = "USD";
        for (Map.Entry<String, String> p : ref.params().entrySet()) {
            String key = p.getKey();
            String value = p.getValue();
            switch (key) {
                case "baseUrl" -> b.baseUrl(value);
                case "apiKeyVariable" -> b.apiKeyVariable(value);
                case "apiKeyHeader" -> b.apiKeyHeader(value);
                case "organization" -> b.organization(value);
                case "project" -> b.project(value);
                case "connectTimeout" -> b.connectTimeout(duration(ref, key, value));
                case "requestTimeout" -> b.requestTimeout(duration(ref, key, value));
                case "contextWindow" -> b.contextWindow(integer(ref, key, value));
                case "inputPrice" -> input = value;
                case "outputPrice" -> output = value;
                case "currency" -> currency = value;
                case "apiKey", "key", "api_key" -> throw new InvalidModelReferenceException("Model reference for openai:"
                        + ref.name() + " holds an API key; keys do not belong in references, which end up in logs and "
                        + "configuration files. Put it in an environment variable and name that with apiKeyVariable=NAME");
                default -> {
                    if (!specific.contains(key)) {
                        throw new InvalidInputException("Unknown parameter '" + key + "' in openai:" + ref.name() + "; these "
                                + "models take " + String.join(", ", COMMON) + ", " + String.join(", ", specific));
                    }
                    rest.put(key, value);
                }
            }
        }
        if (input != null || output != null) {
            try {
                b.pricing(Pricing.perMillion(input == null ? "0" : input, output == null ? "0" : output, currency));
            } catch (NumberFormatException e) {
                throw new InvalidInputException("inputPrice/outputPrice in openai:" + ref.name()
                        + " must be decimal numbers (price per million tokens), were " + input + " and " + output);
            }
        }
        return rest;
    }

    static Duration duration(ModelRef ref, String key, String value) {
        String v = value.trim();
        if (v.toUpperCase(Locale.ROOT).startsWith("PT")) {
            try {
                return Duration.parse(v);
            } catch (DateTimeParseException e) {
                throw invalid(ref, key, value, "a duration such as PT30S, 500ms, 30s, 2m");
            }
        }
        Matcher m = DURATION.matcher(v);
        if (!m.matches()) {
            throw invalid(ref, key, value, "a duration such as PT30S, 500ms, 30s, 2m");
        }
        double amount = Double.parseDouble(m.group(1));
        double millis = switch (m.group(2)) {
            case "ms" -> amount;
            case "s" -> amount * 1_000;
            case "m" -> amount * 60_000;
            default -> amount * 3_600_000;
        };
        return Duration.ofNanos((long) (millis * 1_000_000));
    }

    private static int integer(ModelRef ref, String key, String value) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw invalid(ref, key, value, "an integer");
        }
    }

    private static boolean bool(ModelRef ref, String key, String value) {
        return switch (value.trim().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw invalid(ref, key, value, "true or false");
        };
    }

    private static InvalidInputException invalid(ModelRef ref, String key, String value, String expected) {
        return new InvalidInputException("Parameter " + key + "=" + value + " in openai:" + ref.name() + " is invalid; use " + expected);
    }
}
