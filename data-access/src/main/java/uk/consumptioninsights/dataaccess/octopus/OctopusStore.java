package uk.consumptioninsights.dataaccess.octopus;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.dataaccess.importer.BronzeDeliveryWriter;
import uk.consumptioninsights.dataaccess.importer.MeterReading;
import uk.consumptioninsights.dataaccess.importer.SettlementDayAssembler;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.tariff.UnitRate;

/**
 * The workspace side of an Octopus meter: its pull state and unit rates in the {@code octopus} schema, and its
 * half-hours written to bronze as settlement-day deliveries, the same rows a CSV import writes, for the medallion
 * pipeline to take to silver and gold. One pull is one transaction: a failure leaves everything held as it was.
 */
final class OctopusStore {

    static final String CUSTOMER_CLASS = "domestic";

    private final LocalWorkspace workspace;

    OctopusStore(LocalWorkspace workspace) throws SQLException {
        this.workspace = workspace;
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            st.execute(schema());
        }
    }

    /** What one successful pull brings, all of it fetched before anything is written. */
    record Pulled(OctopusMeter meter, GspGroup gspGroup, Optional<TariffCode> tariff, Instant historyFrom,
                  Instant periodFrom, List<ConsumptionInterval> intervals, List<UnitRate> rates, Instant pulledAt) {
    }

    List<OctopusMeterState> meters() throws SQLException {
        return select("", null);
    }

    Optional<OctopusMeterState> state(OctopusMeter meter) throws SQLException {
        return select(" WHERE mpan = ? AND serial_number = ?", meter).stream().findFirst();
    }

    /**
     * Writes the pull: bronze deliveries (batch after the last), the meter's registration when it is new, its state,
     * the pull's record and the unit rates. Returns the ingest batch written, or empty when there was nothing new.
     */
    Optional<Integer> write(Pulled pull, boolean newMeter) throws SQLException {
        try (Connection connection = workspace.newConnection(); Statement transaction = connection.createStatement()) {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            // Begun in SQL: appenders are not statements, and would otherwise commit on their own.
            transaction.execute("BEGIN TRANSACTION");
            try {
                Optional<Integer> batch = pull.intervals().isEmpty() ? Optional.empty()
                        : Optional.of(writeDeliveries(duck, transaction, pull));
                if (newMeter) {
                    writeRegistration(duck, pull);
                }
                writeState(connection, pull, newMeter);
                writePullRecord(connection, pull, batch);
                writeRates(connection, pull);
                transaction.execute("COMMIT");
                return batch;
            } catch (SQLException | RuntimeException e) {
                try {
                    transaction.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    private static int writeDeliveries(DuckDBConnection duck, Statement st, Pulled pull) throws SQLException {
        int batch;
        long firstDelivery;
        try (ResultSet rs = st.executeQuery("SELECT coalesce(max(ingest_batch), -1) + 1, coalesce(max(delivery_id), 0) + 1 "
                + "FROM bronze.hh_deliveries")) {
            rs.next();
            batch = rs.getInt(1);
            firstDelivery = rs.getLong(2);
        }
        String core = pull.meter().mpan().core();
        try (BronzeDeliveryWriter deliveries = new BronzeDeliveryWriter(duck, source(pull.meter()), pull.pulledAt(),
                batch, firstDelivery, UnaryOperator.identity())) {
            SettlementDayAssembler days = new SettlementDayAssembler(deliveries::write);
            long line = 0;
            for (ConsumptionInterval interval : pull.intervals()) {
                days.add(new MeterReading(++line, core, interval.start(), interval.kwh()));
            }
            days.finish();
        }
        return batch;
    }

    private static void writeRegistration(DuckDBConnection duck, Pulled pull) throws SQLException {
        try (DuckDBAppender appender = duck.createAppender("bronze", "meter_registrations")) {
            appender.beginRow();
            appender.append(pull.meter().mpan().core());
            appender.append(pull.gspGroup().code());
            appender.append(CUSTOMER_CLASS);
            appender.append(pull.meter().serialNumber());
            appender.append(source(pull.meter()));
            appender.appendEpochMicros(BronzeDeliveryWriter.micros(pull.pulledAt()));
            appender.endRow();
        }
    }

    private static void writeState(Connection connection, Pulled pull, boolean newMeter) throws SQLException {
        Optional<Instant> end = pull.intervals().isEmpty() ? Optional.empty()
                : Optional.of(pull.intervals().get(pull.intervals().size() - 1).end());
        if (newMeter) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "INSERT INTO octopus.meters VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                ps.setString(1, pull.meter().mpan().core());
                ps.setString(2, pull.meter().serialNumber());
                ps.setString(3, pull.gspGroup().code());
                ps.setString(4, pull.tariff().map(TariffCode::code).orElse(null));
                ps.setObject(5, UtcTimestamps.toColumn(pull.historyFrom()));
                ps.setObject(6, end.map(UtcTimestamps::toColumn).orElse(null));
                ps.setObject(7, UtcTimestamps.toColumn(pull.pulledAt()));
                ps.executeUpdate();
            }
            return;
        }
        // The held end only moves forward: a pull of an earlier window never makes the next refresh start again.
        try (PreparedStatement ps = connection.prepareStatement("UPDATE octopus.meters SET last_pull_at_utc = ?, "
                + "last_interval_end_utc = CASE WHEN last_interval_end_utc IS NULL OR CAST(? AS TIMESTAMP) > last_interval_end_utc "
                + "THEN CAST(? AS TIMESTAMP) ELSE last_interval_end_utc END WHERE mpan = ? AND serial_number = ?")) {
            ps.setObject(1, UtcTimestamps.toColumn(pull.pulledAt()));
            Object held = end.map(UtcTimestamps::toColumn).orElse(null);
            ps.setObject(2, held);
            ps.setObject(3, held);
            ps.setString(4, pull.meter().mpan().core());
            ps.setString(5, pull.meter().serialNumber());
            ps.executeUpdate();
        }
    }

    private static void writePullRecord(Connection connection, Pulled pull, Optional<Integer> batch) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("INSERT INTO octopus.pulls VALUES (?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, pull.meter().mpan().core());
            ps.setString(2, pull.meter().serialNumber());
            ps.setObject(3, UtcTimestamps.toColumn(pull.pulledAt()));
            ps.setObject(4, UtcTimestamps.toColumn(pull.periodFrom()));
            ps.setInt(5, pull.intervals().size());
            ps.setObject(6, batch.orElse(null));
            ps.executeUpdate();
        }
    }

    /** A rate fetched again (the same tariff and start) replaces the one held: Octopus may re-publish a rate. */
    private static void writeRates(Connection connection, Pulled pull) throws SQLException {
        if (pull.tariff().isEmpty() || pull.rates().isEmpty()) {
            return;
        }
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT OR REPLACE INTO octopus.unit_rates VALUES (?, ?, ?, ?, ?, ?)")) {
            for (UnitRate rate : pull.rates()) {
                ps.setString(1, pull.tariff().get().code());
                ps.setObject(2, UtcTimestamps.toColumn(rate.validFrom()));
                ps.setObject(3, rate.validTo().map(UtcTimestamps::toColumn).orElse(null));
                ps.setDouble(4, rate.pencePerKwhExcVat());
                ps.setDouble(5, rate.pencePerKwhIncVat());
                ps.setObject(6, UtcTimestamps.toColumn(pull.pulledAt()));
                // One by one: the driver's executeBatch opens a transaction of its own, inside this one.
                ps.executeUpdate();
            }
        }
    }

    private List<OctopusMeterState> select(String where, OctopusMeter meter) throws SQLException {
        List<OctopusMeterState> states = new ArrayList<>();
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT mpan, serial_number, gsp_group, tariff_code, history_from_utc, last_interval_end_utc, "
                        + "last_pull_at_utc FROM octopus.meters" + where + " ORDER BY mpan, serial_number")) {
            if (meter != null) {
                ps.setString(1, meter.mpan().core());
                ps.setString(2, meter.serialNumber());
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String tariff = rs.getString(4);
                    states.add(new OctopusMeterState(new OctopusMeter(new Mpan(rs.getString(1)), rs.getString(2)),
                            GspGroup.fromCode(rs.getString(3)),
                            tariff == null ? Optional.empty() : Optional.of(new TariffCode(tariff)),
                            UtcTimestamps.fromColumn(rs.getObject(5)),
                            Optional.ofNullable(UtcTimestamps.fromColumn(rs.getObject(6))),
                            UtcTimestamps.fromColumn(rs.getObject(7))));
                }
            }
        }
        return states;
    }

    /** The bronze source name: the serial, never the MPAN (the source is shown beside pseudonymised rows). */
    static String source(OctopusMeter meter) {
        return "octopus:" + meter.serialNumber();
    }

    private static String schema() {
        try (InputStream in = OctopusStore.class.getResourceAsStream("octopus-schema.sql")) {
            if (in == null) {
                throw new IllegalStateException("Missing resource octopus-schema.sql");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
