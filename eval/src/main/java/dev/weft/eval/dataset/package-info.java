/** Evaluation datasets: BEIR-format corpora, queries and relevance judgements. */
package dev.weft.eval.dataset;
