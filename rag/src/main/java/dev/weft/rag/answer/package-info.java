/**
 * Answers with citations: the {@link dev.weft.rag.answer.AnswerEngine} retrieves, packs the best chunks into a token
 * budget, numbers them, and either has a chat model answer from them with {@code [n]} citations, or, without a
 * model, picks the sentences that answer best. Every {@link dev.weft.rag.answer.Claim} of an
 * {@link dev.weft.rag.answer.Answer} points to the chunks it rests on.
 */
package dev.weft.rag.answer;
