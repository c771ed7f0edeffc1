package uk.consumptioninsights.app.testsupport;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** A scripted {@link ConsumptionSource} that records every call, for view-model tests without IO or the toolkit. */
public final class FakeSource implements ConsumptionSource {

    public static final DateRange RANGE = new DateRange(LocalDate.of(2026, 11, 11), LocalDate.of(2026, 11, 20));
    public static final String MPAN_1 = "1012345678903";
    public static final String MPAN_2 = "1298765432104";

    public final List<String> calls = new ArrayList<>();
    /** Every consumption question with its dates and resolution, oldest first (also listed in {@link #calls}). */
    public final List<ConsumptionRequest> consumptionRequests = new ArrayList<>();
    public final Map<PurposeRole, DateRange> ranges = new EnumMap<>(PurposeRole.class);
    public final Map<PurposeRole, OverviewKpis> kpis = new EnumMap<>(PurposeRole.class);
    public final Map<PurposeRole, List<MeterChoice>> meters = new EnumMap<>(PurposeRole.class);
    public final Map<PurposeRole, AnomalyListing> anomalies = new EnumMap<>(PurposeRole.class);
    public List<GspGroup> groups = List.of(GspGroup.A, GspGroup.C);
    public HalfHourlySeries allMeters = halfHourly(RANGE, 1.0);
    private RuntimeException failure;

    public FakeSource() {
        for (PurposeRole role : PurposeRole.values()) {
            ranges.put(role, RANGE);
        }
        Instant latest = SettlementCalendar.periodStart(RANGE.to(), 48);
        kpis.put(PurposeRole.SETTLEMENT, new OverviewKpis(40, 12_345.64, 19_200, latest, provenance("gold.v_settlement_half_hourly", 19_200)));
        kpis.put(PurposeRole.MARKET_MONITORING, new OverviewKpis(40, 12_345.64, 19_200, latest, provenance("gold.v_market_monitoring_half_hourly", 19_200)));
        kpis.put(PurposeRole.RESEARCH, new OverviewKpis(30, 9_000, 14_400, latest, provenance("gold.v_research_gsp_half_hourly", 960)));
        kpis.put(PurposeRole.RECIPIENT, new OverviewKpis(40, 12_345.64, 19_200, latest, provenance("gold.v_recipient_half_hourly", 19_200)));
        meters.put(PurposeRole.SETTLEMENT, List.of(new MeterChoice(MPAN_1, MPAN_1, GspGroup.A), new MeterChoice(MPAN_2, MPAN_2, GspGroup.C)));
        List<MeterChoice> pseudonyms = List.of(new MeterChoice("mp_3f9a1c", "mp_3f9a1c", GspGroup.A), new MeterChoice("mp_77b2e0", "mp_77b2e0", GspGroup.C));
        meters.put(PurposeRole.MARKET_MONITORING, pseudonyms);
        meters.put(PurposeRole.RECIPIENT, pseudonyms);
        meters.put(PurposeRole.RESEARCH, List.of());
        for (PurposeRole role : PurposeRole.values()) {
            anomalies.put(role, role.aggregatesOnly()
                    ? new AnomalyListing.Counts(List.of(), provenance("gold.v_research_anomaly_summary", 0))
                    : new AnomalyListing.Detections(List.of(), provenance("gold.v_settlement_anomalies", 0)));
        }
    }

