package dev.weft.core;

/** The caller passed something Weft cannot accept: a null or blank text, a malformed reference, a wrong vector dimension. */
public class InvalidInputException extends WeftException {
    private static final long serialVersionUID = 1L;

    public InvalidInputException(String message) {
        super(message);
    }

    public InvalidInputException(String message, Throwable cause) {
        super(message, cause);
    }
}
