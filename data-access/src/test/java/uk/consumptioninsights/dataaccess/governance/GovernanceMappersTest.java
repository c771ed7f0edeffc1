package uk.consumptioninsights.dataaccess.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** The mappers on result sets recorded from Unity Catalog, replayed as real JDBC result sets. */
class GovernanceMappersTest {

    @Test
    void showGrantsKeepsWhereEachGrantSits() throws SQLException {
        List<Grant> grants = Recordings.map("show-grants-on-table.json", GovernanceMappers::showGrants);

        assertThat(grants).containsExactly(
                new Grant("settlement-analysts", "USE CATALOG", "CATALOG", "main"),
                new Grant("settlement-analysts", "USE SCHEMA", "SCHEMA", "main.gold"),
                new Grant("data-platform-admins", "MANAGE", "SCHEMA", "main.gold"),
                new Grant("settlement-analysts", "SELECT", "TABLE", "main.gold.v_settlement_half_hourly"),
                new Grant("elexon-reconciliation-sp", "SELECT", "TABLE", "main.gold.v_settlement_half_hourly"));
    }

    @Test
    void tablePrivilegesReportInheritedGrantsOnTheirParent() throws SQLException {
        List<Grant> grants = Recordings.map("table-privileges.json", GovernanceMappers::tablePrivileges);

        assertThat(grants).containsExactly(
                new Grant("analyst@consumption-insights.example", "SELECT", "TABLE", "main.gold.v_settlement_half_hourly"),
                new Grant("settlement-analysts", "USE SCHEMA", "SCHEMA", "main.gold"),
                new Grant("settlement-analysts", "USE CATALOG", "CATALOG", "main"),
                new Grant("settlement-analysts", "SELECT", "TABLE", "main.gold.v_settlement_anomalies"));
    }

    @Test
    void columnMasksNameTableAndFunctionFullyWithTheirExtraColumns() throws SQLException {
        List<ColumnMask> masks = Recordings.map("column-masks.json", GovernanceMappers::columnMasks);

        assertThat(masks).containsExactly(
                new ColumnMask("main.gold.meters", "mpan", "main.governance.mpan_unless_settlement", List.of()),
                new ColumnMask("main.gold.v_market_monitoring_half_hourly", "mpan_pseudonym",
                        "main.governance.pseudonym_for_purpose", List.of("gsp_group", "settlement_date")));
    }

    @Test
    void rowFiltersWithAndWithoutColumns() throws SQLException {
        List<RowFilter> filters = Recordings.map("row-filters.json", GovernanceMappers::rowFilters);

        assertThat(filters).containsExactly(
                new RowFilter("main.gold.consumption_gsp_half_hourly", "main.governance.min_group_size", List.of("meter_count")),
                new RowFilter("main.gold.v_research_population", "main.governance.research_regions", List.of()));
    }

    @Test
    void auditEventsInTheOrderTheWarehouseSent() throws SQLException {
        List<AuditEvent> events = Recordings.map("audit.json", GovernanceMappers::auditEvents);

        assertThat(events).containsExactly(
                new AuditEvent(Instant.parse("2025-06-02T08:14:03.512Z"), "researcher@consumption-insights.example",
                        "getTable", "main.gold.v_research_gsp_half_hourly", "200"),
                new AuditEvent(Instant.parse("2025-06-02T08:13:59.004Z"), "researcher@consumption-insights.example",
                        "generateTemporaryTableCredential", "main.gold.v_research_population", "200"),
                new AuditEvent(Instant.parse("2025-06-01T17:45:21.250Z"), "intern@consumption-insights.example",
                        "getTable", "main.gold.v_research_anomaly_summary", "403"));
        assertThat(events).allMatch(e -> e.rowsRead().equals(OptionalLong.empty()));
    }

    @Test
    void sharesAndTheirContentsAndRecipients() throws SQLException {
        assertThat(Recordings.map("show-shares.json", GovernanceMappers::shareNames))
                .containsExactly("consumption_share", "dno_losses_share");
        List<SharedObject> objects = Recordings.map("show-all-in-share.json",
                rs -> GovernanceMappers.sharedObjects("consumption_share", rs));
        List<ShareGrant> recipients = Recordings.map("show-grants-on-share.json",
                rs -> GovernanceMappers.shareGrants("consumption_share", rs));
        assertThat(objects).containsExactly(
                        new SharedObject("consumption_share", "consumption.half_hourly", "TABLE",
                                "main.gold.v_recipient_half_hourly", ""),
                        new SharedObject("consumption_share", "consumption.anomalies_south", "TABLE",
                                "main.gold.anomalies_curated", "(gsp_group = '_H'), (gsp_group = '_J')"));
        assertThat(recipients).containsExactly(new ShareGrant("consumption_share", "example-recipient", "SELECT"),
                        new ShareGrant("consumption_share", "ofgem-analytics", "SELECT"));
    }

    @Test
    void columnsGroupedByTableInOrderWithTheDeclaredType() throws SQLException {
        assertThat(Recordings.map("columns.json", GovernanceMappers::tables)).containsExactly(
                new TableColumns("v_recipient_half_hourly", List.of(new TableColumns.Column("mpan_pseudonym", "string"),
                        new TableColumns.Column("settlement_period", "smallint"))),
                new TableColumns("v_research_population", List.of(new TableColumns.Column("gsp_group", "string"),
                        new TableColumns.Column("meter_count", "int"))));
    }

    @Test
    void aResultWithoutAnExpectedColumnIsAnErrorNamingIt() {
        assertThatThrownBy(() -> Recordings.map("show-shares.json", GovernanceMappers::showGrants))
                .isInstanceOf(SQLException.class)
                .hasMessageContaining("principal");
    }
}