    /** Every half-hour of the range, a gentle daily shape scaled by {@code scale}. */
    public static HalfHourlySeries halfHourly(DateRange range, double scale) {
        long from = SettlementCalendar.dayStart(range.from()).getEpochSecond();
        long to = SettlementCalendar.dayStart(range.to().plusDays(1)).getEpochSecond();
        int n = (int) ((to - from) / 1800);
        long[] times = new long[n];
        double[] kwh = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = from + 1800L * i;
            kwh[i] = scale * (1 + 0.5 * Math.sin(i * Math.PI / 24)) + (i % 7) * 0.01;
        }
        return new HalfHourlySeries(times, kwh);
    }

    public static Provenance provenance(String relation, long rows) {
        return new Provenance("Local workspace · Fake", relation, Instant.parse("2026-11-21T09:15:00Z"), Duration.ofMillis(12), rows);
    }

    /** Every later call throws {@code error} until {@link #recover()}. */
    public void failWith(RuntimeException error) {
        this.failure = error;
    }

    public void recover() {
        this.failure = null;
    }

    private void call(String what) {
        calls.add(what);
        if (failure != null) {
            throw failure;
        }
    }

    public long count(String prefix) {
        return calls.stream().filter(c -> c.startsWith(prefix)).count();
    }

    @Override
    public SourceDescriptor descriptor() {
        return new SourceDescriptor(SourceKind.LOCAL_WORKSPACE, "Fake workspace (2 meters)", "/tmp/fake.duckdb");
    }

    @Override
    public List<PurposeRole> roles() {
        return List.of(PurposeRole.values());
    }

    @Override
    public DateRange availableRange(PurposeRole role) {
        call("availableRange " + role);
        return ranges.get(role);
    }

    @Override
    public OverviewKpis overview(PurposeRole role, DateRange range) {
        call("overview " + role + " " + range.from() + ".." + range.to());
        return kpis.get(role);
    }

    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
        return consumption(role, scope, range, SeriesResolution.HALF_HOURLY);
    }

    /**
     * Sums the scripted half-hours of the range into points of {@code resolution}, aligned on the start of the range's
     * first settlement day as the query catalog does; rows read counts the half-hours summed.
     */
    @Override
    public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
        call("consumption " + role + " " + scope);
        consumptionRequests.add(new ConsumptionRequest(role, scope, range, resolution));
        double scale = scope instanceof SeriesScope.AllMeters ? 1 : scope instanceof SeriesScope.OneGspGroup ? 0.5 : 0.01;
        long origin = SettlementCalendar.dayStart(range.from()).getEpochSecond();
        HalfHourlySeries halfHours = (scale == 1 ? allMeters : halfHourly(range, scale)).slice(Instant.ofEpochSecond(origin),
                SettlementCalendar.dayStart(range.to().plusDays(1)));
        long width = resolution.bucketSeconds();
        long[] times = new long[halfHours.size()];
        double[] kwh = new double[halfHours.size()];
        int points = 0;
        for (int i = 0; i < halfHours.size(); i++) {
            long point = origin + Math.floorDiv(halfHours.epochSecondAt(i) - origin, width) * width;
            if (points == 0 || times[points - 1] != point) {
                times[points++] = point;
            }
            kwh[points - 1] += halfHours.kwhAt(i);
        }
        HalfHourlySeries series = new HalfHourlySeries(Arrays.copyOf(times, points), Arrays.copyOf(kwh, points));
        return new ConsumptionSeries(scope, series, resolution, provenance(role.aggregatesOnly()
                ? "gold.v_research_gsp_half_hourly" : "gold.v_settlement_half_hourly", halfHours.size()));
    }

    public record ConsumptionRequest(PurposeRole role, SeriesScope scope, DateRange range, SeriesResolution resolution) {
    }

    @Override
    public List<MeterChoice> meters(PurposeRole role) {
        call("meters " + role);
        return meters.get(role);
    }

    @Override
    public List<GspGroup> gspGroups(PurposeRole role) {
        call("gspGroups " + role);
        return groups;
    }

    @Override
    public AnomalyListing anomalies(PurposeRole role, DateRange range) {
        call("anomalies " + role);
        return anomalies.get(role);
    }

    /** What {@link #champion} answers; sources that publish no model say so, like the local workspace. */
    public ChampionCheck champion = ChampionCheck.NOT_OFFERED;

    @Override
    public ChampionCheck champion(PurposeRole role, DateRange range) {
        return champion;
    }
}
