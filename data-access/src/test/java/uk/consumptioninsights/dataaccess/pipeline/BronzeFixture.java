package uk.consumptioninsights.dataaccess.pipeline;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.StringJoiner;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Writes hand-made bronze rows, as a feed would deliver them, for pipeline tests. */
public final class BronzeFixture {

    private final Connection connection;
    private long nextDeliveryId = 1;

    public BronzeFixture(Connection connection) {
        this.connection = connection;
    }

    public void register(String mpan, String gspGroup) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bronze.meter_registrations VALUES (?, ?, 'domestic', NULL, 'test', TIMESTAMP '2020-01-01')")) {
            ps.setString(1, mpan);
            ps.setString(2, gspGroup);
            ps.executeUpdate();
        }
    }

    /** Every period of the day reads {@code base + period / 1000}, so each reading is recognisable. */
    public static double[] day(LocalDate date, double base) {
        double[] values = new double[SettlementCalendar.periodsIn(date)];
        for (int p = 0; p < values.length; p++) {
            values[p] = base + (p + 1) / 1000.0;
        }
        return values;
    }

    /** A delivery that names no read type and no settlement run, as an older feed's. */
    public long deliver(int batch, String mpan, LocalDate date, double[] values, int version, LocalDateTime receivedUtc) throws SQLException {
        return deliver(batch, mpan, date, values, version, receivedUtc, null, null);
    }

    /** {@code readType} actual, estimated or null; {@code run} SF, R1 … DF or null. */
    public long deliver(int batch, String mpan, LocalDate date, double[] values, int version, LocalDateTime receivedUtc,
                        String readType, String run) throws SQLException {
        StringJoiner list = new StringJoiner(", ", "[", "]::DOUBLE[]");
        for (double v : values) {
            list.add(Double.isNaN(v) ? "NULL" : String.format(Locale.ROOT, "%.6f", v));
        }
        long id = nextDeliveryId++;
        try (PreparedStatement ps = connection.prepareStatement(
                "INSERT INTO bronze.hh_deliveries VALUES (?, ?, ?, ?, ?, " + list + ", ?, ?, 'test', ?, ?)")) {
            ps.setLong(1, id);
            ps.setInt(2, batch);
            ps.setString(3, mpan);
            ps.setObject(4, date);
            ps.setObject(5, UtcTimestamps.toColumn(SettlementCalendar.dayStart(date)));
            ps.setInt(6, version);
            ps.setObject(7, receivedUtc);
            ps.setString(8, readType);
            ps.setString(9, run);
            ps.executeUpdate();
        }
        return id;
    }
}
