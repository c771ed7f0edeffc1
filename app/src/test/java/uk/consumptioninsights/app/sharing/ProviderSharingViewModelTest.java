package uk.consumptioninsights.app.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static uk.consumptioninsights.app.sharing.ColumnSharing.NOT_SHARED;
import static uk.consumptioninsights.app.sharing.ColumnSharing.SHARED;
import static uk.consumptioninsights.app.sharing.ColumnSharing.SHARED_ONLY;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.governance.InMemoryGovernance;
import uk.consumptioninsights.app.common.MeterIdentityRedaction;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.governance.SharedObject;
import uk.consumptioninsights.dataaccess.governance.TableColumns;
import uk.consumptioninsights.dataaccess.governance.TableColumns.Column;
import uk.consumptioninsights.model.access.PurposeRole;

/** The provider's Data Sharing view-model over the in-memory governance fixture, without the toolkit. */
class ProviderSharingViewModelTest {

    private final FakeSource source = new FakeSource();
    private final InMemoryGovernance governance = new InMemoryGovernance();
    private final WorkbenchSession session = new WorkbenchSession();

    private ProviderSharingViewModel vm(SameThreadTaskRunner runner) {
        return new ProviderSharingViewModel(source, governance, runner, session);
    }

    @Test
    void listsTheGoldSchemaAndSharesAndOpensTheFirstShareAndObject() {
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.goldSchema().rows()).extracting(TableColumns::table).containsExactly(
                InMemoryGovernance.GOLD_TABLE, "main.gold.anomalies", "main.gold.v_settlement_half_hourly");
        assertThat(vm.goldSchema().summaryProperty().get()).isEqualTo("3 tables and views");
        assertThat(vm.shares().rows()).containsExactly(InMemoryGovernance.SHARE, InMemoryGovernance.SECOND_SHARE);
        assertThat(vm.selectedShareProperty().get()).isEqualTo(InMemoryGovernance.SHARE);
        assertThat(vm.objects().rows()).extracting(SharedObjectItem::name)
                .containsExactly("elexon.consumption_half_hourly", "elexon.anomalies");
        assertThat(vm.recipients().rows()).containsExactly(new ShareRecipientItem("ofgem_research", "SELECT"),
                new ShareRecipientItem("supplier_octo", "SELECT"));
        assertThat(vm.selectedObjectProperty().get().name()).isEqualTo("elexon.consumption_half_hourly");
        assertThat(session.errorMessage()).isNull();
    }

    @Test
    void comparesEveryProviderColumnWithWhatTheShareCarries() {
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.comparison().rows()).containsExactly(
                new ColumnComparisonItem("mpan", "STRING", "", NOT_SHARED),
                new ColumnComparisonItem("gsp_group", "STRING", "STRING", SHARED),
                new ColumnComparisonItem("settlement_date", "DATE", "DATE", SHARED),
                new ColumnComparisonItem("settlement_period", "INT", "INT", SHARED),
                new ColumnComparisonItem("interval_start_ts", "TIMESTAMP", "", NOT_SHARED),
                new ColumnComparisonItem("kwh", "DOUBLE", "DOUBLE", SHARED),
                new ColumnComparisonItem("quality_flag", "STRING", "", NOT_SHARED),
                new ColumnComparisonItem("meter_pseudonym", "", "STRING", SHARED_ONLY));
        assertThat(vm.comparison().rows()).extracting(ColumnComparisonItem::sharingLabel)
                .contains("shared", "not shared", "only in the share");
        assertThat(vm.comparisonNoteProperty().get())
                .isEqualTo("4 shared, 3 not shared, 1 only in the share against main.gold.consumption_half_hourly.");
        assertThat(vm.comparison().statementProperty().get()).isEqualTo("DESCRIBE TABLE elexon.consumption_half_hourly (as shared)");
    }

    @Test
    void aSharedViewIsComparedWithTheGoldTablesItReads() {
        // The second share's object is the settlement view; lineage says it reads the half-hourly table and anomalies.
        governance.sourceTables.put("main.gold.v_settlement_half_hourly", InMemoryGovernance.available(
                List.of(InMemoryGovernance.GOLD_TABLE, "main.gold.anomalies"), "SELECT ... FROM system.access.table_lineage"));
        governance.sharedColumns.put("monitoring.settlement", InMemoryGovernance.available(new TableColumns(
                "monitoring.settlement", List.of(new TableColumns.Column("mpan", "STRING"),
                new TableColumns.Column("settlement_date", "DATE"), new TableColumns.Column("kwh", "DOUBLE"))), "DESCRIBE"));
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        vm.selectShare(InMemoryGovernance.SECOND_SHARE);

        assertThat(vm.comparison().rows()).extracting(ColumnComparisonItem::column, ColumnComparisonItem::sharing)
                .containsExactly(
                        tuple("mpan", SHARED), tuple("gsp_group", NOT_SHARED), tuple("settlement_date", SHARED),
                        tuple("settlement_period", NOT_SHARED), tuple("interval_start_ts", NOT_SHARED),
                        tuple("kwh", SHARED), tuple("quality_flag", NOT_SHARED), tuple("anomaly_id", NOT_SHARED),
                        tuple("anomaly_type", NOT_SHARED), tuple("score", NOT_SHARED));
        assertThat(vm.comparisonNoteProperty().get())
                .contains("against " + InMemoryGovernance.GOLD_TABLE + " + main.gold.anomalies");
    }

    @Test
    void withoutReadableLineageTheSharedObjectsOwnDefinitionIsTheProviderSide() {
        governance.sourceTables.put("main.gold.v_settlement_half_hourly", InMemoryGovernance.denied(
                "Your role cannot read table lineage.", "SELECT ... FROM system.access.table_lineage"));
        governance.sharedColumns.put("monitoring.settlement", InMemoryGovernance.available(new TableColumns(
                "monitoring.settlement", List.of(new TableColumns.Column("mpan", "STRING"))), "DESCRIBE"));
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        vm.selectShare(InMemoryGovernance.SECOND_SHARE);

        assertThat(vm.comparison().rows()).extracting(ColumnComparisonItem::column, ColumnComparisonItem::sharing)
                .containsExactly(tuple("mpan", SHARED), tuple("settlement_date", NOT_SHARED), tuple("kwh", NOT_SHARED));
        assertThat(vm.comparisonNoteProperty().get()).contains("against main.gold.v_settlement_half_hourly");
    }

    @Test
    void pickingAnotherObjectComparesItsColumns() {
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        SharedObjectItem anomalies = vm.objects().rows().get(1);

        vm.selectObject(anomalies);

        assertThat(anomalies.partitions()).isEqualTo("gsp_group = '_A'");
        assertThat(vm.selectedObjectProperty().get()).isEqualTo(anomalies);
        assertThat(vm.comparison().rows()).extracting(ColumnComparisonItem::column, ColumnComparisonItem::sharing)
                .containsExactly(
                        tuple("anomaly_id", SHARED),
                        tuple("mpan", NOT_SHARED),
                        tuple("gsp_group", SHARED),
                        tuple("interval_start_ts", SHARED),
                        tuple("anomaly_type", SHARED),
                        tuple("score", SHARED));
        assertThat(governance.calls).containsSubsequence("sharedColumns elexon.consumption_half_hourly",
                "sharedColumns elexon.anomalies");
    }

    @Test
    void deniedRecipientsShowInlineWhileTheSharesObjectsStillShow() {
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        vm.selectShare(InMemoryGovernance.SECOND_SHARE);

        assertThat(vm.recipients().isDenied()).isTrue();
        assertThat(vm.recipients().noticeProperty().get()).isEqualTo(InMemoryGovernance.RECIPIENTS_DENIED);
        assertThat(vm.recipients().statementProperty().get()).isEqualTo(InMemoryGovernance.RECIPIENTS_STATEMENT);
        assertThat(vm.objects().rows()).extracting(SharedObjectItem::name).containsExactly("monitoring.settlement");
        assertThat(vm.objects().isDenied()).isFalse();
        assertThat(session.errorMessage()).isNull();
        assertThat(vm.errorMessage()).isNull();
    }

    @Test
    void deniedSharedColumnsShowInlineInTheComparison() {
        governance.sharedColumns.put("elexon.consumption_half_hourly", InMemoryGovernance.denied(
                "Describing a shared object needs USE SHARE on it.", "DESCRIBE TABLE elexon.consumption_half_hourly"));
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.comparison().isDenied()).isTrue();
        assertThat(vm.comparison().rows()).isEmpty();
        assertThat(vm.comparison().noticeProperty().get()).isEqualTo("Describing a shared object needs USE SHARE on it.");
        assertThat(vm.recipients().rows()).hasSize(2);
    }

    @Test
    void withoutTheGoldSchemaTheSharedColumnsStillShowAndTheNoteSaysWhatIsMissing() {
        governance.gold = InMemoryGovernance.denied("Listing gold needs USE SCHEMA on main.gold.",
                "SELECT … FROM main.information_schema.columns");
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.goldSchema().isDenied()).isTrue();
        assertThat(vm.goldSchema().noticeProperty().get()).isEqualTo("Listing gold needs USE SCHEMA on main.gold.");
        assertThat(vm.shares().rows()).hasSize(2);
        assertThat(vm.comparison().rows()).extracting(ColumnComparisonItem::sharing).containsOnly(SHARED).hasSize(5);
        assertThat(vm.comparisonNoteProperty().get()).startsWith("The provider's gold schema is not readable");
    }

    @Test
    void deniedShareListLeavesNothingToPick() {
        governance.shares = InMemoryGovernance.denied("SHOW SHARES needs the USE SHARE privilege on the metastore.",
                "SHOW SHARES");
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);

        assertThat(vm.shares().isDenied()).isTrue();
        assertThat(vm.selectedShareProperty().get()).isNull();
        assertThat(vm.objects().rows()).isEmpty();
        assertThat(vm.goldSchema().rows()).hasSize(3);
    }

    @Test
    void anAnswerForAnEarlierPickIsDropped() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        ProviderSharingViewModel vm = vm(runner);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        runner.runAll();

        vm.selectShare(InMemoryGovernance.SECOND_SHARE);
        assertThat(vm.objects().rows()).as("the earlier share's objects are gone at once").isEmpty();
        vm.selectShare(InMemoryGovernance.SHARE);
        runner.runAll();

        assertThat(vm.selectedShareProperty().get()).isEqualTo(InMemoryGovernance.SHARE);
        assertThat(vm.objects().rows()).extracting(SharedObjectItem::name)
                .containsExactly("elexon.consumption_half_hourly", "elexon.anomalies");
        assertThat(vm.recipients().isDenied()).isFalse();
        assertThat(governance.calls).doesNotContain("sharedObjects " + InMemoryGovernance.SECOND_SHARE);

        SharedObjectItem anomalies = vm.objects().rows().get(1);
        SharedObjectItem consumption = vm.objects().rows().get(0);
        vm.selectObject(anomalies);
        vm.selectObject(consumption);
        runner.runAll();
        assertThat(vm.comparison().rows()).extracting(ColumnComparisonItem::column).contains("meter_pseudonym");
    }

    @Test
    void thePickSurvivesARefreshAndARoleChange() {
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        vm.selectShare(InMemoryGovernance.SECOND_SHARE);

        vm.refresh();
        assertThat(vm.selectedShareProperty().get()).isEqualTo(InMemoryGovernance.SECOND_SHARE);

        session.publish(PurposeRole.MARKET_MONITORING, FakeSource.RANGE);
        assertThat(vm.selectedShareProperty().get()).isEqualTo(InMemoryGovernance.SECOND_SHARE);
        assertThat(vm.objects().rows()).extracting(SharedObjectItem::name).containsExactly("monitoring.settlement");
    }

    @Test
    void followsTheSourceTheWorkbenchShows() {
        ActiveSource active = new ActiveSource();
        active.use(OpenedSource.of(source, governance, null));
        ProviderSharingViewModel vm = new ProviderSharingViewModel(active, SameThreadTaskRunner.immediate(), session);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.shares().rows()).hasSize(2);

        active.use(source);
        session.publish(PurposeRole.SETTLEMENT, FakeSource.RANGE);
        assertThat(vm.shares().isDenied()).isTrue();
        assertThat(vm.shares().noticeProperty().get()).startsWith("This source has no governance metadata");
        assertThat(vm.goldSchema().isDenied()).isTrue();
        assertThat(vm.objects().rows()).isEmpty();
    }

    @Test
    void researchNeverSeesAMeterIdentityQuotedInAPartitionSpecification() {
        SharedObject quoted = new SharedObject(InMemoryGovernance.SHARE, "elexon.one_meter", "TABLE",
                InMemoryGovernance.GOLD_TABLE, "mpan = '" + InMemoryGovernance.QUOTED_MPAN + "'");
        governance.objects.put(InMemoryGovernance.SHARE, InMemoryGovernance.available(List.of(quoted), "SHOW ALL IN SHARE"));
        ProviderSharingViewModel vm = vm(SameThreadTaskRunner.immediate());

        session.publish(PurposeRole.RESEARCH, FakeSource.RANGE);

        assertThat(vm.objects().rows()).extracting(SharedObjectItem::partitions)
                .containsExactly("mpan = '" + MeterIdentityRedaction.HIDDEN + "'");
        assertThat(texts(vm)).noneMatch(t -> t.contains(InMemoryGovernance.QUOTED_MPAN));
    }

    @Test
    void providerTablesMatchByFullNameOrByTheirTrailingParts() {
        List<TableColumns> gold = List.of(table("gold.consumption_half_hourly"), table("main.gold.anomalies"),
                table("main.gold.v_settlement_half_hourly"), table("other.v_settlement_half_hourly"));

        assertThat(ColumnComparison.providerTable(gold, "main.gold.consumption_half_hourly"))
                .map(TableColumns::table).hasValue("gold.consumption_half_hourly");
        assertThat(ColumnComparison.providerTable(gold, "`MAIN`.`GOLD`.`ANOMALIES`"))
                .map(TableColumns::table).hasValue("main.gold.anomalies");
        assertThat(ColumnComparison.providerTable(gold, "main.gold.v_settlement_half_hourly"))
                .map(TableColumns::table).hasValue("main.gold.v_settlement_half_hourly");
        assertThat(ColumnComparison.providerTable(gold, "v_settlement_half_hourly")).as("two candidates: no guess").isEmpty();
        assertThat(ColumnComparison.providerTable(gold, "main.silver.readings")).isEmpty();
    }

    @Test
    void columnsMatchWithoutRegardToCase() {
        TableColumns provider = new TableColumns("t", List.of(new Column("MPAN", "STRING"), new Column("kWh", "DOUBLE")));
        TableColumns shared = new TableColumns("s", List.of(new Column("kwh", "DOUBLE"), new Column("pseudonym", "STRING")));

        assertThat(ColumnComparison.compare(provider, shared)).containsExactly(
                new ColumnComparisonItem("MPAN", "STRING", "", NOT_SHARED),
                new ColumnComparisonItem("kWh", "DOUBLE", "DOUBLE", SHARED),
                new ColumnComparisonItem("pseudonym", "", "STRING", SHARED_ONLY));
    }

    private static TableColumns table(String name) {
        return new TableColumns(name, List.of(new Column("c", "STRING")));
    }

    private static List<String> texts(ProviderSharingViewModel vm) {
        List<String> out = new ArrayList<>(vm.shares().rows());
        vm.objects().rows().forEach(o -> out.addAll(List.of(o.name(), o.sharedFrom(), o.partitions())));
        vm.recipients().rows().forEach(r -> out.add(r.recipient()));
        vm.comparison().rows().forEach(c -> out.add(c.column()));
        out.add(vm.comparisonNoteProperty().get());
        return out;
    }
}
