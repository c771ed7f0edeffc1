package uk.consumptioninsights.dataaccess.rescoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.ParallelWork;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.MeterSeries;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

/**
 * Reads every meter's gold half-hourly readings, flagged ones included, as a {@link FleetWindow} for local rescoring. Rows come back as
 * primitives keyed by a meter number (JDBC arrays box every value and were four times slower), in as many
 * partitions as there are cores, each on its own connection.
 */
public final class WorkspaceFleetReader {

    private static final String METERS = "SELECT mpan, gsp_group FROM gold.meters ORDER BY mpan";

    /** Plausible and flagged readings alike: the detectors exist to find the implausible ones. */
    private static final String READINGS = """
            SELECT m.meter_number, epoch(c.interval_start_utc)::BIGINT, c.kwh
            FROM (SELECT mpan, interval_start_utc, kwh FROM gold.consumption_half_hourly
                  UNION ALL
                  SELECT mpan, interval_start_utc, recorded_kwh FROM gold.flagged_readings) c
            JOIN (SELECT mpan, (row_number() OVER (ORDER BY mpan) - 1)::INTEGER AS meter_number FROM gold.meters) m USING (mpan)
            WHERE m.meter_number % ? = ?
            ORDER BY m.meter_number, c.interval_start_utc""";

    private static final long HALF_HOUR = 1800;

    private WorkspaceFleetReader() {
    }

    /** The whole workspace, every reading both baseline and scored; null when the workspace has no readings. */
    public static FleetWindow read(LocalWorkspace workspace, Progress progress) throws SQLException {
        List<String> mpans = new ArrayList<>();
        List<GspGroup> groups = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(METERS)) {
            while (rs.next()) {
                mpans.add(rs.getString(1));
                groups.add(GspGroup.fromCode(rs.getString(2)));
            }
        }
        MeterSeries[] meters = new MeterSeries[mpans.size()];
        int partitions = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            int count = partitions;
            readers.add(CompletableFuture.runAsync(() -> readPartition(workspace, count, partition, mpans, groups, meters, progress)));
        }
        for (CompletableFuture<Void> reader : readers) {
            ParallelWork.join(reader);
        }
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<MeterSeries> withReadings = new ArrayList<>(meters.length);
        for (MeterSeries meter : meters) {
            if (meter != null && meter.size() > 0) {
                withReadings.add(meter);
                first = Math.min(first, meter.epochSecondAt(0));
                last = Math.max(last, meter.epochSecondAt(meter.size() - 1));
            }
        }
        if (withReadings.isEmpty()) {
            return null;
        }
        return FleetWindow.of(withReadings, Instant.ofEpochSecond(first), Instant.ofEpochSecond(last + HALF_HOUR));
    }

    private static void readPartition(LocalWorkspace workspace, int partitions, int partition, List<String> mpans,
                                      List<GspGroup> groups, MeterSeries[] meters, Progress progress) {
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(READINGS)) {
            ps.setInt(1, partitions);
            ps.setInt(2, partition);
            try (ResultSet rs = ps.executeQuery()) {
                int current = -1;
                long[] times = new long[4_096];
                double[] kwh = new double[4_096];
                int n = 0;
                while (rs.next()) {
                    int meter = rs.getInt(1);
                    if (meter != current) {
                        if (current >= 0) {
                            meters[current] = MeterSeries.adopt(mpans.get(current), groups.get(current),
                                    Arrays.copyOf(times, n), Arrays.copyOf(kwh, n));
                            progress.checkCancelled();
                        }
                        current = meter;
                        n = 0;
                    }
                    if (n == times.length) {
                        times = Arrays.copyOf(times, n * 2);
                        kwh = Arrays.copyOf(kwh, n * 2);
                    }
                    times[n] = rs.getLong(2);
                    kwh[n] = rs.getDouble(3);
                    n++;
                }
                if (current >= 0) {
                    meters[current] = MeterSeries.adopt(mpans.get(current), groups.get(current), Arrays.copyOf(times, n),
                            Arrays.copyOf(kwh, n));
                }
            }
        } catch (SQLException e) {
            throw ParallelWork.wrap(e);
        }
    }
}
