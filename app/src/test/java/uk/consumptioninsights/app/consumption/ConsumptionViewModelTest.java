package uk.consumptioninsights.app.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;

class ConsumptionViewModelTest {

    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
    private ConsumptionViewModel vm;

    @BeforeEach
    void setUp() {
        vm = new ConsumptionViewModel(source, runner, session);
    }

    @Test
    void offersAllMetersEachGspGroupAndOneMeterAndTotalsTheRawSeries() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.scopeOptions()).containsExactly(ScopeOption.ALL, ScopeOption.of(GspGroup.A),
                ScopeOption.of(GspGroup.C), ScopeOption.ONE_METER);
        assertThat(vm.visiblePointCountProperty().get()).isEqualTo(480);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(source.allMeters.totalKwh(), within(1e-9));
        assertThat(vm.visibleTotalKwhProperty().get()).matches("[0-9,]+\\.[0-9] kWh");
        assertThat(vm.visiblePointsProperty().get()).isEqualTo("480");
        assertThat(vm.viewFromProperty().get()).isEqualTo(source.allMeters.epochSecondAt(0));
        assertThat(vm.emptyMessageProperty().get()).isNull();
        assertThat(vm.provenanceProperty().get()).contains("gold.v_settlement_half_hourly");
    }

    @Test
    void downsamplesToAboutTwicePlotWidthButTotalsEveryRawPoint() {
        DateRange year = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        source.allMeters = FakeSource.halfHourly(year, 2);
        vm.setPlotWidth(300);
        session.publish(PurposeRole.SETTLEMENT, year);

        assertThat(vm.pointBudget()).isEqualTo(600);
        assertThat(vm.displayedProperty().get().size()).isEqualTo(600);
        assertThat(vm.visiblePointCountProperty().get()).isEqualTo(source.allMeters.size());
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(source.allMeters.totalKwh(), within(1e-6));

        vm.zoom(0.1, 0.5);
        assertThat(vm.displayedProperty().get().size()).isEqualTo(600);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(rawTotalInView(), within(1e-6));
        assertThat(vm.visiblePointCountProperty().get()).isLessThan(source.allMeters.size() / 5);
    }

    @Test
    void zoomAndPanRerunTheReductionOnTheVisibleRawRange() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        double from = vm.viewFromProperty().get();
        double width = vm.viewToProperty().get() - from;

        vm.zoom(0.5, 0);
        assertThat(vm.viewFromProperty().get()).isEqualTo(from);
        assertThat(vm.viewToProperty().get() - vm.viewFromProperty().get()).isEqualTo(width / 2);
        assertThat(vm.visiblePointCountProperty().get()).isEqualTo(240);
        assertThat(vm.zoomedProperty().get()).isTrue();
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(rawTotalInView(), within(1e-9));

        vm.pan(0.5);
        assertThat(vm.viewFromProperty().get()).isEqualTo(from + width / 4);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(rawTotalInView(), within(1e-9));

        vm.pan(5);
        assertThat(vm.viewToProperty().get()).isEqualTo(from + width);

        vm.resetZoom();
        assertThat(vm.visiblePointCountProperty().get()).isEqualTo(480);
        assertThat(vm.zoomedProperty().get()).isFalse();
        assertThat(runner.startedTitles()).contains("Downsampling the visible window");
    }

    @Test
    void zoomStopsAtEightHalfHours() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        for (int i = 0; i < 20; i++) {
            vm.zoomIn();
        }
        assertThat(vm.viewToProperty().get() - vm.viewFromProperty().get()).isEqualTo(8 * 1800);
        assertThat(vm.visiblePointCountProperty().get()).isEqualTo(8);
    }

    private double rawTotalInView() {
        return source.allMeters.slice(Instant.ofEpochSecond((long) vm.viewFromProperty().get()),
                Instant.ofEpochSecond((long) vm.viewToProperty().get())).totalKwh();
    }

    @Test
    void choosingAScopeRequeriesThatScope() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        vm.selectedScopeProperty().set(ScopeOption.of(GspGroup.C));
        assertThat(source.calls).last().isEqualTo("consumption SETTLEMENT OneGspGroup[group=C]");
        assertThat(vm.seriesTitleProperty().get()).startsWith("GSP group _C · London");

        vm.selectedScopeProperty().set(ScopeOption.ONE_METER);
        assertThat(vm.meterPickerVisibleProperty().get()).isTrue();
        assertThat(vm.selectedMeterProperty().get().key()).isEqualTo(FakeSource.MPAN_1);
        assertThat(source.calls).last().asString().contains("OneMeter[meterKey=" + FakeSource.MPAN_1);

        vm.selectedMeterProperty().set(vm.meters().get(1));
        assertThat(source.calls).last().asString().contains("OneMeter[meterKey=" + FakeSource.MPAN_2);
    }

    @Test
    void aggregateOnlyRoleGetsNoMeterPickerAndNoMeterList() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        vm.selectedScopeProperty().set(ScopeOption.ONE_METER);

        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.scopeOptions()).doesNotContain(ScopeOption.ONE_METER);
        assertThat(vm.meters()).isEmpty();
        assertThat(vm.selectedMeterProperty().get()).isNull();
        assertThat(vm.meterPickerVisibleProperty().get()).isFalse();
        assertThat(vm.selectedScopeProperty().get()).isEqualTo(ScopeOption.ALL);
        assertThat(source.calls).doesNotContain("meters RESEARCH");
        assertThat(source.calls).last().isEqualTo("consumption RESEARCH AllMeters[]");
    }

    @Test
    void sameRoleRefreshKeepsTheChosenScope() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        vm.selectedScopeProperty().set(ScopeOption.of(GspGroup.A));

        session.publish(PurposeRole.SETTLEMENT, new DateRange(LocalDate.of(2026, 11, 15), LocalDate.of(2026, 11, 20)));

        assertThat(vm.selectedScopeProperty().get()).isEqualTo(ScopeOption.of(GspGroup.A));
        assertThat(source.calls).last().isEqualTo("consumption SETTLEMENT OneGspGroup[group=A]");
        assertThat(vm.visiblePointCountProperty().get()).isEqualTo(6 * 48);
    }

    @Test
    void emptySeriesSaysWhyInsteadOfDrawingNothing() {
        source.allMeters = HalfHourlySeries.empty();
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.emptyMessageProperty().get()).contains("No consumption is visible to Research")
                .contains("at least 10 meters");
        assertThat(vm.visiblePointsProperty().get()).isEqualTo("0");
    }
}
