package uk.consumptioninsights.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.overview.OverviewViewModel;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;

class GovernanceViewModelTest {

    private final FakeSource source = new FakeSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
    private final GovernanceViewModel vm = new GovernanceViewModel(source, runner, session);

    @Test
    void listsMetersUnderTheIdentityTheRoleMaySee() {
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.meters()).extracting(MeterItem::meter).containsExactly(FakeSource.MPAN_1, FakeSource.MPAN_2);
        assertThat(vm.meterCountProperty().get()).isEqualTo(2);
        assertThat(vm.meterCountTextProperty().get()).isEqualTo("2 meters visible to Settlement");
        assertThat(vm.meterColumnTitleProperty().get()).isEqualTo("MPAN");

        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);

        assertThat(vm.meters()).extracting(MeterItem::meter).containsExactly("mp_3f9a1c", "mp_77b2e0");
        assertThat(vm.meterColumnTitleProperty().get()).isEqualTo("Meter pseudonym");
        assertThat(source.calls).containsExactly("meters SETTLEMENT", "meters MARKET_MONITORING");
    }

    @Test
    void aLargeFleetIsCountedInFullAndListedAPageAtATime() {
        List<MeterChoice> fleet = IntStream.range(0, MeterSearch.PAGE + 50)
                .mapToObj(i -> new MeterChoice("mp_" + i, "mp_" + i, GspGroup.A)).toList();
        source.meters.put(PurposeRole.SETTLEMENT, fleet);

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.meters()).hasSize(MeterSearch.PAGE);
        assertThat(vm.meters().get(0).meter()).isEqualTo("mp_0");
        assertThat(vm.meterCountProperty().get()).isEqualTo(MeterSearch.PAGE + 50);
        assertThat(vm.meterCountTextProperty().get()).isEqualTo("250 meters visible to Settlement; the first 200 listed");
    }

    @Test
    void aggregateOnlyRoleGetsANoteInsteadOfMeters() {
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.meters()).isEmpty();
        assertThat(vm.metersNoteProperty().get()).startsWith("Individual meters are not available to Research")
                .contains("at least 10 meters");
        assertThat(vm.meterCountTextProperty().get()).isEqualTo("No individual meters visible to Research");
    }

    @Test
    void explainsEveryRoleAndTheRelationsItRead() {
        new OverviewViewModel(source, runner, session);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.roles()).extracting(RoleItem::name)
                .containsExactly("Settlement", "Market monitoring", "Research", "Recipient");
        RoleItem settlement = vm.roles().get(0);
        assertThat(settlement.meterIdentity()).isEqualTo("Real MPAN");
        assertThat(settlement.current()).isTrue();
        assertThat(settlement.reads()).isEqualTo("gold.v_settlement_half_hourly");
        RoleItem research = vm.roles().get(2);
        assertThat(research.meterIdentity()).isEqualTo("No meter identity");
        assertThat(research.granularity()).isEqualTo("Aggregates per GSP group");
        assertThat(research.minimumGroup()).isEqualTo("≥ 10 meters");
        assertThat(research.reads()).isEqualTo("Not queried yet in this session");
        assertThat(vm.roles().get(3).granularity()).contains("shared tables only");
        assertThat(vm.currentReadsProperty().get()).isEqualTo("gold.v_settlement_half_hourly");
    }

    @Test
    void keepsFollowingProvenanceAfterGarbageCollection() throws Exception {
        // Regression: a fresh unmodifiable wrapper per call listens weakly and was collected with our listener.
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(20);
        }
        new OverviewViewModel(source, runner, session);
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.currentReadsProperty().get()).isEqualTo("gold.v_research_gsp_half_hourly");
    }

    @Test
    void choosingARoleHereChangesTheSessionRole() {
        vm.useRole(PurposeRole.RECIPIENT);
        assertThat(session.role()).isEqualTo(PurposeRole.RECIPIENT);
    }
}
