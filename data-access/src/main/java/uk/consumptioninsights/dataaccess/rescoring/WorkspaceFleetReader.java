package uk.consumptioninsights.dataaccess.rescoring;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.NumberFormat;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.IntStream;
import uk.consumptioninsights.dataaccess.workspace.ParallelWork;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.MeterSeries;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

/**
 * Reads every meter's half-hourly readings, flagged ones included, as a {@link FleetWindow} for local rescoring.
 *
 * <p>Unordered scans of the gold readings joined to the meter numbering (one per core, each taking every n-th meter on
 * its own connection), straight into per-meter primitive arrays sized by a count query first; each meter's readings
 * are then put in time order in Java, in parallel, where they did not arrive in order.
 * An {@code ORDER BY meter, time} over millions of rows cost DuckDB about three times the scan itself, and JDBC arrays
 * box every value.
 */
public final class WorkspaceFleetReader {

    /** The meters, numbered by MPAN (in a recipient's copy of a share, by pseudonym). */
    private static final String METERS = "SELECT mpan, gsp_group FROM gold.meters ORDER BY mpan";

    private static final String NUMBERING = "JOIN (SELECT mpan, gsp_group, (row_number() OVER (ORDER BY mpan) - 1)::INTEGER "
            + "AS meter_number FROM gold.meters) m USING (mpan)";

    /** Plausible and flagged readings alike, from the gold layer both workspace layouts provide. */
    private static final String GOLD_READINGS = """
            FROM (SELECT mpan, interval_start_utc, kwh FROM gold.consumption_half_hourly
                  UNION ALL
                  SELECT mpan, interval_start_utc, recorded_kwh AS kwh FROM gold.flagged_readings) r
            """ + NUMBERING;

    /**
     * The same rows in a local workspace, where the two gold views are silver readings of known meters without and
     * with a quality flag: read from silver once, through the integer meter key, it costs a fifth of a second less on
     * the default workspace. Meters are numbered as {@link #METERS} lists them.
     */
    private static final String SILVER_READINGS = "FROM silver.hh_readings r JOIN (SELECT meter_id, gsp_group, "
            + "(row_number() OVER (ORDER BY mpan) - 1)::INTEGER AS meter_number FROM gold.meters) m USING (meter_id)";

    private static final String HAS_SILVER =
            "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'silver' AND table_name = 'hh_readings'";

    private static String counts(String readings, List<GspGroup> groups) {
        return "SELECT m.meter_number, count(*) " + readings + (groups == null ? "" : " WHERE " + inGroups(groups))
                + " GROUP BY m.meter_number";
    }

    private static String readings(String readings, List<GspGroup> groups) {
        return "SELECT m.meter_number, epoch(r.interval_start_utc)::BIGINT, r.kwh " + readings + " WHERE m.meter_number % ? = ?"
                + (groups == null ? "" : " AND " + inGroups(groups));
    }

    private static String inGroups(List<GspGroup> groups) {
        return "m.gsp_group IN (" + String.join(", ", java.util.Collections.nCopies(groups.size(), "?")) + ")";
    }

    private static void setGroups(PreparedStatement ps, int first, List<GspGroup> groups) throws SQLException {
        if (groups != null) {
            for (int i = 0; i < groups.size(); i++) {
                ps.setString(first + i, groups.get(i).code());
            }
        }
    }

    private static final long HALF_HOUR = 1800;
    private static final int PROGRESS_EVERY = 1 << 18;

    private WorkspaceFleetReader() {
    }

    /** The whole workspace, every reading both baseline and scored; null when the workspace has no readings. */
    public static FleetWindow read(LocalWorkspace workspace, Progress progress) throws SQLException {
        return read(workspace, progress, 0, false);
    }

