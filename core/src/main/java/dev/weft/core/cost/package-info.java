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
 *   <li>{@link dev.weft.core.cost.BudgetLimits}: a budget's limit per key — one default and a table of exceptions, or a
 *       lookup into the application's own plans — so that a free user, a pro user and an enterprise tenant each have
 *       their own.</li>
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
 * <p>Limits per plan: a free user has 0.50 a day, a pro user 5.00, an enterprise user 100.00, looked up in the
 * application's accounts on each call; a tenant on trial is capped at 5 while the others have 200:
 *
 * <pre>{@code
 * Map<Plan, BigDecimal> daily = Map.of(Plan.FREE, new BigDecimal("0.50"), Plan.PRO, new BigDecimal("5.00"),
 *     Plan.ENTERPRISE, new BigDecimal("100.00"));
 * Budgets budgets = Budgets.builder()
 *     .hard(CostScope.USER, Window.DAILY, BudgetLimits.by(daily.get(Plan.FREE), userId -> accounts.planOf(userId).map(daily::get).orElse(null)))
 *     .hard(CostScope.TENANT, Window.DAILY, BudgetLimits.of(new BigDecimal("200")).with("tenant-trial-17", new BigDecimal("5")))
 *     .build();
 * }</pre>
 *
 * <p>Everything here is thread-safe.
 */
package dev.weft.core.cost;
