/** Answers with citations: the AnswerEngine, with a chat model or extractively. */
package dev.weft.rag.answer;
