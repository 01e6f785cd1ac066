package dev.weft.core.cost;

import dev.weft.core.InvalidInputException;

/**
 * A price table's JSON could not be read: it is not valid JSON, or it does not follow the format described on
 * {@link PriceTable}. {@link #line()}, {@link #column()} and {@link #field()} say where; the message says what is wrong
 * there.
 */
public class PriceTableFormatException extends InvalidInputException {
    private static final long serialVersionUID = 1L;
    private final String source;
    private final int line;
    private final int column;
    private final String field;

    /**
     * @param problem what is wrong, as a sentence
     * @param source the file, resource or other origin of the JSON
     * @param line the line, from 1; 0 when unknown
     * @param column the column, from 1; 0 when unknown
     * @param field the JSON Pointer of the offending field, such as {@code /models/gpt-4o/outputPerMillion}; empty for
     *     the document itself
     */
    public PriceTableFormatException(String problem, String source, int line, int column, String field) {
        super(source + (line > 0 ? ", line " + line + ", column " + column : "")
                + (field.isEmpty() ? "" : ", at " + field) + ": " + problem);
        this.source = source;
        this.line = line;
        this.column = column;
        this.field = field;
    }

    /** Where the JSON came from: a path, a class-path resource, or the name given with a stream. */
    public String source() {
        return source;
    }

    /** The line of the problem, from 1; 0 when unknown. */
    public int line() {
        return line;
    }

    /** The column of the problem, from 1; 0 when unknown. */
    public int column() {
        return column;
    }

    /** The JSON Pointer of the field at fault ({@code /models/gpt-4o/inputPerMillion}); empty for the whole document. */
    public String field() {
        return field;
    }
}
