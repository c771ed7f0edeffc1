package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.query.PurposeViews;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * A harness that prints, per chart, the rows and the bytes the warehouse sends to the real driver (counted by the
 * shim, so on the wire), beside what fetching the raw readings the chart covers would cost. Figures are printed, not
 * timed; the assertions are about sizes: a chart never fetches more points than it draws.
 */
@Tag("provider-peer")
class ChartFetchBenchmarkIT {

    /** About two points per pixel of a 800-pixel plot, as the Consumption tab asks. */
    private static final int CHART_POINTS = 1600;
    /** The Anomalies tab's backdrop line. */
    private static final int BACKDROP_POINTS = 600;

    private record Fetch(String chart, long rows, long bytes, int budget) {
    }

    @Test
    void chartsFetchAggregatesSizedToTheScreen() throws Exception {
        PeerGold gold = PeerGold.shared();
        ThriftProtocolShim shim = gold.runtime().shim();
        DateRange range = PeerGold.ALL;
        List<Fetch> fetches = new ArrayList<>();
        try (WarehouseConsumptionSource warehouse = new WarehouseConsumptionSource(gold.runtime().goldConnector())) {
            PurposeRole role = PurposeRole.SETTLEMENT;
            warehouse.availableRange(role); // opens and warms a session, outside the figures
            GspGroup group = warehouse.gspGroups(role).get(0);
            String meter = warehouse.meters(role).get(0).key();
            fetches.add(measure(shim, "Overview KPIs", 1, () -> {
                warehouse.overview(role, range); // one row of figures by construction
                return 1L;
            }));
            fetches.add(measure(shim, "Consumption, all meters, 1,600 points", CHART_POINTS,
                    () -> points(warehouse.consumption(role, new SeriesScope.AllMeters(), range, SeriesResolution.forPoints(range, CHART_POINTS)))));
            fetches.add(measure(shim, "Consumption, all meters, small chart (200 points)", 200,
                    () -> points(warehouse.consumption(role, new SeriesScope.AllMeters(), range, SeriesResolution.forPoints(range, 200)))));
            fetches.add(measure(shim, "Consumption, GSP group " + group.code(), CHART_POINTS,
                    () -> points(warehouse.consumption(role, new SeriesScope.OneGspGroup(group), range, SeriesResolution.forPoints(range, CHART_POINTS)))));
            fetches.add(measure(shim, "Consumption, one meter", CHART_POINTS,
                    () -> points(warehouse.consumption(role, new SeriesScope.OneMeter(meter, meter), range, SeriesResolution.forPoints(range, CHART_POINTS)))));
            fetches.add(measure(shim, "Anomalies backdrop line", BACKDROP_POINTS,
                    () -> points(warehouse.consumption(role, new SeriesScope.AllMeters(), range, SeriesResolution.forPoints(range, BACKDROP_POINTS)))));
            fetches.add(measure(shim, "Anomalies table (rows, not a chart)", 10_000,
                    () -> (long) ((AnomalyListing.Detections) warehouse.anomalies(role, range)).rows().size()));
            fetches.add(measure(shim, "Research consumption (aggregates)", CHART_POINTS,
                    () -> points(warehouse.consumption(PurposeRole.RESEARCH, new SeriesScope.AllMeters(), range, SeriesResolution.forPoints(range, CHART_POINTS)))));
        }
        Fetch raw;
        try (Connection connection = gold.runtime().goldConnector().open()) {
            String view = PurposeViews.of(PurposeRole.SETTLEMENT, PeerRuntime.CATALOG + "." + PeerRuntime.SCHEMA).halfHourly();
            raw = measure(shim, "(for scale) raw readings of the range", Integer.MAX_VALUE, () -> {
                try (PreparedStatement ps = connection.prepareStatement("SELECT mpan, unix_millis(interval_start_utc), kwh FROM "
                        + view + " WHERE settlement_date BETWEEN CAST(? AS DATE) AND CAST(? AS DATE)")) {
                    ps.setString(1, range.from().toString());
                    ps.setString(2, range.to().toString());
                    long rows = 0;
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            rows++;
                        }
                    }
                    return rows;
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
        }

        System.out.printf("%nRows and bytes fetched per chart, %s to %s, 150 meters (real driver -> shim -> Spark peer)%n",
                range.from(), range.to());
        System.out.printf("%-52s %10s %12s %8s%n", "chart", "rows", "bytes", "budget");
        for (Fetch f : fetches) {
            System.out.printf("%-52s %,10d %,12d %,8d%n", f.chart(), f.rows(), f.bytes(), f.budget());
        }
        System.out.printf("%-52s %,10d %,12d%n", raw.chart(), raw.rows(), raw.bytes());

        for (Fetch f : fetches) {
            assertThat(f.rows()).as(f.chart()).isPositive().isLessThanOrEqualTo(f.budget());
        }
        Fetch allMeters = fetches.get(1);
        assertThat(raw.rows()).isGreaterThan(50 * allMeters.rows());
        assertThat(raw.bytes()).isGreaterThan(20 * allMeters.bytes());
        assertThat(fetches.get(2).rows()).isLessThanOrEqualTo(200);
    }

    private static long points(ConsumptionSeries series) {
        return series.series().size();
    }

    private static Fetch measure(ThriftProtocolShim shim, String chart, int budget, Supplier<Long> fetch) {
        long before = shim.bytesToDriver();
        long rows = fetch.get();
        return new Fetch(chart, rows, shim.bytesToDriver() - before, budget);
    }
}
