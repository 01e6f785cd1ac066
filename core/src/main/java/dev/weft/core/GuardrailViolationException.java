package dev.weft.core;

/** A guardrail blocked an input or an output. {@link #guardrail()} names which one. */
public class GuardrailViolationException extends WeftException {
    private static final long serialVersionUID = 1L;
    private final String guardrail;

    public GuardrailViolationException(String guardrail, String message) {
        super(guardrail + ": " + message);
        this.guardrail = guardrail;
    }

    /** The name of the guardrail that fired. */
    public String guardrail() {
        return guardrail;
    }
}
