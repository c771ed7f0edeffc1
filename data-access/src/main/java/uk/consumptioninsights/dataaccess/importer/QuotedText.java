package uk.consumptioninsights.dataaccess.importer;

import java.text.NumberFormat;
import java.util.Locale;

/**
 * The one rule for quoting text read from a file, in a message, in the import report's tables and in its file: up to
 * {@value #LIMIT} characters as read; anything longer is cut there and ends with an ellipsis and its full length, e.g.
 * "MAC0000… (10,485,760 characters)". A reason that quotes a 10 MB line stays readable, and the reader still learns how
 * long the line was.
 */
public final class QuotedText {

    /** Characters kept from a longer text. */
    public static final int LIMIT = 200;

    private QuotedText() {
    }

    /** {@code text} itself when it is at most {@value #LIMIT} characters; otherwise its start, an ellipsis and its length. */
    public static String cut(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= LIMIT) {
            return text;
        }
        // Never end on half of a surrogate pair: the cut text must still be valid UTF-16.
        int end = Character.isHighSurrogate(text.charAt(LIMIT - 1)) ? LIMIT - 1 : LIMIT;
        return text.substring(0, end) + "… (" + NumberFormat.getIntegerInstance(Locale.UK).format(text.length())
                + " characters)";
    }
}
