package uk.consumptioninsights.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.access.MeterIdentityRedaction;
import uk.consumptioninsights.app.common.RestrictedRows;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;

/** The Governance tab's enforcement sections, fed by the in-memory governance fixture, without the toolkit. */
class GovernanceEnforcementTest {

    private final FakeSource source = new FakeSource();
    private final InMemoryGovernance governance = new InMemoryGovernance();
    private final WorkbenchSession session = new WorkbenchSession();

    private GovernanceViewModel vm(SameThreadTaskRunner runner) {
        return new GovernanceViewModel(source, governance, runner, session);
    }

    @Test
    void showsGrantsMasksRowFiltersAndTheAuditLogOfTheRolesViews() {
        GovernanceViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.grants().isDenied()).isFalse();
        assertThat(vm.grants().rows()).containsExactly(
                new GrantItem("bsc_settlement", "SELECT", "VIEW", "main.gold.v_settlement_half_hourly"),
                new GrantItem("bsc_settlement", "USE SCHEMA", "SCHEMA", "main.gold"),
                new GrantItem("account users", "USE CATALOG", "CATALOG", "main"));
        assertThat(vm.grants().summaryProperty().get()).isEqualTo("3 grants");
        assertThat(vm.grants().statementProperty().get()).isEqualTo("SHOW GRANTS ON VIEW main.gold.v_settlement_half_hourly");
        assertThat(vm.columnMasks().rows()).containsExactly(new ColumnMaskItem(InMemoryGovernance.GOLD_TABLE, "mpan",
                "main.gold.mask_mpan", "gsp_group"));
        assertThat(vm.columnMasks().summaryProperty().get()).isEqualTo("1 column mask");
        assertThat(vm.rowFilters().rows()).containsExactly(new RowFilterItem(InMemoryGovernance.GOLD_TABLE,
                "main.gold.filter_gsp_group", "gsp_group"));
        assertThat(vm.meters()).extracting(MeterItem::meter).containsExactly(FakeSource.MPAN_1, FakeSource.MPAN_2);
        assertThat(governance.calls).containsExactly("grants SETTLEMENT", "columnMasks SETTLEMENT",
                "rowFilters SETTLEMENT", "audit SETTLEMENT " + GovernanceViewModel.AUDIT_LIMIT);
    }

    @Test
    void auditIsNewestFirstAndShownOnTheLondonClockWhileKeptInUtc() {
        GovernanceViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.audit().rows()).extracting(AuditItem::shownTime).containsExactly(
                "20 Nov 2026 09:15:02 GMT", "25 Oct 2026 01:30:00 GMT", "1 Jul 2026 13:00:00 BST");
        assertThat(vm.audit().rows().get(2).time()).hasToString("2026-07-01T12:00:00Z");
        assertThat(vm.audit().rows().get(0).user()).isEqualTo("analyst@elexon.co.uk");
        assertThat(vm.audit().summaryProperty().get()).isEqualTo("3 events, newest first");
    }

    @Test
    void aDeniedSectionShowsTheMessageAndRefusedStatementWhileTheOthersStillShow() {
        GovernanceViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.audit().isDenied()).isTrue();
        assertThat(vm.audit().rows()).isEmpty();
        assertThat(vm.audit().noticeTitleProperty().get()).isEqualTo("Your access does not allow this");
        assertThat(vm.audit().noticeProperty().get()).isEqualTo(InMemoryGovernance.AUDIT_DENIED);
        assertThat(vm.audit().statementProperty().get()).isEqualTo(InMemoryGovernance.AUDIT_STATEMENT);
        assertThat(vm.audit().summaryProperty().get()).isEqualTo("Not readable");
        assertThat(vm.grants().rows()).extracting(GrantItem::principal).containsExactly("bsc_research");
        assertThat(vm.columnMasks().rows()).hasSize(1);
        // An ordinary answer, not an error: no banner, no tab error.
        assertThat(session.errorMessage()).isNull();
        assertThat(vm.errorMessage()).isNull();
    }

    @Test
    void deniedGrantsLeaveMasksAndAuditInPlace() {
        governance.grants.put(PurposeRole.SETTLEMENT, InMemoryGovernance.denied(
                "SHOW GRANTS needs MANAGE on the view or ownership of it.", "SHOW GRANTS ON VIEW main.gold.v_settlement_half_hourly"));
        GovernanceViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.grants().isDenied()).isTrue();
        assertThat(vm.grants().noticeProperty().get()).startsWith("SHOW GRANTS needs MANAGE");
        assertThat(vm.audit().isDenied()).isFalse();
        assertThat(vm.audit().rows()).hasSize(3);
    }

    @Test
    void aQuestionThatFailsOutrightIsShownInItsOwnSection() {
        governance.rowFilterFailure = new SourceException("The SQL warehouse stopped answering; try again in a minute.");
        GovernanceViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.rowFilters().isDenied()).isTrue();
        assertThat(vm.rowFilters().noticeTitleProperty().get()).isEqualTo("Could not read this");
        assertThat(vm.rowFilters().noticeProperty().get()).isEqualTo("The SQL warehouse stopped answering; try again in a minute.");
        assertThat(vm.grants().rows()).hasSize(3);
        assertThat(vm.audit().rows()).hasSize(3);
        assertThat(vm.errorMessage()).isNull();
    }

    @Test
    void changingTheRoleClearsAtOnceAndReloadsForTheNewRole() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        GovernanceViewModel vm = vm(runner);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();
        assertThat(vm.grants().rows()).hasSize(3);

        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
        assertThat(vm.grants().rows()).as("what Settlement saw is gone before the new answer").isEmpty();
        assertThat(vm.audit().rows()).isEmpty();
        assertThat(vm.grants().summaryProperty().get()).isEmpty();
        assertThat(vm.isLoading()).isTrue();

        runner.runAll();
        assertThat(vm.grants().rows()).extracting(GrantItem::principal).containsExactly("bsc_market_monitoring");
        assertThat(runner.startedTitles()).containsExactly("Reading meters and governance for Settlement",
                "Reading meters and governance for Market monitoring");
    }

    @Test
    void anAnswerForAnEarlierQueryIsDropped() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        GovernanceViewModel vm = vm(runner);
        AtomicBoolean once = new AtomicBoolean();
        // While Settlement's load is running, the user picks Market monitoring.
        governance.duringGrants = () -> {
            if (once.compareAndSet(false, true)) {
                session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
            }
        };
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();

        assertThat(vm.grants().rows()).extracting(GrantItem::principal).containsExactly("bsc_market_monitoring");
        assertThat(vm.audit().rows()).hasSize(3);
        assertThat(vm.currentRoleProperty().get()).isEqualTo(PurposeRole.MARKET_MONITORING);
        assertThat(vm.isLoading()).isFalse();
    }

    @Test
    void aPendingLoadOvertakenByANewerOneNeverShows() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        GovernanceViewModel vm = vm(runner);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);
        runner.runAll();

        assertThat(governance.calls).doesNotContain("grants SETTLEMENT");
        assertThat(vm.grants().rows()).extracting(GrantItem::principal).containsExactly("bsc_research");
    }

    @Test
    void governanceFollowsTheSourceTheWorkbenchShows() {
        ActiveSource active = new ActiveSource();
        InMemoryGovernance other = new InMemoryGovernance();
        other.grants.put(PurposeRole.SETTLEMENT, InMemoryGovernance.available(
                List.of(new Grant("warehouse_settlement", "SELECT", "VIEW", "prod.gold.v_settlement_half_hourly")),
                "SHOW GRANTS ON VIEW prod.gold.v_settlement_half_hourly"));
        active.use(OpenedSource.of(source, governance, null));
        GovernanceViewModel vm = new GovernanceViewModel(active, SameThreadTaskRunner.immediate(), session);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.grants().rows()).extracting(GrantItem::principal).contains("bsc_settlement");

        active.use(OpenedSource.of(source, other, null));
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.grants().rows()).extracting(GrantItem::principal).containsExactly("warehouse_settlement");

        // A source without governance metadata (an imported CSV, a share) says so in every section.
        active.use(source);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        for (RestrictedRows<?> section : List.of(vm.grants(), vm.columnMasks(), vm.rowFilters(), vm.audit())) {
            assertThat(section.isDenied()).isTrue();
            assertThat(section.noticeProperty().get()).startsWith("This source has no governance metadata");
        }
        assertThat(vm.meters()).hasSize(2);
        assertThat(session.errorMessage()).isNull();
    }

    @Test
    void rolesWithoutRealMpansNeverSeeOneQuotedInTheAuditLog() {
        governance.audit.put(PurposeRole.RESEARCH, governance.audit.get(PurposeRole.SETTLEMENT));
        GovernanceViewModel vm = vm(SameThreadTaskRunner.immediate());

        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(texts(vm)).anyMatch(t -> t.contains(InMemoryGovernance.QUOTED_MPAN));

        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
        assertThat(texts(vm)).noneMatch(t -> t.contains(InMemoryGovernance.QUOTED_MPAN))
                .anyMatch(t -> t.contains(InMemoryGovernance.QUOTED_PSEUDONYM));

        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);
        assertThat(texts(vm)).noneMatch(t -> t.contains(InMemoryGovernance.QUOTED_MPAN))
                .noneMatch(t -> t.contains(InMemoryGovernance.QUOTED_PSEUDONYM))
                .contains("main.gold.v_settlement_half_hourly WHERE mpan = '" + MeterIdentityRedaction.HIDDEN + "'");
        assertThat(vm.meters()).isEmpty();
    }

    @Test
    void redactionKeepsNamesAndDropsIdentities() {
        assertThat(MeterIdentityRedaction.forRole(PurposeRole.RESEARCH, "read 1012345678903 and P0123456789abcdef"))
                .isEqualTo("read ••• and •••");
        assertThat(MeterIdentityRedaction.forRole(PurposeRole.MARKET_MONITORING, "P0123456789abcdef in 2026-11-20"))
                .isEqualTo("P0123456789abcdef in 2026-11-20");
        assertThat(MeterIdentityRedaction.forRole(PurposeRole.SETTLEMENT, "1012345678903")).isEqualTo("1012345678903");
        assertThat(MeterIdentityRedaction.forRole(PurposeRole.RESEARCH, "main.gold.v_research_gsp_half_hourly"))
                .isEqualTo("main.gold.v_research_gsp_half_hourly");
    }

    private static List<String> texts(GovernanceViewModel vm) {
        List<String> out = new ArrayList<>();
        vm.audit().rows().forEach(a -> out.addAll(List.of(a.user(), a.action(), a.object(), a.status())));
        vm.grants().rows().forEach(g -> out.addAll(List.of(g.principal(), g.object())));
        vm.meters().forEach(m -> out.add(m.meter()));
        return out;
    }
}
