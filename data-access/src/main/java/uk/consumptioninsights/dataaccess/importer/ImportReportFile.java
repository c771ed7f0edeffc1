package uk.consumptioninsights.dataaccess.importer;

import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;

/**
 * The import report file: every line an import rejected or kept flagged, one row each with its line number, written as
 * the import finds them so memory stays the same however many there are. A CSV (UTF-8, quoted where needed) with the
 * columns {@value #HEADER}, readable by its owner only. Texts from the file come already cut by {@link QuotedText} (a
 * rejected row's line and the values its reason quotes), so no row is longer than a screenful. Created at the first
 * such line: a clean import leaves no file.
 */
final class ImportReportFile implements Closeable {

    static final String HEADER = "line,outcome,kind,reason,text";

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Path path;
    private BufferedWriter writer;

    ImportReportFile(Path path) {
        this.path = path;
    }

    void rejected(RejectedRow row) throws IOException {
        write(row.lineNumber(), "rejected", row.kind().name().toLowerCase(Locale.ROOT), row.reason(), row.rawLine());
    }

    /** The text is the reading as imported (household, UTC start, kWh), in the file's own layout. */
    void flagged(FlaggedRow row) throws IOException {
        write(row.lineNumber(), "flagged", row.flag().code(), row.reason(), row.householdId() + ","
                + STAMP.format(row.intervalStart()) + "," + BigDecimal.valueOf(row.kwh()).toPlainString());
    }

    /** Writes out what is buffered and closes the file; the file, when any line was written to it. */
    Optional<Path> finish() throws IOException {
        if (writer == null) {
            return Optional.empty();
        }
        try {
            writer.close();
        } catch (IOException e) {
            throw failed(e);
        }
        return Optional.of(path);
    }

    /** Closes and deletes the file: the import failed, so there is no report to keep. */
    void discard() throws IOException {
        close();
        Files.deleteIfExists(path);
    }

    @Override
    public void close() throws IOException {
        if (writer != null) {
            writer.close();
        }
    }

    private void write(long line, String outcome, String kind, String reason, String text) throws IOException {
        try {
            if (writer == null) {
                writer = Files.newBufferedWriter(path, StandardCharsets.UTF_8);
                // Bad lines quote MPAN-like ids and readings: the report is as private as the workspace beside it.
                OwnerOnly.file(path);
                writer.write(HEADER);
                writer.newLine();
            }
            writer.write(Long.toString(line));
            writer.write(',');
            writer.write(outcome);
            writer.write(',');
            writer.write(kind);
            writer.write(',');
            writer.write(field(reason));
            writer.write(',');
            writer.write(field(text));
            writer.newLine();
        } catch (IOException e) {
            throw failed(e);
        } catch (UncheckedIOException e) {
            throw failed(e.getCause());
        }
    }

    private CsvImportException failed(IOException e) {
        return new CsvImportException("The import report " + path + " could not be written (" + e.getMessage()
                + "). Check that the disk has space and the folder can be written to, then import the file again.", e);
    }

    /** RFC 4180: a field holding a comma, quote or line break is quoted, its quotes doubled. */
    static String field(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == ',' || c == '"' || c == '\n' || c == '\r') {
                return '"' + text.replace("\"", "\"\"") + '"';
            }
        }
        return text;
    }
}
