/** Evaluation metrics: information retrieval (nDCG, recall, MRR, MAP). */
package dev.weft.eval.metrics;
