package uk.consumptioninsights.dataaccess.export;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Properties;
import java.util.stream.Collectors;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;

/**
 * Writes an {@link ExportTable} as CSV (RFC 4180, UTF-8, a header line) or Parquet (through an in-memory DuckDB, typed
 * columns, instants as UTC timestamps). The file appears complete or not at all: it is written beside the target and
 * moved into place, readable by its owner only (it may hold raw MPANs under the Settlement purpose).
 */
public final class TableFileWriter {

    private TableFileWriter() {
    }

    /** Writes {@code table} to {@code file}, replacing it; returns the rows written. */
    public static long write(ExportTable table, Path file, ExportFormat format) {
        Path target = file.toAbsolutePath();
        Path folder = target.getParent();
        Path partial = null;
        try {
            if (folder != null && !Files.isDirectory(folder)) {
                Files.createDirectories(folder);
            }
            partial = Files.createTempFile(folder, "." + target.getFileName() + "-", ".partial");
            OwnerOnly.file(partial);
            switch (format) {
                case CSV -> writeCsv(table, partial);
                case PARQUET -> writeParquet(table, partial);
            }
            // DuckDB writes the Parquet file anew, with the default permissions.
            OwnerOnly.file(partial);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            partial = null;
            return table.rows().size();
        } catch (IOException | UncheckedIOException e) {
            throw new SourceException("The export could not be written to " + target + " (" + e.getMessage()
                    + "). Check that the folder exists, can be written to and the disk has space.", e);
        } catch (SQLException e) {
            throw new SourceException("The Parquet file " + target + " could not be written (" + e.getMessage()
                    + "). Check that the folder can be written to and the disk has space.", e);
        } finally {
            if (partial != null) {
                try {
                    Files.deleteIfExists(partial);
                } catch (IOException ignored) {
                    // Best effort: a leftover hidden .partial file is harmless and named as such.
                }
            }
        }
    }

    private static void writeCsv(ExportTable table, Path file) throws IOException {
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(table.columns().stream().map(c -> quoted(c.name())).collect(Collectors.joining(",")));
            out.write("\r\n");
            for (List<Object> row : table.rows()) {
                for (int i = 0; i < row.size(); i++) {
                    if (i > 0) {
                        out.write(',');
                    }
                    out.write(csvValue(row.get(i)));
                }
                out.write("\r\n");
            }
        }
    }

    private static String csvValue(Object value) {
        if (value == null) {
            return "";
        }
        return quoted(String.valueOf(value));
    }

    /** Quotes a field only when it must: a comma, quote or line break in it. */
    private static String quoted(String text) {
        if (text.indexOf(',') < 0 && text.indexOf('"') < 0 && text.indexOf('\n') < 0 && text.indexOf('\r') < 0) {
            return text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }

    private static void writeParquet(ExportTable table, Path file) throws SQLException, IOException {
        // The temporary file only reserved a name beside the target: DuckDB writes the Parquet file there itself.
        Files.deleteIfExists(file);
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            List<ExportColumn> columns = table.columns();
            st.execute("CREATE TABLE export_rows (" + columns.stream()
                    .map(col -> identifier(col.name()) + " " + col.type().duckdbType())
                    .collect(Collectors.joining(", ")) + ")");
            String marks = columns.stream().map(col -> "?").collect(Collectors.joining(", "));
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("INSERT INTO export_rows VALUES (" + marks + ")")) {
                int batched = 0;
                for (List<Object> row : table.rows()) {
                    for (int i = 0; i < columns.size(); i++) {
                        insert.setObject(i + 1, jdbcValue(row.get(i)));
                    }
                    insert.addBatch();
                    if (++batched % 10_000 == 0) {
                        insert.executeBatch();
                    }
                }
                insert.executeBatch();
            }
            c.commit();
            c.setAutoCommit(true);
            st.execute("COPY export_rows TO '" + file.toString().replace("'", "''") + "' (FORMAT PARQUET)");
        }
    }

    private static Object jdbcValue(Object value) {
        if (value instanceof Instant instant) {
            return LocalDateTime.ofInstant(instant, ZoneOffset.UTC);
        }
        if (value instanceof LocalDate || value == null || value instanceof Number || value instanceof String) {
            return value;
        }
        return String.valueOf(value);
    }

    private static String identifier(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }
}
