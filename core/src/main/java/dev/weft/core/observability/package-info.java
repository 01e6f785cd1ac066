/**
 * Observability: an OpenTelemetry tracing interceptor whose spans and metrics follow the GenAI semantic
 * conventions, with time to first token and time per output token for streams.
 */
package dev.weft.core.observability;
