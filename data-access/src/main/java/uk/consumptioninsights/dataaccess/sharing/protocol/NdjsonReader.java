package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.util.Arrays;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.http.ByteCountText;

/**
 * Reads newline-delimited JSON as it streams in, one object per line, numbering lines from 1 as they appear in the
 * response. Blank lines are skipped; {@code \n}, {@code \r\n} and {@code \r} all end a line. Lines are split as bytes
 * (UTF-8 never uses those bytes inside a character) and each is decoded strictly. A line longer than the limit is
 * refused as soon as the limit is passed, without reading the rest. A last line that is not JSON and has no line end
 * is reported as a cut-off response (retryable), any other bad line as a protocol error.
 */
public final class NdjsonReader implements Closeable {

    /** One JSON object and the line it came from. */
    public record Line(int number, JsonNode json) {
    }

    /** How a line ended. */
    private enum LineEnd { LINE_BREAK, END_OF_STREAM, NOTHING_LEFT }

    private static final int LARGEST_ARRAY = Integer.MAX_VALUE - 8;

    private final InputStream in;
    private final long maxLineBytes;
    private final CharsetDecoder decoder = StrictUtf8.decoder();
    private final byte[] buffer = new byte[64 * 1024];
    private int position;
    private int limit;
    private byte[] line = new byte[4 * 1024];
    private int lineLength;
    private int lineNumber;
    private boolean pendingLineFeedAfterReturn;

    /** @param maxLineBytes the longest line read, in bytes without the line end */
    public NdjsonReader(InputStream in, long maxLineBytes) {
        this.in = in;
        this.maxLineBytes = Math.min(maxLineBytes, LARGEST_ARRAY);
    }

    /** The next non-blank line, or empty at the end of the response. */
    public Optional<Line> next() throws IOException {
        while (true) {
            LineEnd end = readLine();
            if (end == LineEnd.NOTHING_LEFT) {
                return Optional.empty();
            }
            lineNumber++;
            boolean terminated = end == LineEnd.LINE_BREAK;
            String text = decode(terminated);
            if (text.isBlank()) {
                continue;
            }
            return Optional.of(new Line(lineNumber, parse(text, terminated)));
        }
    }

    public int lineNumber() {
        return lineNumber;
    }

    private String decode(boolean terminated) {
        decoder.reset();
        ByteBuffer bytes = ByteBuffer.wrap(line, 0, lineLength);
        CharBuffer chars = CharBuffer.allocate(lineLength);
        CoderResult result = decoder.decode(bytes, chars, false);
        if (result.isError() || (bytes.hasRemaining() && terminated)) {
            throw SharingException.of(Category.PROTOCOL, "Line " + lineNumber + " of the server's answer holds bytes "
                    + "that are not UTF-8 text, so the table cannot be read. Tell your data provider; trying again "
                    + "will not help.");
        }
        if (bytes.hasRemaining()) {
            throw cutOff();
        }
        return chars.flip().toString();
    }

    private JsonNode parse(String text, boolean terminated) {
        try {
            JsonNode node = SharingJson.MAPPER.readTree(text);
            if (node != null && node.isObject()) {
                return node;
            }
        } catch (JsonProcessingException e) {
            if (!terminated) {
                throw cutOff();
            }
        }
        throw SharingException.of(Category.PROTOCOL, "Line " + lineNumber + " of the server's answer is not a JSON "
                + "object, so the table cannot be read. Tell your data provider; trying again will not help.");
    }

    private SharingException cutOff() {
        return SharingException.retryable(Category.PROTOCOL, "The server's answer was cut off in line " + lineNumber
                + ". Try again; if it keeps happening, tell your data provider.", null);
    }

    /** Reads the next line's bytes into {@code line} and says how the line ended. */
    private LineEnd readLine() throws IOException {
        lineLength = 0;
        boolean any = false;
        while (true) {
            if (position == limit) {
                limit = in.read(buffer);
                position = 0;
                if (limit <= 0) {
                    limit = 0;
                    return any ? LineEnd.END_OF_STREAM : LineEnd.NOTHING_LEFT;
                }
            }
            if (pendingLineFeedAfterReturn) {
                pendingLineFeedAfterReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            int end = position;
            while (end < limit && buffer[end] != '\n' && buffer[end] != '\r') {
                end++;
            }
            append(position, end - position);
            any |= end > position;
            if (end == limit) {
                position = limit;
                continue;
            }
            pendingLineFeedAfterReturn = buffer[end] == '\r';
            position = end + 1;
            return LineEnd.LINE_BREAK;
        }
    }

    private void append(int from, int count) {
        if (lineLength + (long) count > maxLineBytes) {
            throw SharingException.of(Category.PROTOCOL, "Line " + (lineNumber + 1) + " of the server's answer is "
                    + "longer than " + ByteCountText.of(maxLineBytes) + ", the most the workbench reads for one "
                    + "line, so the table cannot be read. Tell your data provider; trying again will not help.");
        }
        int wanted = lineLength + count;
        if (wanted > line.length) {
            line = Arrays.copyOf(line, (int) Math.min(LARGEST_ARRAY, Math.max(wanted, 2L * line.length)));
        }
        System.arraycopy(buffer, from, line, lineLength, count);
        lineLength += count;
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
