package uk.consumptioninsights.app.anomalies;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.time.SettlementCalendar;

class AnomaliesViewModelTest {

    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final AnomaliesViewModel vm = new AnomaliesViewModel(source, SameThreadTaskRunner.immediate(), session);

    @Test
    void noDetectionsShowsTheEmptyStateAndInventsNothing() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.emptyProperty().get()).isTrue();
        assertThat(vm.loadedProperty().get()).isTrue();
        assertThat(vm.detections()).isEmpty();
        assertThat(vm.emptyMessage()).isEqualTo(
                "No anomalies detected in this workspace yet. Use Rescore locally (Ctrl+R) to run the detectors on this data.");
        assertThat(vm.emptyDetailProperty().get()).contains("gold.v_settlement_anomalies");
    }

    @Test
    void detectionsAreShownInWordsUnderTheRolesMeterLabel() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        Instant start = SettlementCalendar.periodStart(day, 12);
        Instant end = SettlementCalendar.periodStart(day, 15);
        source.anomalies.put(PurposeRole.SETTLEMENT, new AnomalyListing.Detections(List.of(new AnomalyRow("a1",
                FakeSource.MPAN_1, "_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, 0.934, start, end, 1.2, 0.1,
                "Consumption dropped to 8% of baseline", AnomalyOrigin.LOCAL, 0.812)), FakeSource.provenance("gold.v_settlement_anomalies", 1)));
        source.anomalies.put(PurposeRole.MARKET_MONITORING, new AnomalyListing.Detections(List.of(new AnomalyRow("a1",
                "mp_3f9a1c", "_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, 0.934, start, end, null, 0.1, "x", AnomalyOrigin.LOCAL, 0.812)),
                FakeSource.provenance("gold.v_market_monitoring_anomalies", 1)));

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.emptyProperty().get()).isFalse();
        assertThat(vm.meterColumnTitleProperty().get()).isEqualTo("MPAN");
        assertThat(vm.detections()).hasSize(1);
        DetectionItem shown = vm.detections().get(0);
        assertThat(List.of(shown.meter(), shown.gspGroup(), shown.type(), shown.severity(), shown.rank(), shown.score(),
                shown.interval(), shown.expectedVsActual(), shown.foundBy(), shown.reason()))
                .containsExactly(FakeSource.MPAN_1, "_A · Eastern England", "Theft / bypass", "High", "0.81", "0.93",
                        "20 Nov SP12 → SP14", "1.20 → 0.10 kWh", "Local", "Consumption dropped to 8% of baseline");
        assertThat(vm.summaryProperty().get()).isEqualTo("1 detection");

        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);

        assertThat(vm.meterColumnTitleProperty().get()).isEqualTo("Meter pseudonym");
        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly("mp_3f9a1c");
        assertThat(vm.detections()).extracting(DetectionItem::expectedVsActual).containsExactly("— → 0.10 kWh");
    }

    @Test
    void aggregateOnlyRoleSeesCountsNotDetections() {
        source.anomalies.put(PurposeRole.RESEARCH, new AnomalyListing.Counts(List.of(
                new AnomalyCount("_C", AnomalyType.NETWORK_ANOMALY, Severity.MEDIUM, LocalDate.of(2026, 11, 19),
                        AnomalyOrigin.LOCAL, 14)),
                FakeSource.provenance("gold.v_research_anomaly_summary", 1)));

        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.modeProperty().get()).isEqualTo(AnomaliesViewModel.Mode.COUNTS);
        assertThat(vm.detections()).isEmpty();
        assertThat(vm.counts()).extracting(CountItem::day, CountItem::gspGroup, CountItem::type, CountItem::severity,
                CountItem::foundBy, CountItem::count)
                .containsExactly(tuple("19 Nov 2026", "_C · London", "Network anomaly",
                        "Medium", "Local", "14"));
        assertThat(source.calls).containsExactly("anomalies RESEARCH", "consumption RESEARCH " + new SeriesScope.AllMeters());
    }

    @Test
    void theBackdropIsFetchedSizedToTheChartAndMarkersKeepTheirInstants() {
        DateRange year = new DateRange(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31));
        source.allMeters = FakeSource.halfHourly(year, 2);
        Instant start = SettlementCalendar.periodStart(LocalDate.of(2026, 6, 15), 13);
        source.anomalies.put(PurposeRole.SETTLEMENT, new AnomalyListing.Detections(List.of(new AnomalyRow("a1",
                FakeSource.MPAN_1, "_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, 0.9, start, start.plusSeconds(5400),
                1.2, 0.1, "x", AnomalyOrigin.LOCAL, 0.8)), FakeSource.provenance("gold.v_settlement_anomalies", 1)));

        session.publish(PurposeRole.SETTLEMENT, year);

        SeriesResolution asked = source.consumptionRequests.get(0).resolution();
        assertThat(asked).isEqualTo(SeriesResolution.forPoints(year, AnomaliesViewModel.BACKDROP_POINTS));
        assertThat(asked.halfHoursPerPoint()).isEqualTo(8);
        assertThat(vm.backdropProperty().get().size()).isEqualTo(365 * 6);
        assertThat(vm.backdropResolutionProperty().get()).isEqualTo(asked);
        assertThat(vm.backdropTitleProperty().get()).isEqualTo("All meters · kWh per 4 h");
        long origin = SettlementCalendar.dayStart(year.from()).getEpochSecond();
        long pointStart = origin + Math.floorDiv(start.getEpochSecond() - origin, asked.bucketSeconds()) * asked.bucketSeconds();
        double pointKwh = source.allMeters.slice(Instant.ofEpochSecond(pointStart),
                Instant.ofEpochSecond(pointStart + asked.bucketSeconds())).totalKwh();
        assertThat(vm.markers()).singleElement().satisfies(marker -> {
            assertThat(marker.epochSecond()).isEqualTo(start.getEpochSecond());
            assertThat(marker.kwh()).isCloseTo(pointKwh, within(1e-9));
        });

        vm.selectedProperty().set(vm.detections().get(0));

        assertThat(source.consumptionRequests).last().satisfies(detail -> {
            assertThat(detail.resolution()).isEqualTo(SeriesResolution.HALF_HOURLY);
            assertThat(detail.scope()).isInstanceOf(SeriesScope.OneMeter.class);
        });
    }

    @Test
    void failureKeepsRowsAndShowsTheSourcesMessage() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        source.failWith(new SourceException("Could not load the anomalies from the local workspace."));

        vm.refresh();

        assertThat(vm.errorMessage()).isEqualTo("Could not load the anomalies from the local workspace.");
        assertThat(vm.loadedProperty().get()).isTrue();
    }

    @Test
    void intervalsReadInSettlementPeriods() {
        LocalDate day = LocalDate.of(2026, 11, 20);
        assertThat(AnomaliesViewModel.interval(SettlementCalendar.periodStart(day, 47),
                SettlementCalendar.periodStart(day.plusDays(1), 3))).isEqualTo("20 Nov SP47 → 21 Nov SP2");
        assertThat(AnomaliesViewModel.interval(SettlementCalendar.periodStart(day, 5),
                SettlementCalendar.periodStart(day, 6))).isEqualTo("20 Nov SP5");
    }
}
