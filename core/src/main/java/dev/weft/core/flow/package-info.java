/**
 * Probabilistic flow control: routing by rule, classifier or cost, fallback chains, self-consistency voting and
 * confidence gates that escalate to a stronger model or a callback.
 */
package dev.weft.core.flow;
