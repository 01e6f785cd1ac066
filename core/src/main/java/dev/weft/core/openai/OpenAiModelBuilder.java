package dev.weft.core.openai;

import dev.weft.core.InvalidInputException;
import dev.weft.core.internal.Preconditions;
import dev.weft.core.model.Capability;
import dev.weft.core.model.ModelInfo;
import dev.weft.core.model.Pricing;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * The options every OpenAI-compatible model shares: where the endpoint is, how to authenticate, how long to wait,
 * and what the model is. {@link OpenAiChatModel.Builder} and {@link OpenAiEmbeddingModel.Builder} add their own.
 * Not thread-safe; {@code build()} validates and names the first bad option.
 *
 * <p>The same provider serves OpenAI, Azure-style gateways, vLLM, Ollama, llama.cpp's server and LM Studio:
 * <pre>{@code
 * OpenAiChatModel.builder().model("gpt-4o-mini").build();                       // key from OPENAI_API_KEY
 * OpenAiChatModel.builder().baseUrl("http://localhost:11434/v1").model("llama3.2").build();   // Ollama, no key
 * OpenAiChatModel.builder()                                                     // an Azure-style deployment
 *     .baseUrl("https://my-resource.openai.azure.com/openai/deployments/gpt-4o")
 *     .queryParameter("api-version", "2024-10-21")
 *     .apiKeyHeader("api-key").apiKey(System.getenv("AZURE_OPENAI_KEY"))
 *     .model("gpt-4o").build();
 * }</pre>
 *
 * @param <B> the concrete builder, returned by every setter
 */
