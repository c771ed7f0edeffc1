package uk.consumptioninsights.app.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.time.SettlementCalendar;

/** Filtering, sorting, paging, markers, alerts, detail and source-versus-local, without the toolkit. */
class AnomaliesWorkflowTest {

    private static final String[] GROUPS = {"_A", "_C", "_N"};
    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final AnomaliesViewModel vm = new AnomaliesViewModel(source, SameThreadTaskRunner.immediate(), session);
    private final List<AnomalyRow> local = new ArrayList<>();
    private final List<AnomalyRow> fromSource = new ArrayList<>();

    /**
     * 120 local detections over the range, types and groups in turn; 10 source detections, the first 6 on the same
     * meter, type and time as a local one, the last 4 on meters nobody else flagged.
     */
    @BeforeEach
    void listing() {
        AnomalyType[] types = AnomalyType.values();
        for (int i = 0; i < 120; i++) {
            LocalDate day = FakeSource.RANGE.from().plusDays(i % 10);
            Instant start = SettlementCalendar.periodStart(day, 1 + i % 40);
            AnomalyType type = types[i % types.length];
            local.add(new AnomalyRow(String.format("LR-%06d", i + 1), "mp_" + i, GROUPS[i % 3], type,
                    i % 4 == 0 ? Severity.HIGH : Severity.MEDIUM, (i * 37 % 100) / 100.0, start, start.plusSeconds(5400),
                    2.0, 0.5, "local reason " + i, AnomalyOrigin.LOCAL, (i * 53 % 100) / 100.0));
        }
        for (int i = 0; i < 10; i++) {
            AnomalyRow twin = local.get(i);
            String meter = i < 6 ? twin.meterLabel() : "mp_only_source_" + i;
            fromSource.add(new AnomalyRow("PRV-" + i, meter, twin.gspGroup(), twin.type(), Severity.HIGH, 0.5,
                    twin.start().plusSeconds(1800), twin.end().plusSeconds(1800), null, null, "provider model",
                    AnomalyOrigin.SOURCE, null));
        }
        List<AnomalyRow> all = new ArrayList<>(local);
        all.addAll(fromSource);
        source.anomalies.put(PurposeRole.MARKET_MONITORING, new AnomalyListing.Detections(all,
                FakeSource.provenance("gold.v_market_monitoring_anomalies", all.size())));
        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
    }

    @Test
    void pagesHoldFiftyRowsAndTheLabelCountsThem() {
        assertThat(vm.detections()).hasSize(AnomaliesViewModel.PAGE_SIZE);
        assertThat(vm.pageLabelProperty().get()).isEqualTo("Rows 1–50 of 130");
        assertThat(vm.hasPreviousPageProperty().get()).isFalse();
        vm.nextPage();
        vm.nextPage();
        assertThat(vm.detections()).hasSize(30);
        assertThat(vm.pageLabelProperty().get()).isEqualTo("Rows 101–130 of 130");
        assertThat(vm.hasNextPageProperty().get()).isFalse();
        vm.nextPage();
        assertThat(vm.pageLabelProperty().get()).as("stays on the last page").isEqualTo("Rows 101–130 of 130");
    }

    @Test
    void filtersCombineAndEveryMatchingRowPassesThem() {
        vm.typeFilterProperty().set(AnomalyType.THEFT_BYPASS);
        vm.gspFilterProperty().set("_C");
        long expected = local.stream().filter(r -> r.type() == AnomalyType.THEFT_BYPASS && r.gspGroup().equals("_C")).count()
                + fromSource.stream().filter(r -> r.type() == AnomalyType.THEFT_BYPASS && r.gspGroup().equals("_C")).count();
        assertThat(expected).isPositive();
        assertThat(vm.matchingCount()).isEqualTo((int) expected);
        assertThat(vm.matchingDetections()).allSatisfy(d -> {
            assertThat(d.anomalyType()).isEqualTo(AnomalyType.THEFT_BYPASS);
            assertThat(d.gspCode()).isEqualTo("_C");
        });
        assertThat(vm.pageLabelProperty().get()).endsWith("matching (of 130)");

        LocalDate day = FakeSource.RANGE.from().plusDays(3);
        vm.clearFilters();
        vm.dayFilterProperty().set(day);
        vm.severityFilterProperty().set(Severity.HIGH);
        assertThat(vm.matchingDetections()).isNotEmpty().allSatisfy(d -> {
            assertThat(d.settlementDay()).isEqualTo(day);
            assertThat(d.anomalySeverity()).isEqualTo(Severity.HIGH);
        });
        vm.clearFilters();
        vm.originFilterProperty().set(AnomalyOrigin.SOURCE);
        assertThat(vm.matchingDetections()).extracting(d -> d.row().anomalyId())
                .containsExactlyInAnyOrderElementsOf(fromSource.stream().map(AnomalyRow::anomalyId).toList());
        vm.clearFilters();
        assertThat(vm.matchingCount()).isEqualTo(130);
    }

