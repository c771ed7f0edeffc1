package uk.consumptioninsights.dataaccess.rescoring;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * A rescoring of a workspace too large to hold in the heap at once, planned in parts of whole GSP groups: every
 * detector judges a meter against itself and its own group's peers, so groups read on the whole workspace's time axis
 * give the detections a rescoring of everything would (only the learned ranking is calibrated within the part).
 *
 * @param parts     GSP groups read and scored together, each part within the heap budget where a group allows
 * @param readings  readings in all of them
 * @param from      the first reading's start
 * @param to        the end of the last reading's half-hour
 */
public record RescoringParts(List<List<GspGroup>> parts, long readings, Instant from, Instant to) {

    /**
     * Heap one reading takes while it is rescored at full speed, every structure included: the default workspace's
     * 8.6 M readings rescored in 4.2 s with a 300 MB heap, 5.3 s with 200 MB, and ran out of memory with 150 MB
     * ({@code FleetScaleBenchmark 2000 rescore-whole}).
     */
    public static final long HEAP_BYTES_PER_READING = 36;
    /**
     * The share of the heap a rescoring may fill; the rest is the app's and the collector's. At 0.6 (100,000 meters,
     * 4 GB, 7 parts) the collector ran near the limit and one rescoring took 111 to 204 s; at 0.45 (10 parts) 110 and
     * 116 s.
     */
    static final double HEAP_SHARE = 0.45;

    public RescoringParts {
        parts = parts.stream().map(List::copyOf).toList();
    }

    /**
     * Parts when reading everything at once would not fit in {@code heapBytes} and the workspace has the meter-day
     * rollup that says how large each group is (a recipient's copy has none, and is read whole); empty otherwise.
     */
    public static Optional<RescoringParts> plan(LocalWorkspace workspace, long heapBytes) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            if (!WorkspaceFleetReader.hasMeterDays(st)) {
                return Optional.empty();
            }
            List<GspGroup> groups = new ArrayList<>();
            List<Long> sizes = new ArrayList<>();
            long readings = 0;
            try (ResultSet rs = st.executeQuery("SELECT gsp_group, sum(periods_read + coalesce(periods_flagged, 0)) AS n "
                    + "FROM gold.consumption_daily GROUP BY gsp_group HAVING n > 0 ORDER BY n DESC, gsp_group")) {
                while (rs.next()) {
                    groups.add(GspGroup.fromCode(rs.getString(1)));
                    sizes.add(rs.getLong(2));
                    readings += rs.getLong(2);
                }
            }
            long capacity = (long) (heapBytes * HEAP_SHARE / HEAP_BYTES_PER_READING);
            if (groups.size() < 2 || readings <= capacity) {
                return Optional.empty();
            }
            List<List<GspGroup>> parts = pack(groups, sizes, capacity);
            try (ResultSet rs = st.executeQuery("SELECT epoch(min(interval_start_utc))::BIGINT, "
                    + "epoch(max(interval_start_utc))::BIGINT FROM silver.hh_readings")) {
                rs.next();
                return Optional.of(new RescoringParts(parts, readings, Instant.ofEpochSecond(rs.getLong(1)),
                        Instant.ofEpochSecond(rs.getLong(2) + 1800)));
            }
        }
    }

    /**
     * First fit, largest group first: few parts, since each part reads the whole workspace once. A group larger than
     * the capacity is a part of its own (its peers must be scored together).
     */
    static List<List<GspGroup>> pack(List<GspGroup> largestFirst, List<Long> sizes, long capacity) {
        List<List<GspGroup>> parts = new ArrayList<>();
        List<Long> filled = new ArrayList<>();
        for (int g = 0; g < largestFirst.size(); g++) {
            long size = sizes.get(g);
            int into = -1;
            for (int p = 0; p < parts.size() && into < 0; p++) {
                if (filled.get(p) + size <= capacity) {
                    into = p;
                }
            }
            if (into < 0) {
                parts.add(new ArrayList<>());
                filled.add(0L);
                into = parts.size() - 1;
            }
            parts.get(into).add(largestFirst.get(g));
            filled.set(into, filled.get(into) + size);
        }
        return parts;
    }
}
