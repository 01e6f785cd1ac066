package dev.weft.core.flow;

import dev.weft.core.chat.ChatResponse;
import dev.weft.core.internal.Preconditions;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the part of a sampled answer that {@link SelfConsistency} votes on, such as the final number of a worked
 * solution. An empty result means the sample gave no answer (it abstains). Implementations must be thread-safe.
 *
 * <pre>{@code
 * AnswerExtractor finalNumber = AnswerExtractor.lastNumber();
 * AnswerExtractor afterMarker = AnswerExtractor.lastMatch(Pattern.compile("Answer:\\s*(.+)"));
 * }</pre>
 */
@FunctionalInterface
public interface AnswerExtractor {

    /** The whole text of the answer; a blank answer abstains. */
    AnswerExtractor WHOLE_TEXT = response -> response.text().isBlank() ? Optional.empty() : Optional.of(response.text());

    /** The part of {@code response} to vote on, or empty when it has none. */
    Optional<String> extract(ChatResponse response);

    /**
     * The last decimal number in the text, in a canonical form so that {@code 1,200.50}, {@code 1200.5} and
     * {@code +1200.50} agree ({@code 1200.5}): thousands separators (groups of three after a comma) are dropped,
     * trailing zeros removed, a sign is read only where it does not follow a letter or digit (so the {@code -} of
     * {@code 3-4} is not one). A text without a number abstains.
     */
    static AnswerExtractor lastNumber() {
        AnswerExtractor lastNumeral = lastMatch(Pattern.compile(
                "(?:(?<![\\p{Alnum}.])[-+])?(?:(?:\\d{1,3}(?:,\\d{3})+|\\d+)(?:\\.\\d+)?|\\.\\d+)"));
        return response -> lastNumeral.extract(response).map(numeral -> {
            BigDecimal value = new BigDecimal(numeral.replace(",", "").replace("+", ""));
            return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
        });
    }

    /**
     * The last match of {@code pattern} in the text: its first group when it has one and the group took part in
     * the match, else the whole match; stripped of white space. A text without a match abstains.
     */
    static AnswerExtractor lastMatch(Pattern pattern) {
        Preconditions.notNull(pattern, "pattern");
        return response -> {
            Matcher m = pattern.matcher(response.text());
            String last = null;
            while (m.find()) {
                last = m.groupCount() >= 1 && m.group(1) != null ? m.group(1) : m.group();
            }
            return last == null || last.isBlank() ? Optional.empty() : Optional.of(last.strip());
        };
    }
}
