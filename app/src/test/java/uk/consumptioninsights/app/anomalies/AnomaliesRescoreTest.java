package uk.consumptioninsights.app.anomalies;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.dataaccess.source.AnomalyCount;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.dataaccess.source.AnomalyRow;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.work.Progress;

/** "Rescore locally" on the Anomalies tab, without the toolkit: a fake rescorer and a same-thread runner. */
class AnomaliesRescoreTest {

    private static final LocalDate DAY = LocalDate.of(2026, 11, 20);

    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final FakeRescoring rescoring = new FakeRescoring();

    /** Pretends to be the local workspace: rescoring replaces what the role views return. */
    private final class FakeRescoring implements LocalRescoring {
        boolean local = true;
        final AtomicInteger runs = new AtomicInteger();
        final List<String> messages = new ArrayList<>();
        LocalRescoring.Rescorer behaviour = this::succeed;

        @Override
        public Optional<Rescorer> forActiveSource() {
            return local ? Optional.of(progress -> {
                runs.incrementAndGet();
                return behaviour.rescore(progress);
            }) : Optional.empty();
        }

        RescoreSummary succeed(Progress progress) {
            progress.report(0.01, "Reading 43,200 readings…");
            messages.add("read");
            progress.checkCancelled();
            progress.report(0.35, "Scoring…");
            progress.report(0.9, "Saving 2 detections…");
            source.anomalies.put(PurposeRole.SETTLEMENT, detections(FakeSource.MPAN_1, FakeSource.MPAN_2));
            source.anomalies.put(PurposeRole.MARKET_MONITORING, detections("mp_1", "mp_2"));
            source.anomalies.put(PurposeRole.RESEARCH, new AnomalyListing.Counts(List.of(
                    new AnomalyCount("_A", AnomalyType.THEFT_BYPASS, Severity.HIGH, DAY, AnomalyOrigin.LOCAL, 1),
                    new AnomalyCount("_A", AnomalyType.METER_MALFUNCTION, Severity.MEDIUM, DAY, AnomalyOrigin.LOCAL, 1)),
                    FakeSource.provenance("gold.v_research_anomaly_summary", 2)));
            Map<AnomalyType, Integer> byType = new EnumMap<>(AnomalyType.class);
            byType.put(AnomalyType.THEFT_BYPASS, 1);
            byType.put(AnomalyType.METER_MALFUNCTION, 1);
            return new RescoreSummary(43_200, byType, 2, Duration.ofMillis(5_240));
        }
    }

    private static AnomalyListing detections(String... meters) {
        List<AnomalyRow> rows = new ArrayList<>();
        AnomalyType[] types = {AnomalyType.THEFT_BYPASS, AnomalyType.METER_MALFUNCTION};
        for (int i = 0; i < meters.length; i++) {
            Instant start = SettlementCalendar.periodStart(DAY, 10 + i);
            rows.add(new AnomalyRow("LR-00000" + (i + 1), meters[i], "_A", types[i % 2], Severity.HIGH, 0.9 - i * 0.1,
                    start, start.plusSeconds(1800), 1.0, 0.1, "reason " + i, AnomalyOrigin.LOCAL, null));
        }
        return new AnomalyListing.Detections(rows, FakeSource.provenance("gold.v_settlement_anomalies", rows.size()));
    }

    private void showOneOldDetection() {
        source.anomalies.put(PurposeRole.SETTLEMENT, detections("1099999999999"));
    }

