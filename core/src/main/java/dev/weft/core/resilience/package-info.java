/**
 * Resilience as interceptors (see {@code dev.weft.core.pipeline.ChatPipeline}), for any chat model, local or
 * remote: {@link dev.weft.core.resilience.Retry} (exponential backoff with jitter, honouring {@code Retry-After},
 * retryable failures only), {@link dev.weft.core.resilience.CircuitBreaker} (per model),
 * {@link dev.weft.core.resilience.ConcurrencyLimit}, {@link dev.weft.core.resilience.Timeout} and
 * {@link dev.weft.core.resilience.Fallback}; {@link dev.weft.core.resilience.Resilience} stacks them in the order
 * that makes them work together. Each handles both {@code chat} calls and streams, and exposes counters
 * ({@code metrics()}) whose totals add up. Waits go through a {@link dev.weft.core.resilience.Sleeper} and the
 * breaker reads an {@link java.time.InstantSource}, so tests need not wait.
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(OpenAiChatModel.builder().model("gpt-4o-mini").build())
 *     .with(Resilience.retries(3).circuitBreaker(CircuitBreaker.ofDefaults()).fallbackTo(localModel).build())
 *     .build();
 * }</pre>
 *
 * <p>Everything here is thread-safe.
 */
package dev.weft.core.resilience;
