package uk.consumptioninsights.app.consumption;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementCalendar;

class ConsumptionViewModelTest {

    private static final DateRange YEAR = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));

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
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(480);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(source.allMeters.totalKwh(), within(1e-9));
        assertThat(vm.visibleTotalKwhProperty().get()).matches("[0-9,]+\\.[0-9] kWh");
        assertThat(vm.visiblePointsProperty().get()).isEqualTo("480");
        assertThat(vm.viewFromProperty().get()).isEqualTo(source.allMeters.epochSecondAt(0));
        assertThat(vm.emptyMessageProperty().get()).isNull();
        assertThat(vm.provenanceProperty().get()).contains("gold.v_settlement_half_hourly");
    }

    @Test
    void typingFindsMetersByKeyPrefixOrGroupAndAnUnknownTextSaysSo() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.meters()).extracting(MeterChoice::key).containsExactly(FakeSource.MPAN_1, FakeSource.MPAN_2);
        assertThat(vm.meterSearchNoteProperty().get()).isEqualTo("2 meters.");

        vm.meterSearchProperty().set(FakeSource.MPAN_2.substring(0, 11));
        assertThat(vm.meters()).extracting(MeterChoice::key).containsExactly(FakeSource.MPAN_2);
        assertThat(vm.meterSearchNoteProperty().get()).isEqualTo("1 meter match.");

        vm.meterSearchProperty().set("_a");
        assertThat(vm.meters()).extracting(MeterChoice::gspGroup).containsExactly(GspGroup.A);

        vm.meterSearchProperty().set("no such meter");
        assertThat(vm.meters()).isEmpty();
        assertThat(vm.meterSearchNoteProperty().get()).startsWith("No meter matches.");

        // A new role starts from the first page again, the text cleared.
        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
        assertThat(vm.meterSearchProperty().get()).isEmpty();
        assertThat(vm.meters()).extracting(MeterChoice::key).containsExactly("mp_3f9a1c", "mp_77b2e0");
    }

    @Test
    void aYearIsFetchedAsAboutAsManyPointsAsTheChartDrawsAndTotalsEveryHalfHour() {
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        vm.setPlotWidth(800);
        session.publish(PurposeRole.SETTLEMENT, YEAR);

        assertThat(vm.pointBudget()).isEqualTo(1600);
        FakeSource.ConsumptionRequest asked = lastRequest();
        assertThat(asked.range()).isEqualTo(YEAR);
        assertThat(asked.resolution().halfHoursPerPoint()).isGreaterThanOrEqualTo(11);
        HalfHourlySeries shown = vm.displayedProperty().get();
        assertThat(shown.size()).isLessThanOrEqualTo(1600).isGreaterThan(800);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(source.allMeters.totalKwh(), within(1e-6));
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(365 * 48);
        assertThat(vm.visiblePointsProperty().get()).isEqualTo("17,520");
        assertThat(vm.resolutionProperty().get()).isEqualTo("5 h 30 min per point");
        assertThat(vm.valueAxisLabelProperty().get()).isEqualTo("kWh per 5 h 30 min");
        assertThat(vm.provenanceProperty().get()).contains("17,520 rows");
    }

    @Test
    void totalsOfACoarseWindowAreTheSourcesSumsOverTheHalfHoursOfItsPoints() {
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        session.publish(PurposeRole.SETTLEMENT, YEAR);
        int asked = source.consumptionRequests.size();

        vm.zoom(0.6, 0.3);

        assertThat(source.consumptionRequests).as("the window still holds enough points").hasSize(asked);
        assertThat(vm.resolutionProperty().get()).isEqualTo("5 h 30 min per point");
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(halfHourTotalOfPointsInView(lastRequest()), within(1e-6));
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(halfHoursOfPointsInView(lastRequest()));
    }

    @Test
    void zoomingToAWeekFetchesThatWindowsDaysFinerAndZoomingOutNeedsNoFetch() {
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        session.publish(PurposeRole.SETTLEMENT, YEAR);
        HalfHourlySeries full = vm.displayedProperty().get();
        int asked = source.consumptionRequests.size();

        vm.zoom(7.0 / 365, 0.5);

        assertThat(source.consumptionRequests).hasSize(asked + 1);
        FakeSource.ConsumptionRequest finer = lastRequest();
        assertThat(finer.range().days()).isBetween(7L, 8L);
        assertThat(finer.range().from()).isEqualTo(SettlementCalendar.settlementDate(viewFrom()));
        assertThat(finer.resolution()).isEqualTo(SeriesResolution.HALF_HOURLY);
        assertThat(finer.scope()).isEqualTo(new SeriesScope.AllMeters());
        assertThat(runner.startedTitles()).contains(ConsumptionViewModel.FINER_TITLE);
        assertThat(vm.resolutionProperty().get()).isEqualTo("30 min per point");
        assertThat(vm.valueAxisLabelProperty().get()).isEqualTo("kWh per half-hour");
        HalfHourlySeries inView = source.allMeters.slice(viewFrom(), viewTo());
        assertThat(vm.displayedProperty().get()).isEqualTo(inView);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(inView.totalKwh(), within(1e-9));
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(inView.size());

        vm.zoomOut();
        assertThat(source.consumptionRequests).as("two weeks at half-hourly is within the budget").hasSize(asked + 2);
        vm.resetZoom();

        assertThat(source.consumptionRequests).hasSize(asked + 2);
        assertThat(vm.displayedProperty().get()).isSameAs(full);
        assertThat(vm.resolutionProperty().get()).isEqualTo("5 h 30 min per point");
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(source.allMeters.totalKwh(), within(1e-6));
        assertThat(vm.zoomedProperty().get()).isFalse();
    }

    @Test
    void panningWithinTheFetchedDaysReusesThemAndBeyondThemFetchesTheNewDays() {
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        session.publish(PurposeRole.SETTLEMENT, YEAR);
        vm.zoom(2.0 / 365, 0.5);
        int asked = source.consumptionRequests.size();
        DateRange days = lastRequest().range();

        assertThat(days).isEqualTo(new DateRange(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 7, 3)));

        vm.pan(-0.1);
        assertThat(source.consumptionRequests).hasSize(asked);
        assertThat(vm.resolutionProperty().get()).isEqualTo("30 min per point");

        vm.pan(3);

        assertThat(source.consumptionRequests).hasSizeGreaterThan(asked);
        assertThat(lastRequest().range().from()).isAfter(days.from());
        HalfHourlySeries inView = source.allMeters.slice(viewFrom(), viewTo());
        assertThat(vm.displayedProperty().get()).isEqualTo(inView);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(inView.totalKwh(), within(1e-9));
    }

    @Test
    void onlyTheNewestFinerFetchIsRunAndNoneOutlivesANewSeries() {
        SameThreadTaskRunner deferred = SameThreadTaskRunner.deferred();
        ConsumptionViewModel model = new ConsumptionViewModel(source, deferred, session);
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        session.publish(PurposeRole.SETTLEMENT, YEAR);
        deferred.runAll();
        int asked = source.consumptionRequests.size();

        model.zoom(7.0 / 365, 0.2);
        deferred.runNext();
        model.pan(20);
        deferred.runAll();

        assertThat(source.consumptionRequests).as("the first finer fetch was cancelled before it ran").hasSize(asked + 1);
        long from = (long) model.viewFromProperty().get();
        assertThat(lastRequest().range().from()).isEqualTo(SettlementCalendar.settlementDate(Instant.ofEpochSecond(from)));
        assertThat(model.resolutionProperty().get()).isEqualTo("30 min per point");

        model.zoom(8, 0.5);
        deferred.runNext();
        assertThat(model.loadingFinerProperty().get()).as("eight weeks want finer points than the year's").isTrue();
        model.selectedScopeProperty().set(ScopeOption.of(GspGroup.A));
        deferred.runAll();

        assertThat(source.consumptionRequests).as("the eight weeks were cancelled before they ran")
                .noneMatch(r -> r.resolution().halfHoursPerPoint() == 2);
        assertThat(lastRequest().scope()).isEqualTo(new SeriesScope.OneGspGroup(GspGroup.A));
        assertThat(lastRequest().range()).isEqualTo(YEAR);
        assertThat(model.loadingFinerProperty().get()).isFalse();
        assertThat(model.zoomedProperty().get()).isFalse();
        assertThat(model.resolutionProperty().get()).isEqualTo("5 h 30 min per point");
    }

    @Test
    void aFailedFinerFetchKeepsTheCoarsePointsAndSaysWhy() {
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        session.publish(PurposeRole.SETTLEMENT, YEAR);
        source.failWith(new SourceException("The warehouse stopped the query."));

        vm.zoom(7.0 / 365, 0.5);

        assertThat(session.errorMessage()).isEqualTo("The warehouse stopped the query.");
        assertThat(vm.resolutionProperty().get()).isEqualTo("5 h 30 min per point");
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(halfHourTotalOfPointsInView(source.consumptionRequests.get(0)),
                within(1e-6));
        assertThat(vm.loadingFinerProperty().get()).isFalse();
    }

    @Test
    void aSourceThatHoldsOnlyHalfHoursHasThemSummedIntoPointsByTheDefault() {
        source.allMeters = FakeSource.halfHourly(YEAR, 2);
        ConsumptionViewModel model = new ConsumptionViewModel(new HalfHourlyOnly(source), runner, session);
        session.publish(PurposeRole.SETTLEMENT, YEAR);

        assertThat(model.displayedProperty().get().size()).isLessThanOrEqualTo(1600).isGreaterThan(1500);
        assertThat(model.visibleTotalProperty().get()).isCloseTo(source.allMeters.totalKwh(), within(1e-6));
        assertThat(model.resolutionProperty().get()).isEqualTo("5 h 30 min per point");
    }

    @Test
    void zoomAndPanRerunTheReductionOnTheVisibleRawRange() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        double from = vm.viewFromProperty().get();
        double width = vm.viewToProperty().get() - from;

        vm.zoom(0.5, 0);
        assertThat(vm.viewFromProperty().get()).isEqualTo(from);
        assertThat(vm.viewToProperty().get() - vm.viewFromProperty().get()).isEqualTo(width / 2);
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(240);
        assertThat(vm.zoomedProperty().get()).isTrue();
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(rawTotalInView(), within(1e-9));

        vm.pan(0.5);
        assertThat(vm.viewFromProperty().get()).isEqualTo(from + width / 4);
        assertThat(vm.visibleTotalProperty().get()).isCloseTo(rawTotalInView(), within(1e-9));

        vm.pan(5);
        assertThat(vm.viewToProperty().get()).isEqualTo(from + width);

        vm.resetZoom();
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(480);
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
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(8);
    }

    private Instant viewFrom() {
        return Instant.ofEpochSecond((long) vm.viewFromProperty().get());
    }

    private Instant viewTo() {
        return Instant.ofEpochSecond((long) vm.viewToProperty().get());
    }

    private FakeSource.ConsumptionRequest lastRequest() {
        return source.consumptionRequests.get(source.consumptionRequests.size() - 1);
    }

    /** The half-hours summed into the points starting in the view, recomputed here from the source's readings. */
    private double halfHourTotalOfPointsInView(FakeSource.ConsumptionRequest asked) {
        double total = 0;
        for (int i : halfHourIndicesOfPointsInView(asked)) {
            total += source.allMeters.kwhAt(i);
        }
        return total;
    }

    private long halfHoursOfPointsInView(FakeSource.ConsumptionRequest asked) {
        return halfHourIndicesOfPointsInView(asked).length;
    }

    private int[] halfHourIndicesOfPointsInView(FakeSource.ConsumptionRequest asked) {
        long origin = SettlementCalendar.dayStart(asked.range().from()).getEpochSecond();
        long width = asked.resolution().bucketSeconds();
        long from = viewFrom().getEpochSecond();
        long to = viewTo().getEpochSecond();
        return IntStream.range(0, source.allMeters.size()).filter(i -> {
            long pointStart = origin + Math.floorDiv(source.allMeters.epochSecondAt(i) - origin, width) * width;
            return pointStart >= from && pointStart < to;
        }).toArray();
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
        assertThat(vm.visibleHalfHoursProperty().get()).isEqualTo(6 * 48);
    }

    @Test
    void emptySeriesSaysWhyInsteadOfDrawingNothing() {
        source.allMeters = HalfHourlySeries.empty();
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.emptyMessageProperty().get()).contains("No consumption is visible to Research")
                .contains("at least 10 meters");
        assertThat(vm.visiblePointsProperty().get()).isEqualTo("0");
        assertThat(vm.resolutionProperty().get()).isEmpty();
    }

    @Test
    void zoomingIntoAnEmptyYearAsksNothingMore() {
        source.allMeters = HalfHourlySeries.empty();
        session.publish(PurposeRole.SETTLEMENT, YEAR);
        int asked = source.consumptionRequests.size();

        vm.zoom(7.0 / 365, 0.5);

        assertThat(source.consumptionRequests).hasSize(asked);
        assertThat(vm.emptyMessageProperty().get()).contains("No consumption is visible");
    }

    /** A source that keeps the interface's default: it answers half-hourly series only. */
    private record HalfHourlyOnly(ConsumptionSource real) implements ConsumptionSource {

        @Override
        public SourceDescriptor descriptor() {
            return real.descriptor();
        }

        @Override
        public List<PurposeRole> roles() {
            return real.roles();
        }

        @Override
        public DateRange availableRange(PurposeRole role) {
            return real.availableRange(role);
        }

        @Override
        public OverviewKpis overview(PurposeRole role, DateRange range) {
            return real.overview(role, range);
        }

        @Override
        public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
            return real.consumption(role, scope, range);
        }

        @Override
        public List<MeterChoice> meters(PurposeRole role) {
            return real.meters(role);
        }

        @Override
        public List<GspGroup> gspGroups(PurposeRole role) {
            return real.gspGroups(role);
        }

        @Override
        public AnomalyListing anomalies(PurposeRole role, DateRange range) {
            return real.anomalies(role, range);
        }
    }
}
