package uk.consumptioninsights.dataaccess.sharing.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.sharing.SharingException;

class NdjsonReaderTest {

    private static List<NdjsonReader.Line> read(String text) throws IOException {
        return read(text.getBytes(StandardCharsets.UTF_8), 1_000_000);
    }

    private static List<NdjsonReader.Line> read(byte[] bytes, long maxLineBytes) throws IOException {
        List<NdjsonReader.Line> lines = new ArrayList<>();
        try (NdjsonReader reader = new NdjsonReader(new ByteArrayInputStream(bytes), maxLineBytes)) {
            for (Optional<NdjsonReader.Line> line = reader.next(); line.isPresent(); line = reader.next()) {
                lines.add(line.get());
            }
        }
        return lines;
    }

    @Test
    void readsLinesWithTheirNumbersSkippingBlankOnes() throws IOException {
        List<NdjsonReader.Line> lines = read("{\"a\":1}\n\n   \n{\"b\":2}\n");

        assertThat(lines).extracting(NdjsonReader.Line::number).containsExactly(1, 4);
        assertThat(lines.get(1).json().get("b").asInt()).isEqualTo(2);
    }

    @Test
    void acceptsCrLfLoneCrAndNoFinalNewline() throws IOException {
        assertThat(read("{\"a\":1}\r\n{\"b\":2}\r\n")).extracting(NdjsonReader.Line::number).containsExactly(1, 2);
        assertThat(read("{\"a\":1}\r{\"b\":2}")).extracting(NdjsonReader.Line::number).containsExactly(1, 2);
        assertThat(read("\r\n\r\n{\"a\":1}")).extracting(NdjsonReader.Line::number).containsExactly(3);
        assertThat(read("")).isEmpty();
    }

    @Test
    void readsVeryLongLinesAndUtf8() throws IOException {
        String stats = "x".repeat(300_000);
        List<NdjsonReader.Line> lines = read("{\"name\":\"Zürich ⚡\",\"stats\":\"" + stats + "\"}\n");

        assertThat(lines.get(0).json().get("name").asText()).isEqualTo("Zürich ⚡");
        assertThat(lines.get(0).json().get("stats").asText()).hasSize(300_000);
    }

    @Test
    void aMalformedLineInTheMiddleNamesItsNumberAndIsNotRetryable() {
        assertThatThrownBy(() -> read("{\"a\":1}\n\n{not json}\n{\"b\":2}\n"))
                .isInstanceOf(SharingException.class)
                .hasMessageContaining("Line 3")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isFalse());
    }

    @Test
    void aLineThatIsNotAnObjectIsMalformed() {
        assertThatThrownBy(() -> read("[1,2]\n")).hasMessageContaining("Line 1");
        assertThatThrownBy(() -> read("42\n")).hasMessageContaining("Line 1");
    }

    @Test
    void aLastLineCutOffMidwayIsRetryable() {
        assertThatThrownBy(() -> read("{\"a\":1}\n{\"file\":{\"url\":\"htt"))
                .isInstanceOf(SharingException.class)
                .hasMessageContaining("cut off in line 2")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isTrue());
    }

    @Test
    void aLineOverTheLimitIsRefusedNamingItAndTheLimitAndIsNotRetryable() {
        String text = "{\"a\":1}\n{\"stats\":\"" + "x".repeat(5_000) + "\"}\n";

        assertThatThrownBy(() -> read(text.getBytes(StandardCharsets.UTF_8), 4_000))
                .isInstanceOf(SharingException.class)
                .hasMessageContaining("Line 2").hasMessageContaining("longer than 4000 bytes")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isFalse());
    }

    @Test
    void aLineExactlyAtTheLimitIsRead() throws IOException {
        String line = "{\"s\":\"" + "x".repeat(92) + "\"}";

        assertThat(read((line + "\r\n" + line).getBytes(StandardCharsets.UTF_8), 100)).hasSize(2);
    }

    @Test
    void bytesThatAreNotUtf8AreAProtocolErrorNotReplaced() {
        byte[] bytes = "{\"id\":\"f1?\"}\n".getBytes(StandardCharsets.UTF_8);
        bytes[9] = (byte) 0xFF;

        assertThatThrownBy(() -> read(bytes, 1_000))
                .isInstanceOf(SharingException.class).hasMessageContaining("Line 1").hasMessageContaining("not UTF-8")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isFalse());
    }

    @Test
    void aLastLineCutInsideACharacterIsACutOffAnswer() {
        byte[] whole = "{\"a\":1}\n{\"name\":\"\u26a1\"}".getBytes(StandardCharsets.UTF_8);
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length - 3);

        assertThatThrownBy(() -> read(cut, 1_000)).hasMessageContaining("cut off in line 2")
                .satisfies(e -> assertThat(((SharingException) e).retryable()).isTrue());
    }
}
