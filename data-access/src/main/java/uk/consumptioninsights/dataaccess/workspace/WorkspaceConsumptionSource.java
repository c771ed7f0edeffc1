package uk.consumptioninsights.dataaccess.workspace;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;

/**
 * The local DuckDB workspace as a {@link ConsumptionSource}: every query goes through the role's {@link PurposeViews}
 * and binds user values as parameters. Relation and column names come only from {@link PurposeViews}, never from input.
 */
public final class WorkspaceConsumptionSource implements ConsumptionSource {

    private static final Logger LOG = LoggerFactory.getLogger(WorkspaceConsumptionSource.class);
    private static final int ANOMALY_ROW_LIMIT = 10_000;
    /** meta.workspace_info kind of a recipient's copy of a share. */
    public static final String RECIPIENT_KIND = "recipient";

    private final LocalWorkspace workspace;
    private final SourceDescriptor descriptor;
    private final List<PurposeRole> roles;

    public WorkspaceConsumptionSource(LocalWorkspace workspace) {
        this.workspace = workspace;
        this.descriptor = describe(workspace);
        // A recipient's copy of a share answers for the Recipient purpose only: that is all the provider granted.
        this.roles = descriptor.kind() == SourceKind.RECIPIENT ? List.of(PurposeRole.RECIPIENT) : List.of(PurposeRole.values());
    }

    private static SourceDescriptor describe(LocalWorkspace workspace) {
        Map<String, String> info;
        try {
            info = workspace.info();
        } catch (SQLException e) {
            throw failure("read the workspace description", e);
        }
        Path file = workspace.file().toAbsolutePath();
        String name;
        if (RECIPIENT_KIND.equals(info.get("kind"))) {
            return new SourceDescriptor(SourceKind.RECIPIENT, "Share " + info.getOrDefault("share", "?") + " ("
                    + info.getOrDefault("consumption_table", "?") + ", version " + info.getOrDefault("consumption_version", "?")
                    + ")", info.getOrDefault("endpoint", file.toString()));
        }
        if ("imported".equals(info.get("kind"))) {
            name = "Imported " + info.getOrDefault("source_file", file.getFileName().toString());
        } else {
            String meters = info.get("meters");
            name = "Synthetic workspace" + (meters == null ? ""
                    : " (" + NumberFormat.getIntegerInstance(Locale.UK).format(Long.parseLong(meters)) + " meters, "
                    + info.get("first_day") + " to " + info.get("last_day") + ")");
        }
        return new SourceDescriptor(SourceKind.LOCAL_WORKSPACE, name, file.toString());
    }

    @Override
    public SourceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<PurposeRole> roles() {
        return roles;
    }