    @Test
    void successReloadsTheTabThroughTheRolesViewAndSummarises() {
        showOneOldDetection();
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly("1099999999999");
        assertThat(vm.isRescoreDisabled()).isFalse();
        long loadsBefore = source.count("anomalies");

        vm.rescore();

        assertThat(rescoring.runs).hasValue(1);
        assertThat(runner.startedTitles()).contains(AnomaliesViewModel.RESCORE_TITLE);
        assertThat(source.count("anomalies")).isEqualTo(loadsBefore + 1);
        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly(FakeSource.MPAN_1, FakeSource.MPAN_2);
        assertThat(vm.summaryProperty().get()).isEqualTo("2 detections");
        assertThat(vm.rescoreMessageProperty().get()).isEqualTo("Rescored 43,200 readings in 5.2 s: 2 detections "
                + "(Theft / bypass 1, Meter malfunction 1, Network anomaly 0, Maintenance 0).");
        assertThat(vm.rescoreFailedProperty().get()).isFalse();
        assertThat(vm.rescoringProperty().get()).isFalse();
        assertThat(vm.isRescoreDisabled()).isFalse();
        assertThat(session.errorMessage()).isNull();

        // Other roles see the new detections their own way.
        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly("mp_1", "mp_2");
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);
        assertThat(vm.modeProperty().get()).isEqualTo(AnomaliesViewModel.Mode.COUNTS);
        assertThat(vm.detections()).isEmpty();
        assertThat(vm.counts()).hasSize(2);
    }

    @Test
    void progressMessagesReachTheStatusBar() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();
        List<String> shown = new ArrayList<>();
        runner.activity().messageProperty().addListener((o, old, message) -> shown.add(message));

        vm.rescore();
        assertThat(vm.rescoringProperty().get()).isTrue();
        assertThat(vm.isRescoreDisabled()).isTrue();
        runner.runAll();

        assertThat(shown).contains("Reading 43,200 readings…", "Scoring…", "Saving 2 detections…");
        assertThat(vm.rescoringProperty().get()).isFalse();
    }

    @Test
    void cancellingKeepsThePreviousRowsAndSaysSo() {
        showOneOldDetection();
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();

        vm.rescore();
        runner.cancelAll(); // Esc
        runner.runAll();

        assertThat(rescoring.runs).hasValue(0);
        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly("1099999999999");
        assertThat(vm.rescoreMessageProperty().get()).isEqualTo(AnomaliesViewModel.RESCORE_CANCELLED);
        assertThat(vm.rescoringProperty().get()).isFalse();
        assertThat(vm.isRescoreDisabled()).isFalse();
    }

    @Test
    void cancellingWhileTheWorkRunsKeepsThePreviousRows() {
        showOneOldDetection();
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        rescoring.behaviour = progress -> {
            progress.report(0.01, "Reading 43,200 readings…");
            runner.cancelAll(); // the user pressed Esc while reading
            progress.checkCancelled();
            throw new AssertionError("should have stopped");
        };

        vm.rescore();

        assertThat(rescoring.runs).hasValue(1);
        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly("1099999999999");
        assertThat(vm.rescoreMessageProperty().get()).isEqualTo(AnomaliesViewModel.RESCORE_CANCELLED);
        assertThat(vm.isRescoreDisabled()).isFalse();
    }

    @Test
    void aFailureKeepsThePreviousRowsAndShowsAPlainMessage() {
        showOneOldDetection();
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        long loadsBefore = source.count("anomalies");
        rescoring.behaviour = progress -> {
            throw new SourceException("The workspace at /tmp/w.duckdb could not be rescored.", new RuntimeException("disk full"));
        };

        vm.rescore();

        assertThat(vm.detections()).extracting(DetectionItem::meter).containsExactly("1099999999999");
        assertThat(source.count("anomalies")).isEqualTo(loadsBefore);
        assertThat(vm.rescoreMessageProperty().get())
                .isEqualTo("The workspace at /tmp/w.duckdb could not be rescored. The previous detections are kept.");
        assertThat(vm.rescoreFailedProperty().get()).isTrue();
        assertThat(session.errorMessage()).isEqualTo(vm.rescoreMessageProperty().get());
        assertThat(vm.isRescoreDisabled()).isFalse();

        rescoring.behaviour = progress -> {
            throw new IllegalStateException("java.lang.NullPointerException at Foo.java:12");
        };
        vm.rescore();
        assertThat(vm.rescoreMessageProperty().get()).isEqualTo("Could not rescore the local workspace. Something "
                + "unexpected went wrong; the details are in the log file in "
                + uk.consumptioninsights.app.logging.LogDirectory.current() + ". The previous detections are kept.")
                .doesNotContain("Exception");
    }

    @Test
    void theButtonIsDisabledForSourcesThatAreNotLocal() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, LocalRescoring.NONE);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.rescoreAvailableProperty().get()).isFalse();
        assertThat(vm.isRescoreDisabled()).isTrue();
        vm.rescore();
        assertThat(runner.startedTitles()).doesNotContain(AnomaliesViewModel.RESCORE_TITLE);

        AnomaliesViewModel plain = new AnomaliesViewModel(source, runner, session);
        assertThat(plain.isRescoreDisabled()).isTrue();
    }

    @Test
    void availabilityFollowsTheActiveSourceAndWhatIsRunning() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        rescoring.local = false;
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();
        assertThat(vm.isRescoreDisabled()).isTrue();

        // Switching sources publishes a new query.
        rescoring.local = true;
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.rescoreAvailableProperty().get()).isTrue();
        assertThat(vm.isRescoreDisabled()).isTrue(); // the tab's own reload is still pending
        vm.rescore();
        assertThat(runner.startedTitles()).doesNotContain(AnomaliesViewModel.RESCORE_TITLE);
        runner.runAll();
        assertThat(vm.isRescoreDisabled()).isFalse();

        rescoring.local = false;
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();
        assertThat(vm.isRescoreDisabled()).isTrue();
    }

    @Test
    void changingRoleForgetsTheSummary() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        AnomaliesViewModel vm = new AnomaliesViewModel(source, runner, session, rescoring);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        vm.rescore();
        assertThat(vm.rescoreMessageProperty().get()).startsWith("Rescored");

        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.rescoreMessageProperty().get()).isEmpty();
    }
}
