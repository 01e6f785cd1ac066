/**
 * The OpenAI-compatible remote provider: {@link dev.weft.core.openai.OpenAiChatModel} ({@code /chat/completions},
 * JSON and server-sent-event streaming, tools including parallel calls, JSON and JSON Schema output) and
 * {@link dev.weft.core.openai.OpenAiEmbeddingModel} ({@code /embeddings}), over the JDK's HTTP client. One
 * provider serves OpenAI, Azure-style gateways, vLLM, Ollama, llama.cpp's server and LM Studio; by reference
 * they are {@code openai:<model>?baseUrl=…} (see {@code dev.weft.core.Models}).
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(OpenAiChatModel.builder().model("gpt-4o-mini").build())
 *     .with(Resilience.builder().retries(3).circuitBreaker(CircuitBreaker.ofDefaults()).build())
 *     .build();
 * }</pre>
 *
 * <p>Models here do not retry; failures arrive as typed exceptions for the interceptors in
 * {@code dev.weft.core.resilience} to act on. Everything here is thread-safe.
 */
package dev.weft.core.openai;
