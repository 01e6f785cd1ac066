package dev.weft.core.openai;

import dev.weft.core.AuthenticationException;
import dev.weft.core.ContentFilteredException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.InvalidRequestException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.QuotaExceededException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.WeftException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpHeaders;
import java.net.http.HttpTimeoutException;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * Turns what went wrong on the wire into Weft's typed exceptions, so that interceptors can tell what is worth
 * retrying: 429, 5xx, 408, 409, timeouts and connection failures are; 400, 401, 403, 404 and content filtering
 * are not. Every message carries the provider's own explanation.
 */
final class HttpFailures {
    /** Error codes with which providers report content filtering (Azure OpenAI, OpenAI's image and moderation paths). */
    private static final Set<String> CONTENT_FILTER_CODES = Set.of("content_filter", "content_policy_violation");

    private HttpFailures() {}

    /** The exception for an HTTP error status. */
    static WeftException fromStatus(int status, HttpHeaders headers, String body, String where) {
        ErrorBody error = ErrorBody.parse(body);
        return fromError(status, error, RetryAfter.from(headers, Clock.systemUTC()), where);
    }

    /** The exception for an error the provider described, with {@code status} or 0 when it came inside a 200 or a stream. */
    static WeftException fromError(int status, ErrorBody error, Duration retryAfter, String where) {
        String said = (status > 0 ? " answered HTTP " + status : " reported an error")
                + (error.code().isEmpty() ? "" : " (" + error.code() + ")") + ": " + error.message();
        String message = capitalised(where) + said;
        if (CONTENT_FILTER_CODES.contains(error.code())) {
            return new ContentFilteredException(message + ". The provider's content filter refused the input; rephrase it.", error.code());
        }
        if (status == 0) {
            return fromTypeInBody(error, message, retryAfter);
        }
        return switch (status) {
            case 401, 403 -> new AuthenticationException(message + ". Check the API key (by default the OPENAI_API_KEY "
                    + "environment variable), organisation and project.", status);
            case 404 -> new ModelNotFoundException(message + ". Check the model name and the base URL (it usually ends in /v1).");
            case 408 -> new ModelTimeoutException(message + ". The server timed out the request; it is safe to retry.", Duration.ZERO);
            case 409 -> new ModelUnavailableException(message + ". The server reported a conflict; it is safe to retry.", retryAfter, null);
            case 429 -> "insufficient_quota".equals(error.code()) || "insufficient_quota".equals(error.type())
                    ? new QuotaExceededException(message + ". Waiting will not help: check the account's plan and billing.")
                    : new RateLimitedException(message + (retryAfter == null ? "" : " (retry after " + retryAfter + ")"), retryAfter);
            default -> {
                if (status >= 500) {
                    yield new ModelUnavailableException(message + ". The provider failed to serve; it is usually safe to retry.",
                            retryAfter, null);
                }
                if (status >= 400) {
                    yield new InvalidRequestException(message + ". Change the request; retrying it unchanged will fail again.",
                            status, error.code());
                }
                yield new InvalidModelResponseException(capitalised(where) + " answered with unexpected HTTP status " + status,
                        error.message());
            }
        };
    }

    /** An error object sent with status 200 or inside a stream: classify by its type. */
    private static WeftException fromTypeInBody(ErrorBody error, String message, Duration retryAfter) {
        String kind = error.type() + " " + error.code();
        if (kind.contains("insufficient_quota")) {
            return new QuotaExceededException(message);
        }
        if (kind.contains("rate_limit")) {
            return new RateLimitedException(message, retryAfter);
        }
        if (kind.contains("invalid_request") || kind.contains("BadRequest")) {
            return new InvalidRequestException(message, 0, error.code());
        }
        if (kind.contains("authentication") || kind.contains("invalid_api_key")) {
            return new AuthenticationException(message, 0);
        }
        return new ModelUnavailableException(message, retryAfter, null);
    }

    /** The exception for a failure below HTTP: connect, timeout, reset. */
    static WeftException fromTransport(Throwable cause, String where, Endpoint endpoint) {
        if (cause instanceof WeftException w) {
            return w;
        }
        if (cause instanceof HttpConnectTimeoutException) {
            return new ModelTimeoutException("Could not connect to " + where + " within " + endpoint.connectTimeout()
                    + "; check the base URL and the network", endpoint.connectTimeout(), cause);
        }
        if (cause instanceof HttpTimeoutException) {
            return new ModelTimeoutException("No answer from " + where + " within " + endpoint.requestTimeout(),
                    endpoint.requestTimeout(), cause);
        }
        if (cause instanceof ConnectException) {
            return new ModelUnavailableException("Could not connect to " + where + " (" + cause.getMessage()
                    + "); is the server running and the base URL right?", cause);
        }
        if (cause instanceof IOException) {
            return new ModelUnavailableException("The connection to " + where + " failed: " + cause, cause);
        }
        if (cause instanceof IllegalArgumentException) {
            return new WeftException("The HTTP client refused the request to " + where + ": " + cause.getMessage(), cause);
        }
        return new WeftException("The call to " + where + " failed: " + cause, cause);
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
