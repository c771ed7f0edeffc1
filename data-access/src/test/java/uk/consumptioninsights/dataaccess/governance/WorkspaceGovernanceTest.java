package uk.consumptioninsights.dataaccess.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceAuditLog;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkspaceGovernanceTest {

    private static final LocalDate LAST = LocalDate.of(2026, 11, 20);
    private static final DateRange DAYS = new DateRange(LAST.minusDays(2), LAST);

    private Path dir;

    private LocalWorkspace workspace;
    private WorkspaceConsumptionSource source;
    private WorkspaceGovernance governance;
    private List<String> rawMpans;

    @BeforeAll
    void build(@TempDir Path tempDir) throws SQLException {
        dir = tempDir;
        workspace = LocalWorkspace.open(dir.resolve("gov.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(11L, 60, DAYS.from(), LAST, 0.05), InjectionRates.defaults())
                .build(workspace, Progress.NONE);
        source = new WorkspaceConsumptionSource(workspace);
        governance = new WorkspaceGovernance(workspace);
        rawMpans = WorkspaceSql.strings(workspace, "SELECT mpan FROM gold.meters");
    }

    @AfterAll
    void close() throws SQLException {
        workspace.close();
    }

    @ParameterizedTest
    @EnumSource(PurposeRole.class)
    void eachRolesViewsAreGrantedToItsOwnGroupOnly(PurposeRole role) {
        List<Grant> grants = available(governance.grants(role));

        List<String> views = PurposeRelations.views(role).stream().map(v -> "gold." + v).toList();
        assertThat(grants).filteredOn(g -> g.objectType().equals("VIEW")).extracting(Grant::objectKey)
                .containsExactlyInAnyOrderElementsOf(views);
        assertThat(grants).extracting(Grant::principal).containsOnly(switch (role) {
            case SETTLEMENT -> "settlement-analysts";
            case MARKET_MONITORING -> "market-monitoring";
            case RESEARCH -> "research";
            case RECIPIENT -> "recipients";
        });
        assertThat(grants).contains(new Grant(grants.get(0).principal(), "USE SCHEMA", "SCHEMA", "gold"));
    }

    @Test
    void pseudonymousViewsDeclareTheirHmacMaskAndSettlementAndResearchHaveNone() throws SQLException {
        List<ColumnMask> monitoring = available(governance.columnMasks(PurposeRole.MARKET_MONITORING));

        assertThat(monitoring).contains(new ColumnMask("gold.v_market_monitoring_half_hourly", "mpan_pseudonym",
                "hmac_sha256_pseudonym", List.of("gold.meters.mpan")));
        assertThat(available(governance.columnMasks(PurposeRole.SETTLEMENT))).isEmpty();
        assertThat(available(governance.columnMasks(PurposeRole.RESEARCH))).isEmpty();
        // The declared mask is what the view does: no raw MPAN, and each pseudonym is the meter's keyed one.
        assertThat(WorkspaceSql.longOf(workspace, """
                SELECT count(*) FROM gold.v_market_monitoring_half_hourly v
                WHERE v.mpan_pseudonym IN (SELECT mpan FROM gold.meters)
                   OR v.mpan_pseudonym NOT IN (SELECT mpan_pseudonym FROM gold.meters)""")).isZero();
        String mpan = rawMpans.get(0);
        assertThat(WorkspaceSql.strings(workspace, "SELECT mpan_pseudonym FROM gold.meters WHERE mpan = '" + mpan + "'"))
                .containsExactly(workspace.pseudonyms().pseudonym(mpan));
    }

    @Test
    void researchViewsDeclareTheMinimumGroupFilterTheyApply() throws SQLException {
        List<RowFilter> filters = available(governance.rowFilters(PurposeRole.RESEARCH));

        assertThat(filters).contains(new RowFilter("gold.v_research_gsp_half_hourly", "meter_count >= 10",
                List.of("meter_count")));
        assertThat(available(governance.rowFilters(PurposeRole.SETTLEMENT))).isEmpty();
        assertThat(WorkspaceSql.longOf(workspace,
                "SELECT count(*) FROM gold.v_research_gsp_half_hourly WHERE meter_count < 10")).isZero();
    }

    @Test
    void readsThroughTheSourceAreAuditedNewestFirstWithTheirRowCounts() {
        OverviewKpis overview = source.overview(PurposeRole.SETTLEMENT, DAYS);
        ConsumptionSeries series = source.consumption(PurposeRole.SETTLEMENT, new SeriesScope.AllMeters(), DAYS);

        List<AuditEvent> events = available(governance.audit(PurposeRole.SETTLEMENT, 2));

        assertThat(events).hasSize(2);
        AuditEvent newest = events.get(0);
        assertThat(newest.action()).isEqualTo("read");
        // All meters are summed from the GSP-group rollup, and that is the view the log names.
        assertThat(newest.object()).isEqualTo("gold.v_settlement_gsp_half_hourly");
        assertThat(newest.rowsRead()).isEqualTo(OptionalLong.of(series.provenance().rowsRead()));
        assertThat(events.get(1).rowsRead()).isEqualTo(OptionalLong.of(overview.provenance().rowsRead()));
        assertThat(newest.user()).isEqualTo(System.getProperty("user.name"));
        assertThat(newest.status()).isEqualTo("ok");
        assertThat(newest.time()).isAfterOrEqualTo(events.get(1).time());
    }

    @Test
    void researchsAuditListsOnlyResearchViewsAndNoMeterIdentity() {
        source.overview(PurposeRole.SETTLEMENT, DAYS);
        source.meters(PurposeRole.MARKET_MONITORING);
        source.consumption(PurposeRole.RESEARCH, new SeriesScope.AllMeters(), DAYS);
        source.anomalies(PurposeRole.RESEARCH, DAYS);

        List<AuditEvent> events = available(governance.audit(PurposeRole.RESEARCH, 100));

        assertThat(events).extracting(AuditEvent::object)
                .contains("gold.v_research_gsp_half_hourly", "gold.v_research_anomaly_summary")
                .allMatch(o -> o.startsWith("gold.v_research_"));
        assertThat(events.get(0).object()).isEqualTo("gold.v_research_anomaly_summary");
        assertThat(events.toString()).doesNotContain(rawMpans.get(0));
    }

    @Test
    void exportsAppearInTheirRolesAuditOnly() {
        WorkspaceAuditLog log = new WorkspaceAuditLog(workspace);
        log.export(PurposeRole.MARKET_MONITORING, "consumption series CSV", 144);

        assertThat(available(governance.audit(PurposeRole.MARKET_MONITORING, 1)).get(0))
                .satisfies(e -> assertThat(e.action()).isEqualTo("export"))
                .satisfies(e -> assertThat(e.rowsRead()).isEqualTo(OptionalLong.of(144)));
        assertThat(available(governance.audit(PurposeRole.SETTLEMENT, 100))).extracting(AuditEvent::action)
                .doesNotContain("export");
    }

    @Test
    void theLocalShareAndItsColumnsCarryNoRawMpan() {
        assertThat(available(governance.shares())).containsExactly("consumption_share");
        List<SharedObject> objects = available(governance.sharedObjects("consumption_share"));
        assertThat(objects).extracting(SharedObject::sharedFrom)
                .containsExactlyInAnyOrder("gold.v_recipient_half_hourly", "gold.v_recipient_anomalies");
        assertThat(available(governance.shareRecipients("consumption_share")))
                .containsExactly(new ShareGrant("consumption_share", "example-recipient", "SELECT"));
        for (SharedObject object : objects) {
            TableColumns columns = available(governance.sharedColumns(object));
            assertThat(columns.table()).isEqualTo(object.name());
            assertThat(columns.columns()).extracting(TableColumns.Column::name)
                    .contains("mpan_pseudonym").doesNotContain("mpan");
        }
    }

    @Test
    void goldSchemaListsThePurposeViewsWithTheirColumnsInOrder() {
        List<TableColumns> gold = available(governance.goldSchema());

        assertThat(gold).extracting(TableColumns::table).contains("meters", "v_settlement_half_hourly",
                "v_research_population").isSorted();
        TableColumns settlement = gold.stream().filter(t -> t.table().equals("v_settlement_half_hourly")).findFirst()
                .orElseThrow();
        assertThat(settlement.columns().get(0)).isEqualTo(new TableColumns.Column("mpan", "VARCHAR"));
    }

    @Test
    void sharedViewsResolveToTheGoldTablesTheirDefinitionsRead() {
        assertThat(((Restricted.Available<List<String>>) governance.sourceTables("gold.v_recipient_anomalies")).value())
                .containsExactly("gold.anomalies", "gold.meters");
        assertThat(((Restricted.Available<List<String>>) governance.sourceTables("v_research_population")).value())
                .containsExactly("gold.meters");
        // consumption_curated is a gold relation that reads silver (by the integer meter key), so gold lineage ends there.
        assertThat(((Restricted.Available<List<String>>) governance.sourceTables("gold.v_market_monitoring_half_hourly"))
                .value()).containsExactly("gold.consumption_curated");
        assertThat(((Restricted.Available<List<String>>) governance.sourceTables("gold.v_settlement_meter_daily"))
                .value()).containsExactly("gold.consumption_daily", "gold.meters");
        assertThat(((Restricted.Available<List<String>>) governance.sourceTables("gold.meters")).value()).isEmpty();
    }

    @Test
    void reopeningAWorkspaceDoesNotDuplicateTheSeededRows() throws SQLException {
        Path file = dir.resolve("reopened.duckdb");
        String counts = "SELECT (SELECT count(*) FROM meta.grants) || '/' || (SELECT count(*) FROM meta.column_masks)"
                + " || '/' || (SELECT count(*) FROM meta.row_filters) || '/' || (SELECT count(*) FROM meta.shares)"
                + " || '/' || (SELECT count(*) FROM meta.share_objects) || '/' || (SELECT count(*) FROM meta.share_recipients)";
        List<String> first;
        try (LocalWorkspace opened = LocalWorkspace.open(file)) {
            first = WorkspaceSql.strings(opened, counts);
        }
        try (LocalWorkspace again = LocalWorkspace.open(file)) {
            assertThat(WorkspaceSql.strings(again, counts)).isEqualTo(first).containsExactly("24/9/3/1/2/1");
        }
    }

    @Test
    void aReadSucceedsEvenWhenTheAuditLogCannotBeWritten() throws SQLException {
        try (LocalWorkspace broken = LocalWorkspace.open(dir.resolve("no-audit.duckdb"))) {
            try (Connection c = broken.newConnection(); Statement st = c.createStatement()) {
                st.execute("DROP TABLE meta.audit_log");
            }
            OverviewKpis kpis = new WorkspaceConsumptionSource(broken).overview(PurposeRole.SETTLEMENT, DAYS);
            assertThat(kpis.readings()).isZero();
        }
    }

    @Test
    void aRecipientsCopyHasNoGrantsOrSharesButAuditsItsReads() throws SQLException {
        try (LocalWorkspace recipient = LocalWorkspace.open(dir.resolve("recipient.duckdb"), WorkspaceLayout.RECIPIENT)) {
            WorkspaceGovernance local = new WorkspaceGovernance(recipient);
            new WorkspaceAuditLog(recipient).read(PurposeRole.RECIPIENT, "gold.v_recipient_half_hourly", 96);

            assertThat(available(local.grants(PurposeRole.RECIPIENT))).isEmpty();
            assertThat(available(local.columnMasks(PurposeRole.RECIPIENT))).isEmpty();
            assertThat(available(local.shares())).isEmpty();
            assertThat(available(local.audit(PurposeRole.RECIPIENT, 10))).singleElement()
                    .satisfies(e -> assertThat(e.rowsRead()).isEqualTo(OptionalLong.of(96)));
        }
    }

    private static <T> T available(Restricted<T> answer) {
        assertThat(answer).isInstanceOf(Restricted.Available.class);
        return ((Restricted.Available<T>) answer).value();
    }
}
