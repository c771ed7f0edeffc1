package uk.consumptioninsights.dataaccess.importer;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The one rule for quoting text read from a file, in a message, in the import report's tables and in its file: up to
 * {@value #LIMIT} characters as read; anything longer is cut there and ends with an ellipsis and its full length, e.g.
 * "MAC0000… (10,485,760 characters)". A reason that quotes a 10 MB line stays readable, and the reader still learns how
 * long the line was. Cutting a text this rule already cut changes nothing.
 */
public final class QuotedText {

    /** Characters kept from a longer text. */
    public static final int LIMIT = 200;

    private static final Pattern ALREADY_CUT = Pattern.compile("(?s).{1," + LIMIT + "}… \\([0-9,]+ characters\\)");

    private QuotedText() {
    }

    /** {@code text} itself when it is at most {@value #LIMIT} characters; otherwise its start, an ellipsis and its length. */
    public static String cut(String text) {
        if (text == null) {
            return "";
        }
        if (text.length() <= LIMIT || ALREADY_CUT.matcher(text).matches()) {
            return text;
        }
        return cut(text, text.length());
    }

    /** The same rule for a text of which only the {@code start} was read, {@code length} characters in all. */
    public static String cut(CharSequence start, long length) {
        if (length <= LIMIT && start.length() == length) {
            return start.toString();
        }
        int end = Math.min(LIMIT, start.length());
        // Never end on half of a surrogate pair: the cut text must still be valid UTF-16.
        if (end > 0 && Character.isHighSurrogate(start.charAt(end - 1))) {
            end--;
        }
        return start.subSequence(0, end) + "… (" + NumberFormat.getIntegerInstance(Locale.UK).format(length)
                + " characters)";
    }
}
