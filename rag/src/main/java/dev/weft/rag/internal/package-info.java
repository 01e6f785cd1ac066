/**
 * Implementation shared by the module's exported packages (the Lucene codec and its checks, used by both
 * {@code dev.weft.rag.lucene} and {@code dev.weft.rag.cache}). Not exported: no part of Weft's API.
 */
package dev.weft.rag.internal;