    @Test
    void filterOptionsAreTheGroupsAndDaysPresent() {
        assertThat(vm.gspOptions()).containsExactly("_A", "_C", "_N");
        assertThat(vm.dayOptions()).hasSize(10).first().isEqualTo(FakeSource.RANGE.to());
    }

    @Test
    void sortingCoversEveryPageNotJustTheOneShown() {
        vm.sort(SortColumn.SCORE, false);
        double top = vm.detections().get(0).row().score();
        assertThat(top).isEqualTo(local.stream().mapToDouble(AnomalyRow::score).max().orElseThrow());
        assertThat(vm.matchingDetections()).extracting(d -> d.row().score())
                .isSortedAccordingTo(Comparator.reverseOrder());

        vm.sort(SortColumn.RANK, false);
        List<DetectionItem> ranked = vm.matchingDetections();
        assertThat(ranked.get(0).row().learnedScore()).isEqualTo(0.99);
        assertThat(ranked.subList(120, 130)).as("rows without a learned score come last")
                .allSatisfy(d -> assertThat(d.row().learnedScore()).isNull());

        vm.sort(SortColumn.WHEN, true);
        assertThat(vm.matchingDetections()).extracting(d -> d.row().start()).isSorted();
        vm.sort(SortColumn.SEVERITY, true);
        assertThat(vm.detections().get(0).anomalySeverity()).isEqualTo(Severity.HIGH);
    }

    @Test
    void markersAreTheRowsOfThePageOnTheLine() {
        assertThat(vm.markers()).hasSize(AnomaliesViewModel.PAGE_SIZE);
        assertThat(vm.markers()).extracting(AnomalyMarker::item).containsExactlyElementsOf(vm.detections());
        for (AnomalyMarker marker : vm.markers()) {
            long at = marker.item().markerTime().getEpochSecond();
            assertThat(marker.epochSecond()).isEqualTo(at);
            int index = indexOf(source.allMeters.epochSecondsCopy(), at);
            assertThat(marker.kwh()).isEqualTo(source.allMeters.kwhAt(index));
        }
        vm.nextPage();
        assertThat(vm.markers()).extracting(AnomalyMarker::item).containsExactlyElementsOf(vm.detections());
    }

    @Test
    void alertsAreHighSeverityNewestFirstAndOpenTheirRow() {
        assertThat(vm.alerts()).isNotEmpty().hasSizeLessThanOrEqualTo(AnomaliesViewModel.ALERT_LIMIT);
        assertThat(vm.alerts()).allSatisfy(a -> assertThat(a.target().anomalySeverity()).isEqualTo(Severity.HIGH));
        assertThat(vm.alerts()).extracting(a -> ((DetectionItem) a.target()).row().end())
                .isSortedAccordingTo(Comparator.reverseOrder());

        vm.typeFilterProperty().set(AnomalyType.MAINTENANCE);
        AlertItem hidden = vm.alerts().stream()
                .filter(a -> a.target().anomalyType() != AnomalyType.MAINTENANCE).findFirst().orElseThrow();
        vm.reveal(hidden.target());
        assertThat(vm.filterProperty().get()).as("a hidden row clears the filters").isEqualTo(AnomalyFilter.ANY);
        assertThat(vm.detections()).contains((DetectionItem) hidden.target());
        assertThat(vm.selectedProperty().get()).isEqualTo(hidden.target());
    }

    @Test
    void choosingADetectionShowsItsReasonAndTheMetersSeriesThroughTheRole() {
        DetectionItem chosen = vm.detections().get(3);
        vm.selectedProperty().set(chosen);

        AnomalyDetail detail = vm.detail();
        assertThat(detail.reasonProperty().get()).isEqualTo(chosen.row().reason());
        assertThat(detail.titleProperty().get()).isEqualTo(chosen.type() + " · " + chosen.severity());
        assertThat(detail.factsProperty().get()).contains(chosen.meter()).contains("Expected 2.00 kWh, recorded 0.50 kWh (−75%)")
                .contains("learned rank " + chosen.rank());
        assertThat(source.calls).contains("consumption MARKET_MONITORING "
                + new SeriesScope.OneMeter(chosen.meter(), chosen.meter()));
        assertThat(detail.flaggedProperty().get().size()).as("three flagged half-hours").isEqualTo(3);
        assertThat(detail.flaggedProperty().get().epochSecondAt(0)).isEqualTo(chosen.row().start().getEpochSecond());
        assertThat(detail.seriesProperty().get().isEmpty()).isFalse();

        vm.selectedProperty().set(null);
        assertThat(detail.reasonProperty().get()).isEqualTo(AnomalyDetail.NOTHING_CHOSEN);
    }

