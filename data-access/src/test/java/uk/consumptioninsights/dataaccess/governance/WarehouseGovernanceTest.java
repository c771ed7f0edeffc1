package uk.consumptioninsights.dataaccess.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.provider.ProviderException;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.model.access.PurposeRole;

/** The statements sent to Unity Catalog, the answers read from recorded result sets, and what is denied or thrown. */
class WarehouseGovernanceTest {

    private static final SQLException NO_MANAGE = new SQLException("[INSUFFICIENT_PERMISSIONS] PERMISSION_DENIED: User "
            + "does not have MANAGE on Table 'main.gold.v_settlement_half_hourly'.", "42501");
    private static final SQLException NO_SYSTEM_SCHEMA = new SQLException("[INSUFFICIENT_PERMISSIONS] PERMISSION_DENIED: "
            + "User does not have USE SCHEMA on Schema 'system.access'.", "42501");
    private static final SQLException NO_AUDIT_TABLE = new SQLException("[TABLE_OR_VIEW_NOT_FOUND] The table or view "
            + "`system`.`access`.`audit` cannot be found.", "42P01");

    private final ScriptedWarehouse warehouse = new ScriptedWarehouse();
    private final WarehouseGovernance governance = new WarehouseGovernance(warehouse, Optional.of("main"), "gold");

    @Test
    void grantsAreShownForEachPurposeViewOnceEach() {
        warehouse.answer("SHOW GRANTS ON TABLE", "show-grants-on-table.json");

        Restricted<List<Grant>> grants = governance.grants(PurposeRole.SETTLEMENT);

        assertThat(warehouse.sentSql()).containsExactly(
                "SHOW GRANTS ON TABLE `main`.`gold`.`v_settlement_half_hourly`",
                "SHOW GRANTS ON TABLE `main`.`gold`.`v_settlement_anomalies`",
                "SHOW GRANTS ON TABLE `main`.`gold`.`v_settlement_gsp_half_hourly`",
                "SHOW GRANTS ON TABLE `main`.`gold`.`v_settlement_meter_daily`",
                "SHOW GRANTS ON TABLE `main`.`gold`.`v_settlement_data_quality`",
                "SHOW GRANTS ON TABLE `main`.`gold`.`v_settlement_meter_day_quality`");
        assertThat(grants).isInstanceOf(Restricted.Available.class);
        // The recording answers every view alike; inherited catalog and schema grants must not repeat.
        assertThat(available(grants)).hasSize(5)
                .contains(new Grant("settlement-analysts", "USE CATALOG", "CATALOG", "main"));
    }

    @Test
    void withoutManageTheIdentitysOwnGrantsComeFromInformationSchema() {
        warehouse.fail("SHOW GRANTS", NO_MANAGE).answer("table_privileges", "table-privileges.json");

        Restricted<List<Grant>> grants = governance.grants(PurposeRole.SETTLEMENT);

        ScriptedWarehouse.Sent fallback = warehouse.sent().get(1);
        assertThat(fallback.sql()).contains("FROM `main`.`information_schema`.`table_privileges`")
                .contains("WHERE table_schema = ? AND table_name IN (?, ?, ?, ?, ?, ?)");
        assertThat(fallback.parameters()).containsExactly("gold", "v_settlement_half_hourly", "v_settlement_anomalies",
                "v_settlement_gsp_half_hourly", "v_settlement_meter_daily", "v_settlement_data_quality",
                "v_settlement_meter_day_quality");
        assertThat(grants.statement()).isEqualTo(fallback.sql());
        assertThat(available(grants)).contains(new Grant("settlement-analysts", "USE SCHEMA", "SCHEMA", "main.gold"));
    }

    @Test
    void whenBothAreRefusedTheAnswerSaysWhatToAskFor() {
        warehouse.fail("SHOW GRANTS", NO_MANAGE).fail("table_privileges", new SQLException(
                "PERMISSION_DENIED: User does not have USE CATALOG on Catalog 'main'", "42501"));

        Restricted<List<Grant>> grants = governance.grants(PurposeRole.MARKET_MONITORING);

        assertThat(grants).isInstanceOf(Restricted.Denied.class);
        assertThat(((Restricted.Denied<?>) grants).message())
                .contains("cannot list grants on main.gold.v_market_monitoring_half_hourly")
                .contains("MANAGE").contains("workspace admin");
        assertThat(grants.statement()).startsWith("SHOW GRANTS ON TABLE");
    }

