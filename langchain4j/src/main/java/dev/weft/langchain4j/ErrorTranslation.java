package dev.weft.langchain4j;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InternalServerException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.LangChain4jException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import dev.weft.core.GuardrailViolationException;
import dev.weft.core.InvalidInputException;
import dev.weft.core.InvalidModelResponseException;
import dev.weft.core.ModelNotFoundException;
import dev.weft.core.ModelTimeoutException;
import dev.weft.core.ModelUnavailableException;
import dev.weft.core.RateLimitedException;
import dev.weft.core.UnsupportedCapabilityException;
import dev.weft.core.WeftException;
import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * Turns what a LangChain4j component throws into Weft's typed exceptions, so that Weft's resilience interceptors
 * (retry, breaker, fallback) treat a bridged model like any other: rate limits, timeouts and server errors stay
 * retryable, bad requests and missing models do not.
 */
final class ErrorTranslation {
    /** Jackson 2 (LangChain4j's) and Jackson 3 (Weft's) parse errors: the provider sent something unreadable. */
    private static final String[] JSON_PACKAGES = {"com.fasterxml.jackson.", "tools.jackson."};

    private ErrorTranslation() {}

    /**
     * The Weft exception for {@code error}, raised while {@code what} (such as "LangChain4j chat model
     * OpenAiChatModel (gpt-4o-mini)") was working. Weft exceptions pass through unchanged.
     */
    static WeftException translate(Throwable error, String what) {
        Throwable t = unwrap(error);
        if (t instanceof WeftException w) {
            return w;
        }
        String detail = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        if (isJsonError(t)) { // before IOException: Jackson 2's parse errors are IOExceptions
            return new InvalidModelResponseException(what + " received a response it could not parse", detail, t);
        }
        return switch (t) {
            case RateLimitException e -> withCause(new RateLimitedException(what + " was rate limited by its provider: "
                    + detail + ". Retry later or lower the request rate.", null), e);
            case TimeoutException e -> new ModelTimeoutException(what + " timed out: " + detail
                    + ". Retry, or raise the timeout configured on the LangChain4j model.", null, e);
            case InternalServerException e -> new ModelUnavailableException(what + " failed at its provider (server error): "
                    + detail + ". Retry later or fall back to another model.", e);
            case UnresolvedModelServerException e -> new ModelUnavailableException(what + " could not reach its server: "
                    + detail + ". Check the base URL and the network.", e);
            case AuthenticationException e -> new WeftException(what + " was refused by its provider (authentication): "
                    + detail + ". Check the API key and its permissions.", e);
            case dev.langchain4j.exception.ModelNotFoundException e -> new ModelNotFoundException(what
                    + " names a model its provider does not know: " + detail + ". Check the model name.", e);
            case ContentFilteredException e -> withCause(new GuardrailViolationException("provider content filter",
                    what + " refused the request or answer: " + detail), e);
            case InvalidRequestException e -> new InvalidInputException(what + " rejected the request as invalid: "
                    + detail + ". Fix the request; retrying will not help.", e);
            case UnsupportedFeatureException e -> withCause(new UnsupportedCapabilityException(what
                    + " does not support part of the request: " + detail), e);
            case HttpException e -> fromStatus(e.statusCode(), what, detail, e);
            case RetriableException e -> new ModelUnavailableException(what + " failed (retryable): " + detail, e);
            case HttpTimeoutException e -> new ModelTimeoutException(what + " timed out: " + detail, null, e);
            case java.util.concurrent.TimeoutException e -> new ModelTimeoutException(what + " timed out: " + detail, null, e);
            case java.net.SocketTimeoutException e -> new ModelTimeoutException(what + " timed out: " + detail, null, e);
            case IOException e -> new ModelUnavailableException(what + " lost its connection: " + detail
                    + ". Retry, or check that the provider is reachable.", e);
            case IllegalArgumentException e -> new InvalidInputException(what + " refused its input: " + detail, e);
            default -> new WeftException(what + " failed: " + detail, t);
        };
    }

    private static WeftException fromStatus(int status, String what, String detail, HttpException e) {
        if (status == 429) {
            return withCause(new RateLimitedException(what + " was rate limited (HTTP 429): " + detail, null), e);
        }
        if (status == 408) {
            return new ModelTimeoutException(what + " timed out (HTTP 408): " + detail, null, e);
        }
        if (status >= 500) {
            return new ModelUnavailableException(what + " failed at its provider (HTTP " + status + "): " + detail, e);
        }
        if (status == 404) {
            return new ModelNotFoundException(what + " got HTTP 404: " + detail + ". Check the model name and base URL.", e);
        }
        if (status >= 400) {
            return new InvalidInputException(what + " rejected the request (HTTP " + status + "): " + detail, e);
        }
        return new WeftException(what + " failed (HTTP " + status + "): " + detail, e);
    }

    private static Throwable unwrap(Throwable t) {
        Throwable current = t;
        while ((current instanceof CompletionException || current instanceof ExecutionException
                || (current.getClass() == RuntimeException.class && current.getCause() != null)
                || (current.getClass() == LangChain4jException.class && current.getCause() != null))
                && current.getCause() != null && current.getCause() != current) {
            current = current.getCause();
        }
        return current;
    }

    private static boolean isJsonError(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause() == c ? null : c.getCause()) {
            String name = c.getClass().getName();
            for (String prefix : JSON_PACKAGES) {
                if (name.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static <E extends WeftException> E withCause(E exception, Throwable cause) {
        exception.initCause(cause);
        return exception;
    }
}