public abstract sealed class OpenAiModelBuilder<B extends OpenAiModelBuilder<B>>
        permits OpenAiChatModel.Builder, OpenAiEmbeddingModel.Builder {
    /** OpenAI's own endpoint, the default base URL. */
    public static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";
    /** The environment variable the API key is read from unless one is given. */
    public static final String DEFAULT_API_KEY_VARIABLE = "OPENAI_API_KEY";
    /** The default time allowed to open a connection. */
    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(10);
    /** The default time allowed for a whole call, from sending the request to the last byte of the answer. */
    public static final Duration DEFAULT_REQUEST_TIMEOUT = Duration.ofMinutes(5);

    /** Headers the HTTP client sets itself and refuses from callers. */
    private static final Set<String> RESTRICTED_HEADERS =
            Set.of("connection", "content-length", "expect", "host", "upgrade", "content-type", "accept");

    private String baseUrl = DEFAULT_BASE_URL;
    private String apiKey;
    private boolean apiKeyGiven;
    private String apiKeyVariable = DEFAULT_API_KEY_VARIABLE;
    private String apiKeyHeader = "Authorization";
    private String organization;
    private String project;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> queryParameters = new LinkedHashMap<>();
    private Duration connectTimeout = DEFAULT_CONNECT_TIMEOUT;
    private Duration requestTimeout = DEFAULT_REQUEST_TIMEOUT;
    private HttpClient httpClient;
    private String model;
    private Pricing pricing = Pricing.FREE;
    private int contextWindow;
    private Set<Capability> capabilities;
    private UnaryOperator<String> environment = System::getenv;

    OpenAiModelBuilder() {}

    @SuppressWarnings("unchecked")
    private B self() {
        return (B) this;
    }

    /** The endpoint's base URL, up to and including the version segment; default {@value #DEFAULT_BASE_URL}. */
    public B baseUrl(String baseUrl) {
        this.baseUrl = baseUrl;
        return self();
    }

    /**
     * The API key. Without one the key is read from {@code OPENAI_API_KEY} (see {@link #apiKeyVariable}); when
     * neither is set no credentials are sent, which local servers accept. The key is never logged and appears
     * masked in {@code toString()}.
     */
    public B apiKey(String apiKey) {
        this.apiKey = apiKey;
        this.apiKeyGiven = true;
        return self();
    }

    /** The environment variable to read the API key from when {@link #apiKey} is not called; default {@value #DEFAULT_API_KEY_VARIABLE}. */
    public B apiKeyVariable(String variable) {
        this.apiKeyVariable = variable;
        return self();
    }

    /**
     * The header that carries the key: {@code Authorization} (the default) sends {@code Bearer <key>}; any other
     * name, such as Azure's {@code api-key}, sends the key as it is.
     */
    public B apiKeyHeader(String header) {
        this.apiKeyHeader = header;
        return self();
    }

    /** Sent as {@code OpenAI-Organization}. */
    public B organization(String organization) {
        this.organization = organization;
        return self();
    }

    /** Sent as {@code OpenAI-Project}. */
    public B project(String project) {
        this.project = project;
        return self();
    }

    /** An extra header on every request, for gateways that want one. */
    public B header(String name, String value) {
        this.headers.put(Preconditions.notBlank(name, "header name"), Preconditions.notNull(value, "header '" + name + "' value"));
        return self();
    }

    /** A query parameter on every request URL, such as Azure's {@code api-version}. */
    public B queryParameter(String name, String value) {
        this.queryParameters.put(Preconditions.notBlank(name, "query parameter name"),
                Preconditions.notNull(value, "query parameter '" + name + "' value"));
        return self();
    }

    /** Time allowed to open a TCP (and TLS) connection; default 10 s. Ignored when {@link #httpClient} is given. */
    public B connectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
        return self();
    }

    /**
     * Time allowed for one whole call, from sending the request to the last byte of the answer (streams
     * included); default 5 minutes. Exceeding it raises {@link dev.weft.core.ModelTimeoutException}.
     */
    public B requestTimeout(Duration requestTimeout) {
        this.requestTimeout = requestTimeout;
        return self();
    }

    /**
     * An HTTP client to share between models. The model does not close a client it was given. By default each
     * model creates its own client and closes it in {@code close()}.
     */
    public B httpClient(HttpClient httpClient) {
        this.httpClient = httpClient;
        return self();
    }

    /** The model's name at the endpoint, such as {@code gpt-4o-mini}. Required. */
    public B model(String model) {
        this.model = model;
        return self();
    }

    /** The model's prices, for cost accounting; default free. */
    public B pricing(Pricing pricing) {
        this.pricing = pricing;
        return self();
    }

    /** The model's context window in tokens, when known; default 0 (unknown). */
    public B contextWindow(int contextWindow) {
        this.contextWindow = contextWindow;
        return self();
    }

    /** What the model can do, replacing the defaults (everything the endpoint's API offers). */
    public B capabilities(Capability... capabilities) {
        Set<Capability> set = EnumSet.noneOf(Capability.class);
        set.addAll(Arrays.asList(capabilities));
        this.capabilities = set;
        return self();
    }

    String modelName() {
        return model;
    }

    /** Where environment variables come from; for tests. */
    B environment(UnaryOperator<String> environment) {
        this.environment = environment;
        return self();
    }

    /** Validates the shared options; {@code kind} names the model type in messages. */
    Endpoint endpoint(String kind) {
        if (model == null || model.isBlank()) {
            throw new InvalidInputException(kind + ": model must be set to the model's name at the endpoint, such as gpt-4o-mini");
        }
        URI base = parseBaseUrl(baseUrl);
        positive(connectTimeout, "connectTimeout");
        positive(requestTimeout, "requestTimeout");
        if (apiKeyHeader == null || apiKeyHeader.isBlank()) {
            throw new InvalidInputException("apiKeyHeader must not be blank");
        }
        for (String name : headers.keySet()) {
            if (RESTRICTED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidInputException("header '" + name + "' is set by the HTTP client and cannot be overridden");
            }
        }
        String key = apiKeyGiven ? apiKey : (apiKeyVariable == null ? null : environment.apply(apiKeyVariable));
        if (key != null && key.isBlank()) {
            key = null;
        }
        if (key == null && base.getHost() != null && base.getHost().equalsIgnoreCase("api.openai.com")) {
            throw new InvalidInputException(kind + ": apiKey is missing for " + base + "; set the " + apiKeyVariable
                    + " environment variable or call apiKey(...)");
        }
        return new Endpoint(base, key, apiKeyHeader, organization, project, Map.copyOf(headers),
                new LinkedHashMap<>(queryParameters), connectTimeout, requestTimeout, httpClient);
    }

    /** The model's description, with {@code defaults} as capabilities unless {@link #capabilities} was called. */
    ModelInfo info(Endpoint endpoint, Set<Capability> defaults) {
        if (contextWindow < 0) {
            throw new InvalidInputException("contextWindow must be >= 0, was " + contextWindow);
        }
        ModelInfo.Builder b = ModelInfo.builder(model, "openai")
                .contextWindow(contextWindow)
                .pricing(Preconditions.notNull(pricing, "pricing"))
                .attribute(ModelInfo.BASE_URL, endpoint.baseUrl().toString());
        (capabilities == null ? defaults : capabilities).forEach(b::capabilities);
        return b.build();
    }

    static void positive(Duration d, String name) {
        if (d == null || d.isNegative() || d.isZero()) {
            throw new InvalidInputException(name + " must be a positive duration, was " + d);
        }
    }

    private static URI parseBaseUrl(String baseUrl) {
        if (baseUrl == null || baseUrl.isBlank()) {
            throw new InvalidInputException("baseUrl must not be blank; the default is " + DEFAULT_BASE_URL);
        }
        try {
            URI uri = new URI(baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl);
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("http") && !scheme.equals("https") || uri.getHost() == null) {
                throw new InvalidInputException("baseUrl '" + baseUrl + "' must be an absolute http:// or https:// URL, such as "
                        + DEFAULT_BASE_URL);
            }
            if (uri.getRawQuery() != null || uri.getRawFragment() != null) {
                throw new InvalidInputException("baseUrl '" + baseUrl + "' must not hold a query or fragment; use queryParameter(...)");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new InvalidInputException("baseUrl '" + baseUrl + "' is not a valid URL: " + e.getMessage());
        }
    }

    /** A masked form of a key for {@code toString()}: its last four characters at most. */
    static String mask(String key) {
        if (key == null) {
            return "none";
        }
        return key.length() >= 12 ? "****" + key.substring(key.length() - 4) : "****";
    }
}
