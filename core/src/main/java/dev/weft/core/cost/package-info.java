/**
 * Cost governance: what calls cost, who spent it, and limits enforced before the money is spent.
 *
 * <ul>
 *   <li>{@link dev.weft.core.cost.PriceTable}: prices per model id (from code or a JSON file), over the
 *       {@link dev.weft.core.model.Pricing} each model carries. Cost = usage × price, in exact {@link java.math.BigDecimal}.</li>
 *   <li>{@link dev.weft.core.cost.CostLedger}: totals per {@link dev.weft.core.cost.CostScope} key (overall, user, tenant,
 *       feature, model), over all time and per day, exact under concurrency.</li>
 *   <li>{@link dev.weft.core.cost.Budgets}: the interceptor (chat and stream) that estimates each call, reserves the
 *       estimate against every hard {@link dev.weft.core.cost.Budget} or refuses the call with
 *       {@link dev.weft.core.BudgetExceededException} before the model is called, and records the actual cost
 *       afterwards; soft budgets report {@link dev.weft.core.cost.BudgetBreach}es to a listener.</li>
 * </ul>
 *
 * <pre>{@code
 * CostLedger ledger = CostLedger.inMemory();
 * Budgets budgets = Budgets.builder()
 *     .ledger(ledger)
 *     .priceTable(PriceTable.load(Path.of("prices.json")))
 *     .hard(CostScope.USER, Window.DAILY, new BigDecimal("5.00"))
 *     .soft(CostScope.TENANT, Window.DAILY, new BigDecimal("200"))
 *     .listener(event -> log.info("{}", event))
 *     .build();
 * ChatModel model = ChatPipeline.over(remote).with(budgets).build();
 * }</pre>
 *
 * <p>Everything here is thread-safe.
 */
package dev.weft.core.cost;
