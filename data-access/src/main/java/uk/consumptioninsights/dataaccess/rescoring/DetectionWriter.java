package uk.consumptioninsights.dataaccess.rescoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Replaces one detector's rows in gold.anomalies with a new set of detections, in one transaction, so a rescoring
 * that fails or is cancelled leaves the previous detections in place.
 *
 * <p>{@code score} is the detector's own score (comparable within a type only). {@code learned_score} is
 * {@link Detection#learnedScore()}, the across-type ranking value of {@link
 * uk.consumptioninsights.model.anomaly.detect.LearnedRanking} (0..1, higher ranks first, comparable across types within
 * one rescoring), or NULL for a detection that was not ranked.
 */
public final class DetectionWriter {

    private static final long MICROS = 1_000_000L;

    private DetectionWriter() {
    }

    /**
     * @param detector    the name stored in gold.anomalies.detector, e.g. {@code local-rules}
     * @param idPrefix    anomaly ids are this prefix and a running number in score order: never derived from the MPAN
     */
    public static int replace(LocalWorkspace workspace, String detector, String idPrefix, List<Detection> detections,
                              Instant detectedAt) throws SQLException {
        List<Detection> ordered = new ArrayList<>(detections);
        ordered.sort(Comparator.comparingDouble(Detection::score).reversed()
                .thenComparing(Detection::meterKey).thenComparing(Detection::start));
        try (Connection c = workspace.newConnection()) {
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN TRANSACTION");
            }
            try {
                try (PreparedStatement delete = c.prepareStatement("DELETE FROM gold.anomalies WHERE detector = ?")) {
                    delete.setString(1, detector);
                    delete.executeUpdate();
                }
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE OR REPLACE TEMP TABLE new_detections AS SELECT * FROM gold.anomalies LIMIT 0");
                }
                try (DuckDBAppender appender = duck.createAppender("temp", "main", "new_detections")) {
                    int n = 0;
                    for (Detection d : ordered) {
                        appender.beginRow();
                        appender.append(String.format(Locale.ROOT, "%s-%06d", idPrefix, ++n));
                        appender.append(d.meterKey());
                        appender.append("");
                        appender.append(d.type().code());
                        appender.append(d.severity().name().toLowerCase(Locale.ROOT));
                        appender.append(d.score());
                        appender.appendEpochDays((int) SettlementCalendar.settlementDate(d.start()).toEpochDay());
                        appender.appendEpochMicros(d.start().getEpochSecond() * MICROS);
                        appender.appendEpochMicros(d.end().getEpochSecond() * MICROS);
                        appender.append(d.expectedKwh());
                        appender.append(d.actualKwh());
                        appender.append(d.reason());
                        appender.append(detector);
                        appender.appendEpochMicros(detectedAt.getEpochSecond() * MICROS);
                        if (d.hasLearnedScore()) {
                            appender.append(d.learnedScore());
                        } else {
                            appender.appendNull();
                        }
                        appender.endRow();
                    }
                }
                int inserted;
                try (Statement st = c.createStatement()) {
                    // The GSP group comes from the meter register, not from the detector.
                    inserted = st.executeUpdate("""
                            INSERT INTO gold.anomalies (anomaly_id, mpan, gsp_group, anomaly_type, severity, score,
                                   settlement_date, interval_start_utc, interval_end_utc, expected_kwh, actual_kwh, reason,
                                   detector, detected_at_utc, learned_score)
                            SELECT n.anomaly_id, n.mpan, m.gsp_group, n.anomaly_type, n.severity, n.score, n.settlement_date,
                                   n.interval_start_utc, n.interval_end_utc, n.expected_kwh, n.actual_kwh, n.reason, n.detector,
                                   n.detected_at_utc, n.learned_score
                            FROM new_detections n JOIN gold.meters m USING (mpan)""");
                    st.execute("DROP TABLE new_detections");
                    st.execute("COMMIT");
                }
                return inserted;
            } catch (SQLException | RuntimeException e) {
                // A rollback that fails too (the disk is still full) must not hide why the write failed.
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }
}
