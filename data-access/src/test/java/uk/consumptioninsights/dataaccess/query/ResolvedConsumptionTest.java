package uk.consumptioninsights.dataaccess.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.SQLException;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesPoints;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.work.Progress;

/** Series summed by the engine into points of several half-hours equal the half-hourly series summed in Java. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResolvedConsumptionTest {

    private static final LocalDate FIRST = LocalDate.of(2025, 3, 27);
    private static final LocalDate LAST = LocalDate.of(2025, 4, 2);
    private static final DateRange RANGE = new DateRange(FIRST, LAST);

    private LocalWorkspace workspace;
    private WorkspaceConsumptionSource source;

    @BeforeAll
    void build(@TempDir Path dir) throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("r.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(3L, 40, FIRST, LAST, 0.05), InjectionRates.defaults())
                .build(workspace, Progress.NONE);
        source = new WorkspaceConsumptionSource(workspace);
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @Test
    void everyPointSumsItsHalfHoursFromTheStartOfTheFirstSettlementDay() {
        int compared = 0;
        for (PurposeRole role : PurposeRole.values()) {
            ConsumptionSeries halfHourly = source.consumption(role, new SeriesScope.AllMeters(), RANGE);
            compared += halfHourly.series().size();
            for (int width : new int[] {2, 7, 48}) {
                ConsumptionSeries points = source.consumption(role, new SeriesScope.AllMeters(), RANGE, new SeriesResolution(width));
                assertThat(points.resolution().halfHoursPerPoint()).isEqualTo(width);
                assertThat(points.series().size()).isLessThanOrEqualTo(halfHourly.series().size() / width + 1);
                assertThat(points.provenance().rowsRead()).isEqualTo(halfHourly.provenance().rowsRead());
                assertThat(points.series().totalKwh()).isCloseTo(halfHourly.series().totalKwh(), within(1e-6));
                assertMatchesJavaBuckets(halfHourly.series(), points.series(), width);
            }
        }
        assertThat(compared).isPositive();
    }

    @Test
    void theRangeIncludesTheShortSpringDay() {
        DateRange springDay = new DateRange(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 30));
        ConsumptionSeries day = source.consumption(PurposeRole.SETTLEMENT, new SeriesScope.AllMeters(), springDay);
        assertThat(day.series().size()).isEqualTo(46);
        ConsumptionSeries hours = source.consumption(PurposeRole.SETTLEMENT, new SeriesScope.AllMeters(), springDay,
                SeriesResolution.forPoints(springDay, 23));
        assertThat(hours.series().size()).isEqualTo(23);
        assertThat(hours.series().epochSecondAt(0)).isEqualTo(SettlementCalendar.dayStart(springDay.from()).getEpochSecond());
    }

    /** The engine's points equal the half-hours summed in Java by the interface's default (SeriesPoints). */
    private static void assertMatchesJavaBuckets(HalfHourlySeries halfHourly, HalfHourlySeries points, int width) {
        HalfHourlySeries expected = SeriesPoints.sum(halfHourly, RANGE, new SeriesResolution(width));
        assertThat(points.size()).isEqualTo(expected.size());
        for (int i = 0; i < expected.size(); i++) {
            assertThat(points.epochSecondAt(i)).isEqualTo(expected.epochSecondAt(i));
            double kwh = expected.kwhAt(i);
            assertThat(points.kwhAt(i)).isCloseTo(kwh, within(1e-9 + Math.abs(kwh) * 1e-12));
        }
        if (!halfHourly.isEmpty()) {
            long origin = SettlementCalendar.dayStart(FIRST).getEpochSecond();
            assertThat(expected.epochSecondAt(0)).isEqualTo(origin);
            assertThat((expected.epochSecondAt(expected.size() - 1) - origin) % (width * 1800L)).isZero();
        }
    }
}
