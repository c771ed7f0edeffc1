package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedLinesTest {

    @Test
    void splitsLinesExactlyAsReadLineDoes() throws IOException {
        for (String text : List.of("", "\n", "a", "a\n", "a\nb", "a\r\nb\r\n", "a\rb\r", "\r\n\r\n", "a\n\nb\n\n",
                "a\r\r\nb", "x\n\r", "LCLid,tstp,energy(kWh/hh)\r\nMAC000002,2013-01-01 00:00:00, 0.2 \r\n")) {
            assertThat(texts(new BoundedLines(new StringReader(text)))).as("lines of %s", text.replace("\r", "\\r")
                    .replace("\n", "\\n")).isEqualTo(readLines(new StringReader(text)));
        }
    }

    @Test
    void endingsSplitAcrossReadsAreStillOneEnding() throws IOException {
        String text = "a\r\nbb\rccc\n\r\nd\r\r\neee";
        // One character per read: every \r\n is split between two reads.
        assertThat(texts(new BoundedLines(new OneCharAtATime(text)))).isEqualTo(readLines(new StringReader(text)));
        for (int shift = -2; shift <= 1; shift++) {
            // 655 lines of 100 characters, then a \r\n whose \r is at 65,535 + shift: around the 64 Ki-character read.
            String filler = ("f".repeat(99) + "\n").repeat(655);
            String around = filler + "y".repeat(35 + shift) + "\r\n" + "after\n";
            assertThat(texts(new BoundedLines(new StringReader(around)))).as("shift %d", shift)
                    .isEqualTo(readLines(new StringReader(around)));
        }
    }

    @Test
    void aLongLineComesBackCutWithItsFullLengthAndTheNextLineIsIntact() throws IOException {
        int length = 10 * 1024 * 1024;
        BoundedLines lines = new BoundedLines(new StringReader("z".repeat(length) + "\nMAC000002\n"));

        BoundedLines.Line longLine = lines.next();
        assertThat(longLine.isCut()).isTrue();
        assertThat(longLine.length()).isEqualTo(length);
        assertThat(longLine.text()).isEqualTo("z".repeat(BoundedLines.KEPT_CHARS));
        BoundedLines.Line next = lines.next();
        assertThat(next.text()).isEqualTo("MAC000002");
        assertThat(next.isCut()).isFalse();
        assertThat(lines.next()).isNull();
    }

    @Test
    void aLineOfExactlyTheKeptLengthIsWhole() throws IOException {
        BoundedLines lines = new BoundedLines(new StringReader("k".repeat(BoundedLines.KEPT_CHARS)));

        BoundedLines.Line line = lines.next();
        assertThat(line.isCut()).isFalse();
        assertThat(line.text()).hasSize(BoundedLines.KEPT_CHARS);
    }

    private static List<String> texts(BoundedLines lines) throws IOException {
        List<String> out = new ArrayList<>();
        for (BoundedLines.Line line = lines.next(); line != null; line = lines.next()) {
            assertThat(line.isCut()).isFalse();
            out.add(line.text());
        }
        return out;
    }

    private static List<String> readLines(Reader reader) throws IOException {
        List<String> out = new ArrayList<>();
        BufferedReader buffered = new BufferedReader(reader);
        for (String line = buffered.readLine(); line != null; line = buffered.readLine()) {
            out.add(line);
        }
        return out;
    }

    /** Hands out at most one character per read, so every possible split of the text across reads happens. */
    private static final class OneCharAtATime extends Reader {

        private final String text;
        private int next;

        OneCharAtATime(String text) {
            this.text = text;
        }

        @Override
        public int read(char[] buffer, int offset, int length) {
            if (next == text.length()) {
                return -1;
            }
            buffer[offset] = text.charAt(next++);
            return 1;
        }

        @Override
        public void close() {
        }
    }
}
