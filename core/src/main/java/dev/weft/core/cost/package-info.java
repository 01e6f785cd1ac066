/**
 * Cost governance: prices, cost ledgers per user, tenant, feature and model, and budgets enforced in the request
 * path (estimate before the call, reconcile with actual usage after).
 */
package dev.weft.core.cost;
