/**
 * Observability: {@link dev.weft.core.observability.Tracing}, an interceptor that traces model calls with
 * OpenTelemetry. Spans and metrics are named by the OpenTelemetry GenAI semantic conventions
 * ({@code gen_ai.operation.name}, {@code gen_ai.request.model}, {@code gen_ai.usage.input_tokens},
 * {@code gen_ai.client.operation.duration}, …), streams add time to first chunk and time per output token, prompt
 * and experiment ids from the request context are carried onto every span, and message content is recorded only
 * when asked for.
 *
 * <pre>{@code
 * ChatModel model = ChatPipeline.over(remote).with(Tracing.openTelemetry(openTelemetry)).build();
 * }</pre>
 */
package dev.weft.core.observability;
