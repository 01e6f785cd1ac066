/**
 * Observability with OpenTelemetry, named by the GenAI semantic conventions where they have a name, and under
 * {@code weft.*} where they do not.
 *
 * <ul>
 *   <li>{@link dev.weft.core.observability.Tracing}: an interceptor that traces model calls — spans and the
 *       conventions' client histograms ({@code gen_ai.operation.name}, {@code gen_ai.request.model},
 *       {@code gen_ai.usage.input_tokens}, {@code gen_ai.client.operation.duration}, …); streams add time to first
 *       chunk and time per output token, prompt and experiment ids from the request context are carried onto every
 *       span, and message content is recorded only when asked for. Its {@code embeddings(model)} wraps an
 *       {@link dev.weft.core.model.EmbeddingModel} (which has no interceptor chain) so that each embedding call gets an
 *       {@code embeddings} span ({@code gen_ai.embeddings.dimension.count}, input tokens, the number of texts) and
 *       the same histograms.</li>
 *   <li>{@link dev.weft.core.observability.CacheMeters}: the response caches' figures ({@code weft.cache.requests} by
 *       result, {@code .stores}, {@code .evictions}, {@code .entries}, {@code .saved_tokens}, {@code .verifier_rejections}) as asynchronous
 *       instruments read at collection time.</li>
 *   <li>{@link dev.weft.core.observability.CostMeters}: the listener of {@link dev.weft.core.cost.Budgets} that counts
 *       what calls cost ({@code weft.client.cost}) by model, feature and tenant — never user — and budget breaches
 *       ({@code weft.budget.breaches}).</li>
 * </ul>
 *
 * <pre>{@code
 * Tracing tracing = Tracing.openTelemetry(openTelemetry);
 * EmbeddingModel embedder = tracing.embeddings(localEmbedder);     // close() closes localEmbedder
 * ChatModel model = ChatPipeline.over(remote)
 *     .with(tracing)
 *     .with(Budgets.builder().ledger(ledger).listener(CostMeters.builder(openTelemetry).build()).build())
 *     .with(cache)
 *     .build();
 * CacheMeters meters = CacheMeters.builder(openTelemetry).exact("answers", cache).register(); // close() on shutdown
 * }</pre>
 *
 * <p>Everything here is thread-safe.
 */
package dev.weft.core.observability;
