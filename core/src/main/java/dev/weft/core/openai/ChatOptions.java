package dev.weft.core.openai;

/**
 * How a chat model writes its requests.
 *
 * @param model the model's name at the endpoint
 * @param maxTokens which field carries the token limit
 * @param streamUsage whether streamed requests ask for a final usage chunk ({@code stream_options})
 * @param nonStandardSampling whether {@code top_k} and {@code repetition_penalty} are sent
 * @param parallelToolCalls sent as {@code parallel_tool_calls} when tools are offered; null to leave it out
 */
record ChatOptions(String model, MaxTokensParameter maxTokens, boolean streamUsage, boolean nonStandardSampling,
        Boolean parallelToolCalls) {}
