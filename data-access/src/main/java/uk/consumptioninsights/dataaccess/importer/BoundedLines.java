package uk.consumptioninsights.dataaccess.importer;

import java.io.Closeable;
import java.io.IOException;
import java.io.Reader;

/**
 * Splits text into lines as {@link java.io.BufferedReader#readLine()} does (ended by \n, \r or \r\n; a last line
 * without an ending still counts) but keeps at most {@value #KEPT_CHARS} characters of each: a longer line comes back
 * cut, with its full length. A file whose "line" is a gigabyte of binary then costs no more memory than one of short
 * lines, where readLine would build the whole gigabyte as one string.
 */
final class BoundedLines implements Closeable {

    /** Far above any meter reading line (under 100 characters) or header. */
    static final int KEPT_CHARS = 4_096;

    private static final int BUFFER_CHARS = 1 << 16;

    /**
     * One line without its ending.
     *
     * @param text   the line, or its first {@value #KEPT_CHARS} characters when it is longer
     * @param length the line's full length in characters
     */
    record Line(String text, long length) {

        boolean isCut() {
            return length > text.length();
        }
    }

    private final Reader reader;
    private final char[] buffer = new char[BUFFER_CHARS];
    private final StringBuilder kept = new StringBuilder();
    private int position;
    private int limit;
    /** The last line ended with \r: a \n right after it belongs to the same ending. */
    private boolean afterCarriageReturn;

    BoundedLines(Reader reader) {
        this.reader = reader;
    }

    /** The next line, or null at the end of the text. */
    Line next() throws IOException {
        kept.setLength(0);
        long length = 0;
        boolean started = false;
        while (true) {
            if (position == limit && !fill()) {
                return started ? new Line(kept.toString(), length) : null;
            }
            if (afterCarriageReturn) {
                afterCarriageReturn = false;
                if (buffer[position] == '\n') {
                    position++;
                    continue;
                }
            }
            started = true;
            int start = position;
            while (position < limit && buffer[position] != '\n' && buffer[position] != '\r') {
                position++;
            }
            int end = position;
            length += end - start;
            if (end < limit) {
                afterCarriageReturn = buffer[end] == '\r';
                position++;
                if (kept.length() == 0 && length == end - start && end - start <= KEPT_CHARS) {
                    return new Line(new String(buffer, start, end - start), length); // the common case: no copy
                }
                keep(start, end);
                return new Line(kept.toString(), length);
            }
            keep(start, end);
        }
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private boolean fill() throws IOException {
        int read = reader.read(buffer, 0, buffer.length);
        position = 0;
        limit = Math.max(read, 0);
        return read > 0;
    }

    private void keep(int start, int end) {
        int room = KEPT_CHARS - kept.length();
        if (room > 0) {
            kept.append(buffer, start, Math.min(room, end - start));
        }
    }
}
