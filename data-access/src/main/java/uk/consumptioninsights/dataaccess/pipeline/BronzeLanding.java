package uk.consumptioninsights.dataaccess.pipeline;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the workspace's bronze deliveries as the Parquet files the provider's landing volume receives: one file per
 * ingest batch ({@code batch-000001.parquet}), each row in the layout of bronze {@code hh_deliveries}, which the
 * provider's Auto Loader appends to its own bronze table (notebooks/01_ingest_bronze); and the meter registrations. Times go out as UTC instants
 * (Parquet timestamps adjusted to UTC), which Spark reads as its TIMESTAMP whatever the reader's zone.
 */
public final class BronzeLanding {

    private static final String BATCH = """
            COPY (SELECT delivery_id, ingest_batch, mpan, settlement_date,
                         CAST(first_interval_utc AS TIMESTAMPTZ) AS first_interval_utc, period_kwh, version,
                         CAST(received_at_utc AS TIMESTAMPTZ) AS received_at_utc, source, read_type, settlement_run
                  FROM bronze.hh_deliveries WHERE ingest_batch = %d ORDER BY delivery_id)
            TO '%s' (FORMAT parquet)
            """;

    private static final String REGISTRATIONS = """
            COPY (SELECT mpan, gsp_group, customer_class, source_meter_id, source,
                         CAST(received_at_utc AS TIMESTAMPTZ) AS received_at_utc
                  FROM bronze.meter_registrations ORDER BY received_at_utc, mpan)
            TO '%s' (FORMAT parquet)
            """;

    private final Connection connection;

    /** {@code connection} is a workspace connection (its session zone is UTC, see LocalWorkspace). */
    public BronzeLanding(Connection connection) {
        this.connection = connection;
    }

    /** Writes every ingest batch from {@code fromBatch} on into {@code folder}; returns the files, in batch order. */
    public List<Path> write(Path folder, int fromBatch) throws SQLException, IOException {
        Files.createDirectories(folder);
        List<Integer> batches = new ArrayList<>();
        try (PreparedStatement ps = connection.prepareStatement(
                "SELECT DISTINCT ingest_batch FROM bronze.hh_deliveries WHERE ingest_batch >= ? ORDER BY 1")) {
            ps.setInt(1, fromBatch);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    batches.add(rs.getInt(1));
                }
            }
        }
        List<Path> files = new ArrayList<>();
        try (Statement st = connection.createStatement()) {
            for (int batch : batches) {
                Path file = folder.resolve("batch-%06d.parquet".formatted(batch)).toAbsolutePath();
                // The batch is an int and the path one the caller chose; quotes in it are doubled.
                st.execute(BATCH.formatted(batch, file.toString().replace("'", "''")));
                files.add(file);
            }
        }
        return files;
    }

    /** Writes every meter registration, in the layout of bronze {@code meter_registrations}, as one file. */
    public Path writeRegistrations(Path folder, String fileName) throws SQLException, IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(fileName).toAbsolutePath();
        try (Statement st = connection.createStatement()) {
            st.execute(REGISTRATIONS.formatted(file.toString().replace("'", "''")));
        }
        return file;
    }
}
