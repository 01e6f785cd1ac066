/**
 * Probabilistic flow control: which model answers, how many times, and whether the answer is trusted.
 *
 * <ul>
 *   <li>{@link dev.weft.core.flow.Router}: a {@code ChatModel} that sends each request to one of several named
 *       models, by rules ({@link dev.weft.core.flow.Router#byRules()}), by a classifier over the last user turn
 *       ({@link dev.weft.core.flow.Router#byClassifier}) or by cost
 *       ({@link dev.weft.core.flow.Router#byCost()}), and reports each {@link dev.weft.core.flow.RouteDecision}.</li>
 *   <li>{@link dev.weft.core.flow.FallbackChain}: try model A, then B, then C, on the failures resilience's
 *       {@code Fallback} falls back for (it is built from {@code Fallback}s).</li>
 *   <li>{@link dev.weft.core.flow.SelfConsistency}: sample a model n times and take the majority answer, with the
 *       agreement as confidence ({@link dev.weft.core.flow.ConsistentAnswer}).</li>
 *   <li>{@link dev.weft.core.flow.ConfidenceGate}: escalate answers below a confidence threshold to a stronger
 *       model or a handler (human review), recording the path in a {@link dev.weft.core.flow.GateOutcome}.</li>
 *   <li>{@link dev.weft.core.flow.OutputValidation}: an interceptor that checks each answer and repairs or rejects
 *       it.</li>
 * </ul>
 *
 * <p>All of them are {@code ChatModel}s except {@code OutputValidation}, an interceptor, so they compose with each
 * other and with {@code ChatPipeline}:
 *
 * <pre>{@code
 * ChatModel answerer = ChatPipeline.over(
 *         ConfidenceGate.voting(SelfConsistency.builder(Router.byCost().route("mini", mini).route("local", local).build()).build())
 *             .threshold(0.6)
 *             .escalateTo(FallbackChain.of(large, largeOtherRegion))
 *             .build())
 *     .with(tracing)
 *     .build();
 * }</pre>
 *
 * <p>Everything here is thread-safe once built; builders are not.
 */
package dev.weft.core.flow;