    @Test
    void sourceAndLocalDetectionsAreComparedTypeByType() {
        SourceLocalComparison comparison = vm.comparisonProperty().get();
        assertThat(comparison.comparable()).isTrue();
        AgreementItem all = comparison.items().get(comparison.items().size() - 1);
        assertThat(all.type()).isEqualTo(SourceLocalComparison.ALL_TYPES);
        assertThat(List.of(all.source(), all.local(), all.both(), all.sourceOnly(), all.localOnly(), all.agreement()))
                .containsExactly("10", "120", "6 / 6", "4", "114", "9%");
        assertThat(comparison.message()).startsWith("Agreement 9%: 12 of 130 detections were found by both sides");

        assertThat(vm.matchingDetections()).filteredOn(d -> d.row().anomalyId().equals("PRV-0"))
                .extracting(DetectionItem::foundBy).containsExactly("Source · local agrees");
        assertThat(vm.matchingDetections()).filteredOn(d -> d.row().anomalyId().equals("PRV-9"))
                .extracting(DetectionItem::foundBy).containsExactly("Source only");
        assertThat(vm.matchingDetections()).filteredOn(d -> d.row().anomalyId().equals("LR-000001"))
                .extracting(DetectionItem::foundBy).containsExactly("Local · source agrees");
    }

    @Test
    void withoutSourceDetectionsTheComparisonSaysWhy() {
        source.anomalies.put(PurposeRole.MARKET_MONITORING, new AnomalyListing.Detections(local,
                FakeSource.provenance("gold.v_market_monitoring_anomalies", local.size())));
        vm.refresh();
        assertThat(vm.comparisonProperty().get().comparable()).isFalse();
        assertThat(vm.comparisonProperty().get().message()).isEqualTo(SourceLocalComparison.NO_SOURCE);
        assertThat(vm.matchingDetections()).extracting(DetectionItem::foundBy).containsOnly("Local");
    }

    @Test
    void aReloadKeepsTheChosenAnomalyWhenItIsStillListed() {
        DetectionItem chosen = vm.detections().get(5);
        vm.selectedProperty().set(chosen);
        vm.refresh();
        assertThat(vm.selectedProperty().get()).isNotSameAs(chosen).isEqualTo(chosen);
    }

    @Test
    void researchCountsAreFilteredAndComparedAsTotals() {
        LocalDate day = FakeSource.RANGE.to();
        source.anomalies.put(PurposeRole.RESEARCH, new AnomalyListing.Counts(List.of(
                new AnomalyCount("_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, day, AnomalyOrigin.LOCAL, 3),
                new AnomalyCount("_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, day, AnomalyOrigin.SOURCE, 2),
                new AnomalyCount("_C", AnomalyType.MAINTENANCE, Severity.LOW, day.minusDays(1), AnomalyOrigin.LOCAL, 11)),
                FakeSource.provenance("gold.v_research_anomaly_summary", 3)));
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.counts()).hasSize(3);
        assertThat(vm.selectedProperty().get()).as("nothing of another role stays chosen").isNull();
        vm.gspFilterProperty().set("_A");
        assertThat(vm.matchingCounts()).hasSize(2).allSatisfy(c -> assertThat(c.gspCode()).isEqualTo("_A"));
        vm.clearFilters();
        vm.sort(SortColumn.COUNT, false);
        assertThat(vm.counts()).extracting(CountItem::count).containsExactly("11", "3", "2");
        assertThat(vm.markers()).hasSize(3);
        SourceLocalComparison comparison = vm.comparisonProperty().get();
        assertThat(comparison.message()).isEqualTo(SourceLocalComparison.COUNTS_ONLY);
        assertThat(comparison.items().get(0)).extracting(AgreementItem::source, AgreementItem::local)
                .containsExactly("2", "3");
        assertThat(vm.alerts()).hasSize(2);

        vm.selectedProperty().set(vm.counts().get(0));
        assertThat(source.calls).contains("consumption RESEARCH " + new SeriesScope.OneGspGroup(GspGroup.C));
    }

    private static int indexOf(long[] times, long at) {
        int found = -1;
        for (int i = 0; i < times.length && times[i] <= at; i++) {
            found = i;
        }
        return found;
    }
}
