/**
 * Evaluation metrics for retrieval: nDCG, recall, precision, MRR and MAP at cutoffs
 * ({@link dev.weft.eval.metrics.RetrievalMetric}), scored per query and averaged by
 * {@link dev.weft.eval.metrics.RetrievalEvaluator}, with seeded bootstrap confidence intervals for the means
 * ({@link dev.weft.eval.metrics.BootstrapMean}).
 */
package dev.weft.eval.metrics;
