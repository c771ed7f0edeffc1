package uk.consumptioninsights.dataaccess.quality;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalQueryEngine;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Data quality of a local workspace (generated or imported), from its bronze deliveries, silver readings and gold
 * meter-day rollup: per settlement day and GSP group the periods expected (46/48/50) against those received, flagged
 * and negative readings, repeated and superseded deliveries, late arrivals; and the meters with gaps. Meter keys come
 * from {@code gold.meters}, so a purpose sees its own key (MPAN or pseudonym) and aggregate-only purposes none.
 */
public final class WorkspaceQuality {

    /**
     * Each meter is expected on every settlement day between its first and last reading (a meter whose data end is
     * not missing afterwards); the grid of those meter-days, with what gold holds for each.
     */
    private static final String METER_DAYS = """
            WITH span AS (
                SELECT meter_id, min(settlement_date) AS first_day, max(settlement_date) AS last_day
                FROM gold.consumption_daily GROUP BY meter_id),
            meter_days AS (
                SELECT s.meter_id, m.gsp_group, d.settlement_date, d.periods,
                       c.meter_id IS NOT NULL AS reporting,
                       coalesce(c.periods_read, 0) AS present, coalesce(c.periods_flagged, 0) AS flagged
                FROM span s
                JOIN silver.meters m USING (meter_id)
                JOIN silver.settlement_days d ON d.settlement_date BETWEEN s.first_day AND s.last_day
                LEFT JOIN gold.consumption_daily c ON c.meter_id = s.meter_id AND c.settlement_date = d.settlement_date)
            """;

    private static final String GROUP_DAYS = METER_DAYS + """
            , grid AS (
                SELECT settlement_date, gsp_group, max(periods) AS periods, count(*) AS meters_expected,
                       count(*) FILTER (WHERE reporting) AS meters_reporting, sum(periods) AS expected,
                       sum(present) AS present, sum(flagged) AS flagged
                FROM meter_days GROUP BY settlement_date, gsp_group),
            negative AS (
                SELECT r.settlement_date, m.gsp_group, count(*) AS n
                FROM silver.hh_readings r JOIN silver.meters m USING (meter_id)
                WHERE r.quality = ? GROUP BY 1, 2),
            delivered AS (
                SELECT x.settlement_date, m.gsp_group, sum(x.n) AS deliveries, sum(x.n - x.versions) AS duplicates,
                       sum(x.versions - 1) AS superseded
                FROM (SELECT settlement_date, mpan, count(*) AS n, count(DISTINCT version) AS versions
                      FROM bronze.hh_deliveries GROUP BY settlement_date, mpan) x
                JOIN silver.meters m USING (mpan) GROUP BY 1, 2),
            late AS (
                SELECT l.settlement_date, m.gsp_group, count(*) AS n
                FROM silver.late_rejections l JOIN silver.meters m USING (mpan) GROUP BY 1, 2)
            SELECT CAST(g.settlement_date AS VARCHAR), g.gsp_group, g.periods, g.meters_expected, g.meters_reporting,
                   g.expected, g.present, g.flagged, coalesce(n.n, 0), coalesce(d.deliveries, 0),
                   coalesce(d.duplicates, 0), coalesce(d.superseded, 0), coalesce(l.n, 0)
            FROM grid g
            LEFT JOIN negative n USING (settlement_date, gsp_group)
            LEFT JOIN delivered d USING (settlement_date, gsp_group)
            LEFT JOIN late l USING (settlement_date, gsp_group)
            ORDER BY g.settlement_date, g.gsp_group
            """;

    private static final String GAPS = METER_DAYS + """
            , owed AS (
                SELECT meter_id, gsp_group, count(*) FILTER (WHERE periods > present + flagged) AS days_with_gaps,
                       sum(periods - present - flagged) AS missing
                FROM meter_days GROUP BY meter_id, gsp_group HAVING sum(periods - present - flagged) > 0)
            SELECT %s, o.gsp_group, o.days_with_gaps, o.missing, count(*) OVER () AS meters
            FROM owed o JOIN gold.meters gm USING (meter_id)
            ORDER BY o.missing DESC, 1
            LIMIT ?
            """;

    private final LocalWorkspace workspace;

    public WorkspaceQuality(LocalWorkspace workspace) {
        this.workspace = workspace;
    }

    /**
     * @param meterLimit how many of the meters with gaps to list (those missing most first)
     * @throws SourceException for a recipient's copy of a share, which holds no deliveries to judge
     */
    public QualitySummary summarise(PurposeRole role, int meterLimit) {
        try {
            if (WorkspaceConsumptionSource.RECIPIENT_KIND.equals(workspace.info().get("kind"))) {
                throw new SourceException("Data quality is computed for local workspaces (generated or imported); "
                        + "the copy of a share holds only what the provider shared, with no deliveries to judge.");
            }
            try (Connection c = workspace.newConnection()) {
                List<WorkspaceDayQuality> groupDays = groupDays(c);
                Map<LocalDate, WorkspaceDayQuality> days = new TreeMap<>();
                for (WorkspaceDayQuality g : groupDays) {
                    WorkspaceDayQuality asDay = new WorkspaceDayQuality(g.settlementDate(), null, g.periodsInDay(), 0, 0,
                            0, 0, 0, 0, 0, 0, 0, 0, 0);
                    days.merge(g.settlementDate(), asDay.plus(g), WorkspaceDayQuality::plus);
                }
                List<WorkspaceDayQuality> visibleGroups = role.aggregatesOnly()
                        ? groupDays.stream().filter(g -> g.metersExpected() >= role.minimumGroupSize()).toList()
                        : groupDays;
                long[] withGaps = new long[1];
                List<MeterGap> gaps = gaps(c, role, meterLimit, withGaps);
                return new QualitySummary(role, new ArrayList<>(days.values()), visibleGroups, withGaps[0], gaps, false);
            }
        } catch (SQLException e) {
            throw LocalQueryEngine.failure("work out the data quality of the workspace", e);
        }
    }

    private static List<WorkspaceDayQuality> groupDays(Connection c) throws SQLException {
        List<WorkspaceDayQuality> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(GROUP_DAYS)) {
            ps.setString(1, ReadingFlag.NEGATIVE.code());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long expected = rs.getLong(6);
                    long present = rs.getLong(7);
                    long flagged = rs.getLong(8);
                    rows.add(new WorkspaceDayQuality(LocalDate.parse(rs.getString(1)), rs.getString(2), rs.getInt(3),
                            rs.getLong(4), rs.getLong(5), expected, present, flagged, rs.getLong(9),
                            expected - present - flagged, rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13)));
                }
            }
        }
        return rows;
    }

    /** The meters with gaps under the purpose's key; an aggregate-only purpose gets the count alone. */
    private static List<MeterGap> gaps(Connection c, PurposeRole role, int limit, long[] total) throws SQLException {
        String key = switch (role.meterIdentity()) {
            case RAW_MPAN -> "gm.mpan";
            case PSEUDONYM -> "gm.mpan_pseudonym";
            case NONE -> "NULL";
        };
        List<MeterGap> gaps = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(GAPS.formatted(key))) {
            // An aggregate-only purpose still learns how many meters have gaps: one row carries the count.
            ps.setInt(1, role.aggregatesOnly() ? 1 : Math.max(1, limit));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    total[0] = rs.getLong(5);
                    if (!role.aggregatesOnly() && gaps.size() < limit) {
                        gaps.add(new MeterGap(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
        }
        return gaps;
    }
}