    @Test
    void aNetworkFailureListingGrantsIsThrownNotDenied() {
        warehouse.fail("SHOW GRANTS", new SQLException("Connection refused: connect", "08S01"))
                .answer("table_privileges", "table-privileges.json");

        assertThatThrownBy(() -> governance.grants(PurposeRole.SETTLEMENT))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.NETWORK));
        assertThat(warehouse.sentSql()).noneMatch(sql -> sql.contains("table_privileges"));
    }

    @Test
    void masksAndFiltersAreAskedForTheRolesViewsAndTheTablesUnderThem() {
        warehouse.answer("column_masks", "column-masks.json").answer("row_filters", "row-filters.json");

        List<ColumnMask> masks = available(governance.columnMasks(PurposeRole.MARKET_MONITORING));
        List<RowFilter> filters = available(governance.rowFilters(PurposeRole.RESEARCH));

        ScriptedWarehouse.Sent maskQuery = warehouse.sent().get(0);
        assertThat(maskQuery.sql()).contains("FROM `main`.`information_schema`.`column_masks`")
                .contains("WHERE schema_name = ?");
        assertThat(maskQuery.parameters()).startsWith("gold", "v_market_monitoring_half_hourly",
                "v_market_monitoring_anomalies").contains("meters", "consumption_curated");
        assertThat(warehouse.sent().get(1).parameters()).containsExactly("gold", "v_research_gsp_half_hourly",
                "v_research_population", "v_research_anomaly_summary", "v_research_data_quality",
                "consumption_gsp_half_hourly", "meters", "anomalies", "data_quality_daily");
        assertThat(masks).extracting(ColumnMask::column).containsExactly("mpan", "mpan_pseudonym");
        assertThat(filters).extracting(RowFilter::table).contains("main.gold.consumption_gsp_half_hourly");
    }

    @Test
    void auditReadsTheRolesViewsNewestFirstWithTheLimitInTheText() {
        warehouse.answer("system.access.audit", "audit.json");

        List<AuditEvent> events = available(governance.audit(PurposeRole.RESEARCH, 25));

        ScriptedWarehouse.Sent audit = warehouse.sent().get(0);
        assertThat(audit.sql()).contains("user_identity.email", "request_params['full_name_arg']", "response.status_code")
                .contains("ORDER BY event_time DESC").endsWith("LIMIT 25");
        assertThat(audit.parameters()).containsExactly("main.gold.v_research_gsp_half_hourly",
                "main.gold.v_research_population", "main.gold.v_research_anomaly_summary",
                "main.gold.v_research_data_quality");
        assertThat(events).extracting(AuditEvent::time).isSortedAccordingTo((a, b) -> b.compareTo(a))
                .first().isEqualTo(Instant.parse("2025-06-02T08:14:03.512Z"));
    }

    @Test
    void withoutACatalogTheAuditMatchesTheSessionsCatalog() {
        warehouse.answer("current_catalog()", "current-catalog.json").answer("system.access.audit", "audit.json");

        new WarehouseGovernance(warehouse, Optional.empty(), "gold").audit(PurposeRole.RESEARCH, 5);

        assertThat(warehouse.sent().get(1).parameters()).first().isEqualTo("main.gold.v_research_gsp_half_hourly");
    }

    @Test
    void auditWithoutTheSystemSchemaGrantOrTableIsDeniedWithWhomToAsk() {
        warehouse.fail("system.access.audit", NO_SYSTEM_SCHEMA);
        Restricted<List<AuditEvent>> noGrant = governance.audit(PurposeRole.SETTLEMENT, 10);
        ScriptedWarehouse notEnabled = new ScriptedWarehouse().fail("system.access.audit", NO_AUDIT_TABLE);
        Restricted<List<AuditEvent>> noTable = new WarehouseGovernance(notEnabled, Optional.of("main"), "gold")
                .audit(PurposeRole.SETTLEMENT, 10);

        for (Restricted<List<AuditEvent>> answer : List.of(noGrant, noTable)) {
            assertThat(answer).isInstanceOfSatisfying(Restricted.Denied.class, denied -> assertThat(denied.message())
                    .contains("cannot read the audit log").contains("account admin")
                    .contains("SELECT on system.access.audit"));
        }
    }

    @Test
    void anAuditTimeoutIsThrown() {
        warehouse.fail("system.access.audit", new SQLTimeoutException("Query timed out", "HYT00"));

        assertThatThrownBy(() -> governance.audit(PurposeRole.SETTLEMENT, 10))
                .isInstanceOfSatisfying(ProviderException.class,
                        e -> assertThat(e.failure().category()).isEqualTo(FailureCategory.TIMEOUT));
    }

    @Test
    void theAuditLimitIsCheckedBeforeItReachesTheStatement() {
        assertThatThrownBy(() -> governance.audit(PurposeRole.SETTLEMENT, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> governance.audit(PurposeRole.SETTLEMENT, AuditLimit.MAX + 1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(warehouse.sent()).isEmpty();
    }

    @Test
    void sharesTheirContentsAndRecipientsWithTheShareNameQuoted() {
        warehouse.answer("SHOW SHARES", "show-shares.json").answer("SHOW ALL IN SHARE", "show-all-in-share.json")
                .answer("SHOW GRANTS ON SHARE", "show-grants-on-share.json");

        assertThat(available(governance.shares())).containsExactly("consumption_share", "dno_losses_share");
        assertThat(available(governance.sharedObjects("odd`share"))).hasSize(2)
                .allMatch(o -> o.share().equals("odd`share"));
        assertThat(available(governance.shareRecipients("consumption_share")))
                .extracting(ShareGrant::recipient).containsExactly("example-recipient", "ofgem-analytics");
        assertThat(warehouse.sentSql()).containsExactly("SHOW SHARES", "SHOW ALL IN SHARE `odd``share`",
                "SHOW GRANTS ON SHARE `consumption_share`");
    }

    @Test
    void sharingStatementsAnAnalystMayNotRunAreDenied() {
        warehouse.fail("SHOW SHARES", new SQLException("PERMISSION_DENIED: User is not an owner of Metastore", "42501"));
        ScriptedWarehouse notUnityCatalog = new ScriptedWarehouse().fail("SHOW SHARES",
                new SQLException("[PARSE_SYNTAX_ERROR] Syntax error at or near 'SHARES'", "42601"));

        Restricted<List<String>> refused = governance.shares();
        Restricted<List<String>> unsupported = new WarehouseGovernance(notUnityCatalog, Optional.of("main"), "gold").shares();

        assertThat(refused).isInstanceOfSatisfying(Restricted.Denied.class,
                d -> assertThat(d.message()).contains("metastore admin"));
        assertThat(unsupported).isInstanceOf(Restricted.Denied.class);
        assertThat(refused.statement()).isEqualTo("SHOW SHARES");
    }

    @Test
    void goldSchemaAndSharedColumnsComeFromInformationSchemaColumns() {
        warehouse.answer("`columns`", "columns.json");

        List<TableColumns> gold = available(governance.goldSchema());
        TableColumns shared = available(governance.sharedColumns(new SharedObject("consumption_share",
                "consumption.half_hourly", "TABLE", "main.gold.v_recipient_half_hourly", "")));

        assertThat(gold).extracting(TableColumns::table).containsExactly("v_recipient_half_hourly", "v_research_population");
        assertThat(warehouse.sent().get(0).parameters()).containsExactly("gold");
        assertThat(warehouse.sent().get(1).sql()).startsWith("SELECT").contains("FROM `main`.`information_schema`.`columns`");
        assertThat(warehouse.sent().get(1).parameters()).containsExactly("gold", "v_recipient_half_hourly");
        assertThat(shared.table()).isEqualTo("consumption.half_hourly");
        assertThat(shared.columns()).extracting(TableColumns.Column::name).contains("mpan_pseudonym");
    }

    @Test
    void aMissingColumnsViewIsNotDeniedWhenTheWarehouseIsUnreachable() {
        warehouse.fail("`columns`", new SQLException("java.net.ConnectException: Connection refused", "08001"));

        assertThatThrownBy(governance::goldSchema).isInstanceOf(ProviderException.class);
    }

    private static <T> T available(Restricted<T> answer) {
        assertThat(answer).isInstanceOf(Restricted.Available.class);
        return ((Restricted.Available<T>) answer).value();
    }
}
