package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * Reads newline-delimited JSON as it streams in, one object per line, numbering lines from 1 as they appear in the
 * response. Blank lines are skipped; {@code \n}, {@code \r\n} and {@code \r} all end a line. A last line that is not
 * JSON and has no line end is reported as a cut-off response (retryable), any other bad line as a protocol error.
 */
public final class NdjsonReader implements Closeable {

    /** One JSON object and the line it came from. */
    public record Line(int number, JsonNode json) {
    }

    /** How a line ended. */
    private enum LineEnd { LINE_BREAK, END_OF_STREAM, NOTHING_LEFT }

    private final Reader reader;
    private final char[] buffer = new char[64 * 1024];
    private int position;
    private int limit;
    private int lineNumber;
    private boolean pendingLineFeedAfterReturn;

    public NdjsonReader(InputStream in) {
        this.reader = new InputStreamReader(in, StandardCharsets.UTF_8);
    }

    /** The next non-blank line, or empty at the end of the response. */
    public Optional<Line> next() throws IOException {
        StringBuilder text = new StringBuilder();
        while (true) {
            text.setLength(0);
            LineEnd end = readLine(text);
            if (end == LineEnd.NOTHING_LEFT) {
                return Optional.empty();
            }
            lineNumber++;
            if (text.toString().isBlank()) {
                continue;
            }
            return Optional.of(new Line(lineNumber, parse(text.toString(), end == LineEnd.LINE_BREAK)));
        }
    }

    public int lineNumber() {
        return lineNumber;
    }

    private JsonNode parse(String text, boolean terminated) {
        try {
            JsonNode node = SharingJson.MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            if (!terminated) {
                throw SharingException.retryable(Category.PROTOCOL, "The server's answer was cut off in line "
                        + lineNumber + ". Try again; if it keeps happening, tell your data provider.", null);
            }
        }
        throw SharingException.of(Category.PROTOCOL, "Line " + lineNumber + " of the server's answer is not a JSON "
                + "object, so the table cannot be read. Tell your data provider; trying again will not help.");
    }

    /** Appends the next line's text to {@code text} and says how the line ended. */
    private LineEnd readLine(StringBuilder text) throws IOException {
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = reader.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? LineEnd.END_OF_STREAM : LineEnd.NOTHING_LEFT;
                }
            }
            char c = buffer[position++];
            if (pendingLineFeedAfterReturn) {
                pendingLineFeedAfterReturn = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\n') {
                return LineEnd.LINE_BREAK;
            }
            if (c == '\r') {
                pendingLineFeedAfterReturn = true;
                return LineEnd.LINE_BREAK;
            }
            text.append(c);
            any = true;
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }
}