    @Override
    public DateRange availableRange(PurposeRole role) {
        PurposeViews views = PurposeViews.of(role);
        return query("find the dates with data", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT min(settlement_date), max(settlement_date) FROM " + views.halfHourly());
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                Date first = rs.getDate(1);
                return first == null ? null : new DateRange(first.toLocalDate(), rs.getDate(2).toLocalDate());
            }
        });
    }

    @Override
    public OverviewKpis overview(PurposeRole role, DateRange range) {
        PurposeViews views = PurposeViews.of(role);
        String sql = views.aggregatesOnly()
                ? "SELECT (SELECT coalesce(sum(meter_count), 0) FROM " + views.population() + "), "
                        + "coalesce(sum(kwh_total), 0), coalesce(sum(meter_count), 0), epoch_ms(max(interval_start_utc)), count(*) "
                        + "FROM " + views.halfHourly() + " WHERE settlement_date BETWEEN ? AND ?"
                : "SELECT count(DISTINCT " + views.meterColumn() + "), coalesce(sum(kwh), 0), count(*), "
                        + "epoch_ms(max(interval_start_utc)), count(*) "
                        + "FROM " + views.halfHourly() + " WHERE settlement_date BETWEEN ? AND ?";
        return query("compute the overview", c -> {
            Instant started = Instant.now();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                bindRange(ps, 1, range);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    long latest = rs.getLong(4);
                    Instant latestStart = rs.wasNull() ? null : Instant.ofEpochMilli(latest);
                    return new OverviewKpis(rs.getLong(1), rs.getDouble(2), rs.getLong(3), latestStart,
                            provenance(views.halfHourly(), started, rs.getLong(5)));
                }
            }
        });
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
        PurposeViews views = PurposeViews.of(role);
        StringBuilder sql = new StringBuilder("SELECT epoch_ms(interval_start_utc), sum(")
                .append(views.kwhColumn()).append("), count(*) FROM ").append(views.halfHourly())
                .append(" WHERE settlement_date BETWEEN ? AND ?");
        String bound = null;
        if (scope instanceof SeriesScope.OneGspGroup group) {
            sql.append(" AND gsp_group = ?");
            bound = group.group().code();
        } else if (scope instanceof SeriesScope.OneMeter meter) {
            if (views.aggregatesOnly()) {
                throw new SourceException("The " + role.displayName() + " purpose sees aggregates only, so a single "
                        + "meter cannot be charted. Choose all meters or a GSP group.");
            }
            sql.append(" AND ").append(views.meterColumn()).append(" = ?");
            bound = meter.meterKey();
        }
        sql.append(" GROUP BY 1 ORDER BY 1");
        String parameter = bound;
        return query("load the consumption series", c -> {
            Instant started = Instant.now();
            try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
                bindRange(ps, 1, range);
                if (parameter != null) {
                    ps.setString(3, parameter);
                }
                long[] times = new long[(int) Math.min(1 << 16, range.days() * 50)];
                double[] kwh = new double[times.length];
                int n = 0;
                long rows = 0;
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (n == times.length) {
                            times = Arrays.copyOf(times, n * 2);
                            kwh = Arrays.copyOf(kwh, n * 2);
                        }
                        times[n] = rs.getLong(1) / 1000;
                        kwh[n] = rs.getDouble(2);
                        rows += rs.getLong(3);
                        n++;
                    }
                }
                HalfHourlySeries series = new HalfHourlySeries(Arrays.copyOf(times, n), Arrays.copyOf(kwh, n));
                return new ConsumptionSeries(scope, series, provenance(views.halfHourly(), started, rows));
            }
        });
    }

    @Override
    public List<MeterChoice> meters(PurposeRole role) {
        PurposeViews views = PurposeViews.of(role);
        if (views.aggregatesOnly()) {
            return List.of();
        }
        return query("list the meters", c -> {
            List<MeterChoice> meters = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT " + views.meterColumn() + ", gsp_group FROM "
                    + views.halfHourly() + " ORDER BY gsp_group, 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    meters.add(new MeterChoice(rs.getString(1), rs.getString(1), GspGroup.fromCode(rs.getString(2))));
                }
            }
            return meters;
        });
    }

    @Override
    public List<GspGroup> gspGroups(PurposeRole role) {
        PurposeViews views = PurposeViews.of(role);
        return query("list the GSP groups", c -> {
            List<GspGroup> groups = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT gsp_group FROM " + views.halfHourly() + " ORDER BY 1");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    groups.add(GspGroup.fromCode(rs.getString(1)));
                }
            }
            return groups;
        });
    }

    @Override
    public AnomalyListing anomalies(PurposeRole role, DateRange range) {
        PurposeViews views = PurposeViews.of(role);
        return query("load the anomalies", c -> views.aggregatesOnly() ? anomalyCounts(c, views, range) : detections(c, views, range));
    }

    private AnomalyListing detections(Connection c, PurposeViews views, DateRange range) throws SQLException {
        Instant started = Instant.now();
        String sql = "SELECT anomaly_id, " + views.meterColumn() + ", gsp_group, anomaly_type, severity, score, "
                + "epoch_ms(interval_start_utc), epoch_ms(interval_end_utc), expected_kwh, actual_kwh, reason, detector, "
                + "learned_score FROM "
                + views.anomalies() + " WHERE settlement_date BETWEEN ? AND ? "
                + "ORDER BY learned_score DESC NULLS LAST, score DESC, interval_start_utc, anomaly_id LIMIT " + ANOMALY_ROW_LIMIT;
        List<AnomalyRow> rows = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindRange(ps, 1, range);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new AnomalyRow(rs.getString(1), rs.getString(2), rs.getString(3),
                            AnomalyType.fromCode(rs.getString(4)), Severity.valueOf(rs.getString(5).toUpperCase(Locale.ROOT)),
                            rs.getDouble(6), Instant.ofEpochMilli(rs.getLong(7)), Instant.ofEpochMilli(rs.getLong(8)),
                            nullableDouble(rs, 9), nullableDouble(rs, 10), rs.getString(11),
                            AnomalyOrigin.ofDetector(rs.getString(12)), nullableDouble(rs, 13)));
                }
            }
        }
        return new AnomalyListing.Detections(rows, provenance(views.anomalies(), started, rows.size()));
    }

    private AnomalyListing anomalyCounts(Connection c, PurposeViews views, DateRange range) throws SQLException {
        Instant started = Instant.now();
        String sql = "SELECT gsp_group, anomaly_type, severity, settlement_date, detector, anomaly_count FROM "
                + views.anomalies() + " WHERE settlement_date BETWEEN ? AND ? ORDER BY settlement_date, gsp_group, anomaly_type, detector";
        List<AnomalyCount> counts = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            bindRange(ps, 1, range);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    counts.add(new AnomalyCount(rs.getString(1), AnomalyType.fromCode(rs.getString(2)),
                            Severity.valueOf(rs.getString(3).toUpperCase(Locale.ROOT)), rs.getDate(4).toLocalDate(),
                            AnomalyOrigin.ofDetector(rs.getString(5)), rs.getInt(6)));
                }
            }
        }
        return new AnomalyListing.Counts(counts, provenance(views.anomalies(), started, counts.size()));
    }

    private static Double nullableDouble(ResultSet rs, int column) throws SQLException {
        double v = rs.getDouble(column);
        return rs.wasNull() ? null : v;
    }

    private static void bindRange(PreparedStatement ps, int first, DateRange range) throws SQLException {
        ps.setObject(first, range.from());
        ps.setObject(first + 1, range.to());
    }


    private Provenance provenance(String relation, Instant started, long rows) {
        return new Provenance(descriptor.title(), relation, started, Duration.between(started, Instant.now()), rows);
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T query(String what, Work<T> work) {
        try (Connection c = workspace.newConnection()) {
            return work.run(c);
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static SourceException failure(String what, SQLException e) {
        LOG.warn("Local workspace query failed while trying to {}", what, e);
        return new SourceException("Could not " + what + " from the local workspace. The workspace file may be damaged "
                + "or in use by another copy of the workbench; close other copies, or rebuild the workspace.", e);
    }

}
