package dev.weft.core.prompt;

import dev.weft.core.WeftException;

/**
 * A {@link PromptRegistry} holds no prompt with the id, or no such version of it. The message lists what it does
 * hold. Not retryable: fix the id or version, or add the file to the location the registry loads.
 */
public class PromptNotFoundException extends WeftException {
    private static final long serialVersionUID = 1L;

    public PromptNotFoundException(String message) {
        super(message);
    }
}
