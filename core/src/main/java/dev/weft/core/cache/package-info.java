/**
 * Response caches as interceptors: an exact cache keyed on everything that changes the answer, and a semantic
 * cache that answers paraphrases from the nearest cached entry, behind a small vector index interface.
 */
package dev.weft.core.cache;