    /**
     * At most {@code meters} meters, evenly spread (every n-th in MPAN order), by the same queries and code as
     * {@link #read}: a small real window for warming up the reading and scoring code before an analyst asks for a
     * rescoring. Null when the workspace has no readings.
     */
    public static FleetWindow sample(LocalWorkspace workspace, int meters) throws SQLException {
        if (meters < 1) {
            throw new IllegalArgumentException("A sample needs at least one meter, not " + meters);
        }
        return read(workspace, Progress.NONE, meters, false);
    }

    /**
     * As {@link #sample}, with as many meters as hold about {@code readings} readings (judged from the meter-day
     * rollup; every meter when the workspace holds fewer, {@code fallbackMeters} where it has no rollup, as in a
     * recipient's copy). Null when the workspace has no readings.
     */
    public static FleetWindow sampleOfReadings(LocalWorkspace workspace, long readings, int fallbackMeters)
            throws SQLException {
        int meters = fallbackMeters;
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            if (hasMeterDays(st)) {
                try (ResultSet rs = st.executeQuery("SELECT count(DISTINCT meter_id), "
                        + "coalesce(sum(periods_read + coalesce(periods_flagged, 0)), 0) FROM gold.consumption_daily")) {
                    rs.next();
                    long all = rs.getLong(1);
                    long held = rs.getLong(2);
                    if (held == 0) {
                        return null;
                    }
                    meters = (int) Math.max(1, Math.min(all, Math.round((double) all * readings / held)));
                }
            }
        }
        return sample(workspace, meters);
    }

    /** Whether the workspace keeps the meter-day rollup as a table (a local workspace does, a recipient's copy not). */
    static boolean hasMeterDays(Statement st) throws SQLException {
        try (ResultSet rs = st.executeQuery("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'gold' "
                + "AND table_name = 'consumption_daily' AND table_type = 'BASE TABLE'")) {
            rs.next();
            return rs.getLong(1) > 0;
        }
    }

    /**
     * Every meter when {@code sampleMeters} is 0, else every n-th so that at most {@code sampleMeters} are read; from
     * the gold views even where silver could answer when {@code goldOnly} (to check the two give the same rows).
     */
    static FleetWindow read(LocalWorkspace workspace, Progress progress, int sampleMeters, boolean goldOnly)
            throws SQLException {
        return read(workspace, progress, sampleMeters, goldOnly, null, null, null, null);
    }

    /**
     * Readings per meter, numbered as the reader numbers meters (by MPAN): counted once for a rescoring in parts, so
     * that each part reads the workspace once rather than twice.
     */
    public static MeterCounts count(LocalWorkspace workspace) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            int meters;
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM gold.meters")) {
                rs.next();
                meters = rs.getInt(1);
            }
            int[] counts = new int[meters];
            countInto(c, source(st, false), null, 1, counts);
            return new MeterCounts(counts);
        }
    }

    /** Readings per meter number, from {@link #count}. */
    public record MeterCounts(int[] perMeter) {
    }

    private static String source(Statement st, boolean goldOnly) throws SQLException {
        try (ResultSet rs = st.executeQuery(HAS_SILVER)) {
            rs.next();
            return rs.getLong(1) > 0 && !goldOnly ? SILVER_READINGS : GOLD_READINGS;
        }
    }

    /**
     * The meters of some GSP groups, on the time axis {@code from} to {@code to} (the whole workspace's, so that each
     * group's calendar is the one a rescoring of everything would use): a part of a rescoring in bounded memory.
     * Null when the groups have no readings.
     */
    public static FleetWindow readGroups(LocalWorkspace workspace, List<GspGroup> groups, Instant from, Instant to,
                                         MeterCounts counted, Progress progress) throws SQLException {
        if (groups.isEmpty()) {
            throw new IllegalArgumentException("A part of a rescoring needs at least one GSP group");
        }
        return read(workspace, progress, 0, false, List.copyOf(groups), from, to, counted);
    }

    private static FleetWindow read(LocalWorkspace workspace, Progress progress, int sampleMeters, boolean goldOnly,
                                    List<GspGroup> group, Instant from, Instant to, MeterCounts counted)
            throws SQLException {
        List<String> mpans = new ArrayList<>();
        List<GspGroup> groups = new ArrayList<>();
        long[][] times;
        double[][] kwh;
        long total = 0;
        int stride;
        String source;
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery(METERS)) {
                while (rs.next()) {
                    mpans.add(rs.getString(1));
                    groups.add(GspGroup.fromCode(rs.getString(2)));
                }
            }
            int[] counts = new int[mpans.size()];
            stride = sampleMeters == 0 ? 1 : Math.max(1, (mpans.size() + sampleMeters - 1) / sampleMeters);
            source = source(st, goldOnly);
            if (counted != null) {
                if (counted.perMeter().length != counts.length) {
                    throw new IllegalStateException("The workspace's meters changed during the rescoring");
                }
                for (int m = 0; m < counts.length; m++) {
                    if (group.contains(groups.get(m))) {
                        counts[m] = counted.perMeter()[m];
                        total += counts[m];
                    }
                }
            } else {
                total = countInto(c, source, group, stride, counts);
            }
            progress.checkCancelled();
            progress.report(0, "Reading " + NumberFormat.getIntegerInstance(Locale.UK).format(total) + " readings…");
            times = new long[counts.length][];
            kwh = new double[counts.length][];
            for (int m = 0; m < counts.length; m++) {
                times[m] = new long[counts[m]];
                kwh[m] = new double[counts[m]];
            }
        }
        if (stride == 1 && group == null) {
            fill(workspace, readings(source, group), group, times, kwh, total, progress);
        } else if (stride == 1) {
            // A part of the workspace: one scan that keeps the part's rows. Two readers would each scan everything
            // to keep half of a part (on 2 cores, 59 s of reading at 100,000 meters in 10 parts).
            fillPartition(workspace, readings(source, group), group, 1, 0, times, kwh, total, new AtomicLong(), progress);
        } else {
            fillPartition(workspace, readings(source, group), group, stride, 0, times, kwh, total, new AtomicLong(), progress);
        }
        MeterSeries[] meters = new MeterSeries[mpans.size()];
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        List<MeterSeries> withReadings = new ArrayList<>(meters.length);
        IntStream.range(0, meters.length).parallel().forEach(m -> sortByTime(times[m], kwh[m]));
        for (int m = 0; m < meters.length; m++) {
            if (times[m].length == 0) {
                continue;
            }
            MeterSeries meter = MeterSeries.adopt(mpans.get(m), groups.get(m), times[m], kwh[m]);
            withReadings.add(meter);
            first = Math.min(first, meter.epochSecondAt(0));
            last = Math.max(last, meter.epochSecondAt(meter.size() - 1));
        }
        if (withReadings.isEmpty()) {
            return null;
        }
        return FleetWindow.of(withReadings, from != null ? from : Instant.ofEpochSecond(first),
                to != null ? to : Instant.ofEpochSecond(last + HALF_HOUR));
    }

    /** Counts each read meter's readings into {@code counts}; the total. */
    private static long countInto(Connection c, String source, List<GspGroup> group, int stride, int[] counts)
            throws SQLException {
        long total = 0;
        try (PreparedStatement ps = c.prepareStatement(counts(source, group))) {
            setGroups(ps, 1, group);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    int m = rs.getInt(1);
                    if (m % stride == 0) {
                        counts[m] = rs.getInt(2);
                        total += counts[m];
                    }
                }
            }
        }
        return total;
    }

    private static void fill(LocalWorkspace workspace, String sql, List<GspGroup> group, long[][] times, double[][] kwh, long total,
                             Progress progress) throws SQLException {
        int partitions = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(), 4));
        AtomicLong read = new AtomicLong();
        List<CompletableFuture<Void>> readers = new ArrayList<>();
        for (int p = 0; p < partitions; p++) {
            int partition = p;
            readers.add(CompletableFuture.runAsync(() -> fillPartition(workspace, sql, group, partitions, partition, times, kwh,
                    total, read, progress)));
        }
        for (CompletableFuture<Void> reader : readers) {
            ParallelWork.join(reader);
        }
    }

    private static void fillPartition(LocalWorkspace workspace, String sql, List<GspGroup> group, int partitions, int partition,
                                      long[][] times, double[][] kwh, long total, AtomicLong read, Progress progress) {
        int[] filled = new int[times.length];
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setInt(1, partitions);
            ps.setInt(2, partition);
            setGroups(ps, 3, group);
            try (ResultSet rs = ps.executeQuery()) {
                int rows = 0;
                while (rs.next()) {
                    int m = rs.getInt(1);
                    int k = filled[m]++;
                    if (k == times[m].length) {
                        // Counted and read in separate statements: only a change in between makes them differ.
                        throw new IllegalStateException("The workspace changed while it was being read for rescoring. "
                                + "Rescore again once the import or refresh has finished.");
                    }
                    times[m][k] = rs.getLong(2);
                    kwh[m][k] = rs.getDouble(3);
                    if (++rows == PROGRESS_EVERY) {
                        progress.checkCancelled();
                        progress.report((double) read.addAndGet(rows) / Math.max(1, total),
                                "Reading " + NumberFormat.getIntegerInstance(Locale.UK).format(total) + " readings…");
                        rows = 0;
                    }
                }
            }
        } catch (SQLException e) {
            throw ParallelWork.wrap(e);
        }
    }

    /**
     * Sorts one meter's readings by time, in place, unless they are already in order. The scan returns rows in no
     * particular order, so this is the usual path. Half-hourly readings are placed straight into their half-hour slot
     * (linear time); anything else (times off the half-hour grid, very sparse data, a repeated time) is sorted by
     * packing each time, less the earliest, above its index in one long, many times faster than boxed indices.
     */
    static void sortByTime(long[] times, double[] kwh) {
        int n = times.length;
        long min = Long.MAX_VALUE;
        long max = Long.MIN_VALUE;
        boolean ordered = true;
        boolean onGrid = true;
        for (int i = 0; i < n; i++) {
            min = Math.min(min, times[i]);
            max = Math.max(max, times[i]);
            ordered &= i == 0 || times[i] > times[i - 1];
        }
        if (ordered) {
            return;
        }
        for (int i = 0; i < n && onGrid; i++) {
            onGrid = (times[i] - min) % HALF_HOUR == 0;
        }
        long[] t = times.clone();
        double[] v = kwh.clone();
        long slots = (max - min) / HALF_HOUR + 1;
        if (onGrid && slots <= 4L * n) {
            int[] at = new int[(int) slots];
            Arrays.fill(at, -1);
            boolean distinct = true;
            for (int i = 0; i < n && distinct; i++) {
                int slot = (int) ((t[i] - min) / HALF_HOUR);
                distinct = at[slot] < 0;
                at[slot] = i;
            }
            if (distinct) {
                int k = 0;
                for (int from : at) {
                    if (from >= 0) {
                        times[k] = t[from];
                        kwh[k++] = v[from];
                    }
                }
                return;
            }
        }
        int indexBits = 64 - Long.numberOfLeadingZeros(Math.max(1, n - 1));
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            long offset = t[i] - min;
            if (offset >>> (63 - indexBits) != 0) {
                throw new IllegalStateException("Reading times span too far to sort (" + n + " readings)");
            }
            keys[i] = offset << indexBits | i;
        }
        Arrays.sort(keys);
        long mask = (1L << indexBits) - 1;
        for (int i = 0; i < n; i++) {
            int from = (int) (keys[i] & mask);
            times[i] = t[from];
            kwh[i] = v[from];
        }
    }
}
