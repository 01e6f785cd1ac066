/**
 * Evaluation datasets: BEIR-format corpora (streamed), queries and graded relevance judgements
 * ({@link dev.weft.eval.dataset.BeirDataset}, {@link dev.weft.eval.dataset.Qrels}).
 */
package dev.weft.eval.dataset;
