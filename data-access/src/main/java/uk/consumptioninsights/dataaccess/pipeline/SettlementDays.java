package uk.consumptioninsights.dataaccess.pipeline;

import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Keeps silver.settlement_days covering every pending date. The 46/48/50-period rule needs the Europe/London zone
 * rules, which live in Java; the embedded engine is kept free of time zone extensions.
 */
final class SettlementDays {

    private SettlementDays() {
    }

    static void registerPending(Connection connection) throws SQLException {
        LocalDate first;
        LocalDate last;
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT min(settlement_date), max(settlement_date) FROM silver.gold_pending_dates")) {
            rs.next();
            Date min = rs.getDate(1);
            if (min == null) {
                return;
            }
            first = min.toLocalDate();
            last = rs.getDate(2).toLocalDate();
        }
        try (PreparedStatement ps = connection.prepareStatement("INSERT OR IGNORE INTO silver.settlement_days VALUES (?, ?, ?)")) {
            for (LocalDate day = first; !day.isAfter(last); day = day.plusDays(1)) {
                ps.setObject(1, day);
                ps.setShort(2, (short) SettlementCalendar.periodsIn(day));
                ps.setObject(3, UtcTimestamps.toColumn(SettlementCalendar.dayStart(day)));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
