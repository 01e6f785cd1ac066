package dev.weft.core.openai;

/**
 * Which request field carries {@code Sampling.maxTokens}. OpenAI deprecated {@code max_tokens} in favour of
 * {@code max_completion_tokens} and its reasoning models refuse the old name, while many OpenAI-compatible
 * servers only know the old one.
 */
public enum MaxTokensParameter {
    /** {@code max_tokens}: understood by every OpenAI-compatible server and by OpenAI's non-reasoning models. */
    MAX_TOKENS("max_tokens"),
    /** {@code max_completion_tokens}: required by OpenAI's reasoning models (o1, o3, …). */
    MAX_COMPLETION_TOKENS("max_completion_tokens");

    private final String field;

    MaxTokensParameter(String field) {
        this.field = field;
    }

    /** The JSON field name. */
    public String field() {
        return field;
    }
}
