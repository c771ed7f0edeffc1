package uk.consumptioninsights.dataaccess.export;

import static uk.consumptioninsights.dataaccess.export.ExportColumn.date;
import static uk.consumptioninsights.dataaccess.export.ExportColumn.decimal;
import static uk.consumptioninsights.dataaccess.export.ExportColumn.text;
import static uk.consumptioninsights.dataaccess.export.ExportColumn.timestamp;
import static uk.consumptioninsights.dataaccess.export.ExportColumn.whole;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.governance.AuditEvent;
import uk.consumptioninsights.dataaccess.governance.ColumnMask;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.RowFilter;
import uk.consumptioninsights.dataaccess.quality.QualitySummary;
import uk.consumptioninsights.dataaccess.quality.WorkspaceDayQuality;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.MeterIdentityRedaction;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * A tab's data as a table, read exactly as the tab reads it: through the {@link ConsumptionSource} query catalog over
 * the purpose's own views (MPANs for Settlement only, keyed pseudonyms for the other per-meter purposes, groups of at
 * least the minimum size for Research) and the {@link GovernanceSource}, with governance text redacted by
 * {@link MeterIdentityRedaction} as the Governance tab does.
 */
public final class TabTables {

    /** The audit lines a tab lists, and so an export holds. */
    public static final int AUDIT_LIMIT = 500;

    private final ConsumptionSource source;
    private final GovernanceSource governance;

    public TabTables(ConsumptionSource source, GovernanceSource governance) {
        this.source = source;
        this.governance = governance;
    }

    /**
     * @param range the settlement dates, as chosen in the window; empty for every date the purpose can see
     * @param scope the consumption scope (Consumption only)
     * @param quality the data quality, for {@link TabTable#QUALITY} only
     * @throws IllegalArgumentException when the purpose may not see this table (e.g. meters under Research)
     * @throws SourceException when the source cannot answer, or governance the identity may not read
     */
    public ExportTable read(TabTable table, PurposeRole role, Optional<DateRange> range, SeriesScope scope,
                            Optional<QualitySummary> quality) {
        return switch (table) {
            case OVERVIEW -> overview(role, rangeOrAll(role, range));
            case CONSUMPTION -> consumption(role, rangeOrAll(role, range), scope);
            case METERS -> meters(role);
            case ANOMALIES -> anomalies(role, rangeOrAll(role, range));
            case GRANTS -> grants(role);
            case COLUMN_MASKS -> columnMasks(role);
            case ROW_FILTERS -> rowFilters(role);
            case AUDIT -> audit(role);
            case QUALITY -> quality(quality.orElseThrow(() -> new IllegalArgumentException(
                    "Data quality can be exported from a local workspace only")));
        };
    }

    /** The purpose's dates clipped to what it can see; every visible date when none were chosen. */
    public DateRange rangeOrAll(PurposeRole role, Optional<DateRange> chosen) {
        DateRange available = source.availableRange(role);
        if (available == null) {
            throw new SourceException("No data is visible to " + role.displayName() + " in " + source.descriptor().title()
                    + ". Choose another purpose, or generate or import data first.");
        }
        return chosen.map(r -> r.clippedTo(available)).orElse(available);
    }

    /** The meter column's name for the purpose: what the tab's column says. */
    public static String meterColumn(PurposeRole role) {
        return role.maySeeRawMpan() ? "mpan" : "mpan_pseudonym";
    }

    private ExportTable overview(PurposeRole role, DateRange range) {
        OverviewKpis kpis = source.overview(role, range);
        List<Object> row = Arrays.asList(role.displayName(), range.from(), range.to(), kpis.distinctMeters(),
                kpis.totalKwh(), kpis.readings(), kpis.latestReadingStart(), source.descriptor().flaggedReadings(),
                source.descriptor().metersEndingEarly());
        return new ExportTable("overview", List.of(text("purpose"), date("first_settlement_date"),
                date("last_settlement_date"), whole("distinct_meters"), decimal("total_kwh"), whole("readings"),
                timestamp("latest_reading_start_utc"), whole("flagged_readings_left_out"), whole("meters_data_ended")),
                List.of(row));
    }

    private ExportTable consumption(PurposeRole role, DateRange range, SeriesScope scope) {
        if (scope instanceof SeriesScope.OneMeter && role.aggregatesOnly()) {
            throw new IllegalArgumentException(role.displayName() + " sees aggregates only, never one meter's readings");
        }
        ConsumptionSeries series = source.consumption(role, scope, range, SeriesResolution.HALF_HOURLY);
        HalfHourlySeries points = series.series();
        List<List<Object>> rows = new ArrayList<>(points.size());
        for (int i = 0; i < points.size(); i++) {
            SettlementPeriod period = SettlementCalendar.periodOf(points.instantAt(i));
            rows.add(Arrays.asList(scope.label(), period.settlementDate(), (long) period.period(), points.instantAt(i),
                    points.kwhAt(i)));
        }
        return new ExportTable("consumption", List.of(text("scope"), date("settlement_date"), whole("settlement_period"),
                timestamp("interval_start_utc"), decimal("kwh")), rows);
    }

