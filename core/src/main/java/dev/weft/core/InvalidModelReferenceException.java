package dev.weft.core;

/** A model reference string ({@code scheme:name?key=value}) is malformed; the message names the offending part. */
public class InvalidModelReferenceException extends InvalidInputException {
    private static final long serialVersionUID = 1L;

    public InvalidModelReferenceException(String message) {
        super(message);
    }
}
