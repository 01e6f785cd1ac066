package dev.weft.core.prompt;

import dev.weft.core.InvalidInputException;
import java.util.List;

/**
 * Rendering was refused because the variables passed do not match the ones the prompt uses: some are
 * {@link #missing()} (absent or {@code null}), some are {@link #unexpected()} (the prompt has no such variable,
 * often a typo). Both lists are sorted and reported together so that one fix suffices. Not retryable: pass exactly
 * the prompt's {@link Prompt#variables()}.
 */
public class PromptRenderException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final String promptId;
    private final List<String> missing;
    private final List<String> unexpected;

    public PromptRenderException(String message, String promptId, List<String> missing, List<String> unexpected) {
        super(message);
        this.promptId = promptId;
        this.missing = List.copyOf(missing);
        this.unexpected = List.copyOf(unexpected);
    }

    /** The id of the prompt that refused to render. */
    public String promptId() {
        return promptId;
    }

    /** Variables the prompt uses that were not passed, or passed as {@code null}; sorted. */
    public List<String> missing() {
        return missing;
    }

    /** Variables that were passed but that the prompt does not use; sorted. */
    public List<String> unexpected() {
        return unexpected;
    }
}
