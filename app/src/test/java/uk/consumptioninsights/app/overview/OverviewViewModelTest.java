package uk.consumptioninsights.app.overview;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;

class OverviewViewModelTest {

    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();

    @Test
    void showsGroupedFiguresWithSettlementPeriodAndProvenance() {
        OverviewViewModel vm = new OverviewViewModel(source, SameThreadTaskRunner.immediate(), session);

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.metersTitleProperty().get()).isEqualTo("Distinct MPANs");
        assertThat(vm.distinctMetersProperty().get()).isEqualTo("40");
        assertThat(vm.totalKwhProperty().get()).isEqualTo("12,345.6 kWh");
        assertThat(vm.readingsProperty().get()).isEqualTo("19,200");
        assertThat(vm.latestReadingProperty().get()).isEqualTo("2026-11-20 SP48 · 23:30 GMT");
        assertThat(vm.provenanceProperty().get())
                .contains("Local workspace · Fake", "gold.v_settlement_half_hourly", "12 ms", "19,200 rows");
        assertThat(source.calls).containsExactly("overview SETTLEMENT 2026-11-11..2026-11-20");
        assertThat(session.provenance().get(PurposeRole.SETTLEMENT)).extracting(p -> p.relation())
                .containsExactly("gold.v_settlement_half_hourly");
    }

    @Test
    void pseudonymousRolesCountMetersNotMpans() {
        assertThat(OverviewViewModel.metersTitleFor(PurposeRole.SETTLEMENT)).isEqualTo("Distinct MPANs");
        assertThat(OverviewViewModel.metersTitleFor(PurposeRole.MARKET_MONITORING)).isEqualTo("Distinct meters");
        assertThat(OverviewViewModel.metersTitleFor(PurposeRole.RECIPIENT)).isEqualTo("Distinct meters");
    }

    @Test
    void metersWhoseDataEndAreNamedAsSuchNotAsFaults() {
        assertThat(OverviewViewModel.dataEndsNoteFor(0)).isEmpty();
        assertThat(OverviewViewModel.dataEndsNoteFor(1)).startsWith("1 meter stops reporting for good")
                .contains("its data end").contains("not counted as missing data or as a fault");
        assertThat(OverviewViewModel.dataEndsNoteFor(12)).startsWith("12 meters stop reporting").contains("their data end");
    }

    @Test
    void flaggedReadingsAreSaidToBeLeftOutOfTheFiguresOnlyWhenThereAreSome() {
        assertThat(OverviewViewModel.flaggedNoteFor(0)).isEmpty();
        assertThat(OverviewViewModel.flaggedNoteFor(1)).startsWith("1 reading kept but flagged as physically implausible "
                + "(negative, or above 50 kWh in a half-hour) is not in these figures or the charts.");
        assertThat(OverviewViewModel.flaggedNoteFor(1_234)).startsWith("1,234 readings kept").contains("are not in these "
                + "figures").endsWith("lists them as meter malfunctions on the Anomalies tab.");
    }

    @Test
    void roleSwitchRequeriesThroughTheNewRoleAndRelabelsMeters() {
        OverviewViewModel vm = new OverviewViewModel(source, SameThreadTaskRunner.immediate(), session);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(source.calls).containsExactly("overview SETTLEMENT 2026-11-11..2026-11-20",
                "overview RESEARCH 2026-11-11..2026-11-20");
        assertThat(vm.metersTitleProperty().get()).isEqualTo("Meters (in groups ≥ 10)");
        assertThat(vm.distinctMetersProperty().get()).isEqualTo("30");
        assertThat(vm.totalKwhProperty().get()).isEqualTo("9,000.0 kWh");
        assertThat(vm.provenanceProperty().get()).contains("gold.v_research_gsp_half_hourly");
    }

    @Test
    void sourceFailureBecomesItsMessageAndKeepsTheNumbersShown() {
        OverviewViewModel vm = new OverviewViewModel(source, SameThreadTaskRunner.immediate(), session);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        source.failWith(new SourceException("Could not compute the overview from the local workspace.",
                new java.sql.SQLException("IO Error: database is locked")));

        vm.refresh();

        assertThat(vm.errorMessage()).isEqualTo("Could not compute the overview from the local workspace.");
        assertThat(session.errorMessage()).isEqualTo(vm.errorMessage());
        assertThat(vm.distinctMetersProperty().get()).isEqualTo("40");
        assertThat(vm.totalKwhProperty().get()).isEqualTo("12,345.6 kWh");
        assertThat(vm.isLoading()).isFalse();

        source.recover();
        vm.refresh();
        assertThat(vm.errorMessage()).isNull();
    }

    @Test
    void unexpectedFailureIsSaidPlainlyWithoutTechnicalText() {
        OverviewViewModel vm = new OverviewViewModel(source, SameThreadTaskRunner.immediate(), session);
        source.failWith(new IllegalStateException("java.lang.NullPointerException at uk.consumptioninsights.X"));

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.errorMessage()).startsWith("Could not load the overview.")
                .doesNotContain("Exception").doesNotContain("at uk.");
        assertThat(vm.distinctMetersProperty().get()).isEqualTo("—");
    }

    @Test
    void aNewerQueryCancelsTheOlderOneSoItsAnswerIsNeverShown() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        OverviewViewModel vm = new OverviewViewModel(source, runner, session);

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);
        runner.runAll();

        assertThat(source.calls).containsExactly("overview RESEARCH 2026-11-11..2026-11-20");
        assertThat(vm.distinctMetersProperty().get()).isEqualTo("30");
        assertThat(vm.isLoading()).isFalse();
    }

    @Test
    void cancelKeepsWhatIsShownAndReportsNoError() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        OverviewViewModel vm = new OverviewViewModel(source, runner, session);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();

        vm.refresh();
        assertThat(vm.isLoading()).isTrue();
        runner.cancelAll();
        runner.runAll();

        assertThat(vm.isLoading()).isFalse();
        assertThat(vm.errorMessage()).isNull();
        assertThat(vm.distinctMetersProperty().get()).isEqualTo("40");
        assertThat(source.count("overview")).isEqualTo(1);
    }
}
