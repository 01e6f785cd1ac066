package dev.weft.core.cost;

/**
 * What {@link Budgets} tells its listener: a call's cost was recorded ({@link CostEntry}), or a call's estimate did
 * not fit in a budget ({@link BudgetBreach}). Switch over it exhaustively.
 */
public sealed interface CostEvent permits CostEntry, BudgetBreach {}