    private ExportTable meters(PurposeRole role) {
        if (role.aggregatesOnly()) {
            throw new IllegalArgumentException(role.displayName() + " sees no meters one by one, only GSP groups of at least "
                    + role.minimumGroupSize() + " meters");
        }
        List<List<Object>> rows = new ArrayList<>();
        for (MeterChoice meter : source.meters(role)) {
            rows.add(Arrays.asList(meter.key(), meter.gspGroup() == null ? null : meter.gspGroup().code(),
                    meter.gspGroup() == null ? null : meter.gspGroup().region()));
        }
        return new ExportTable("meters", List.of(text(meterColumn(role)), text("gsp_group"), text("region")), rows);
    }

    private ExportTable anomalies(PurposeRole role, DateRange range) {
        AnomalyListing listing = source.anomalies(role, range);
        List<List<Object>> rows = new ArrayList<>();
        if (listing instanceof AnomalyListing.Counts counts) {
            for (AnomalyCount c : counts.counts()) {
                rows.add(Arrays.asList(c.gspGroup(), c.type().code(), c.severity().name().toLowerCase(java.util.Locale.ROOT),
                        c.day(), c.origin().displayName(), (long) c.count()));
            }
            return new ExportTable("anomalies", List.of(text("gsp_group"), text("anomaly_type"), text("severity"),
                    date("settlement_date"), text("origin"), whole("anomalies")), rows);
        }
        for (AnomalyRow a : ((AnomalyListing.Detections) listing).rows()) {
            rows.add(Arrays.asList(a.anomalyId(), a.meterLabel(), a.gspGroup(), a.type().code(),
                    a.severity().name().toLowerCase(java.util.Locale.ROOT), a.score(), a.start(), a.end(), a.expectedKwh(),
                    a.actualKwh(), a.reason(), a.origin().displayName(), a.learnedScore()));
        }
        return new ExportTable("anomalies", List.of(text("anomaly_id"), text(meterColumn(role)), text("gsp_group"),
                text("anomaly_type"), text("severity"), decimal("score"), timestamp("interval_start_utc"),
                timestamp("interval_end_utc"), decimal("expected_kwh"), decimal("actual_kwh"), text("reason"),
                text("origin"), decimal("learned_score")), rows);
    }

    private ExportTable grants(PurposeRole role) {
        List<List<Object>> rows = new ArrayList<>();
        for (Grant g : available(governance.grants(role), "grants")) {
            rows.add(Arrays.asList(redact(role, g.principal()), g.privilege(), g.objectType(), redact(role, g.objectKey())));
        }
        return new ExportTable("grants", List.of(text("principal"), text("privilege"), text("object_type"),
                text("object")), rows);
    }

    private ExportTable columnMasks(PurposeRole role) {
        List<List<Object>> rows = new ArrayList<>();
        for (ColumnMask m : available(governance.columnMasks(role), "column masks")) {
            rows.add(Arrays.asList(redact(role, m.table()), m.column(), m.maskFunction(), String.join(", ", m.usingColumns())));
        }
        return new ExportTable("column-masks", List.of(text("table"), text("column"), text("mask_function"),
                text("using_columns")), rows);
    }

    private ExportTable rowFilters(PurposeRole role) {
        List<List<Object>> rows = new ArrayList<>();
        for (RowFilter f : available(governance.rowFilters(role), "row filters")) {
            rows.add(Arrays.asList(redact(role, f.table()), f.filterFunction(), String.join(", ", f.columns())));
        }
        return new ExportTable("row-filters", List.of(text("table"), text("filter_function"), text("filter_columns")), rows);
    }

    private ExportTable audit(PurposeRole role) {
        List<List<Object>> rows = new ArrayList<>();
        for (AuditEvent e : available(governance.audit(role, AUDIT_LIMIT), "audit log")) {
            rows.add(Arrays.asList(e.time(), redact(role, e.user()), redact(role, e.action()), redact(role, e.object()),
                    e.rowsRead().isPresent() ? e.rowsRead().getAsLong() : null, redact(role, e.status())));
        }
        return new ExportTable("audit", List.of(timestamp("event_time_utc"), text("user"), text("action"), text("object"),
                whole("rows_read"), text("status")), rows);
    }

    private static ExportTable quality(QualitySummary summary) {
        List<List<Object>> rows = new ArrayList<>();
        for (WorkspaceDayQuality d : summary.groupDays()) {
            rows.add(Arrays.asList(d.settlementDate(), d.gspGroup(), (long) d.periodsInDay(), d.metersExpected(),
                    d.metersReporting(), d.readingsExpected(), d.readingsPresent(), d.readingsMissing(), d.readingsFlagged(),
                    d.negativeReadings(), d.deliveries(), d.duplicateDeliveries(), d.supersededVersions(), d.lateRejected()));
        }
        return new ExportTable("quality", List.of(date("settlement_date"), text("gsp_group"), whole("periods_in_day"),
                whole("meters_expected"), whole("meters_reporting"), whole("readings_expected"), whole("readings_present"),
                whole("readings_missing"), whole("readings_flagged"), whole("negative_readings"), whole("deliveries"),
                whole("duplicate_deliveries"), whole("superseded_versions"), whole("late_rejected")), rows);
    }

    private static <T> T available(Restricted<T> answer, String what) {
        if (answer instanceof Restricted.Available<T> available) {
            return available.value();
        }
        throw new SourceException("The " + what + " cannot be read: " + ((Restricted.Denied<T>) answer).message());
    }

    private static String redact(PurposeRole role, String text) {
        return MeterIdentityRedaction.forRole(role, text);
    }
}
