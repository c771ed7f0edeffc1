package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.Statement;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import uk.consumptioninsights.dataaccess.governance.AuditEvent;
import uk.consumptioninsights.dataaccess.governance.ColumnMask;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.RowFilter;
import uk.consumptioninsights.dataaccess.governance.TableColumns;
import uk.consumptioninsights.dataaccess.governance.WarehouseGovernance;
import uk.consumptioninsights.dataaccess.governance.WorkspaceGovernance;
import uk.consumptioninsights.dataaccess.provider.WarehouseSessions;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The governance statements through the real driver on the peer. Spark has no Unity Catalog, so the UC relations are
 * fixture tables with Unity Catalog's column names: {@code spark_catalog.information_schema.*} (Delta) and
 * {@code system.access.audit} (Iceberg, with its STRUCT and MAP columns). What only UC's grammar knows (SHOW GRANTS,
 * SHOW SHARES) fails on Spark with a real parse error, which is how the degradation paths are exercised here.
 */
@Tag("provider-peer")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class GovernancePeerIT {

    private static final String CATALOG = PeerRuntime.CATALOG;
    private static final String GOLD = PeerRuntime.SCHEMA;

    private PeerGold gold;
    private WarehouseSessions sessions;
    private WarehouseGovernance governance;

    @BeforeAll
    void governanceFixtures() throws Exception {
        gold = PeerGold.shared();
        try (Connection peer = gold.runtime().goldConnector().open(); Statement spark = peer.createStatement()) {
            spark.execute("CREATE SCHEMA IF NOT EXISTS " + CATALOG + ".information_schema");
            spark.execute("DROP TABLE IF EXISTS " + CATALOG + ".information_schema.table_privileges");
            spark.execute("CREATE TABLE " + CATALOG + ".information_schema.table_privileges (grantor STRING, grantee STRING,"
                    + " table_catalog STRING, table_schema STRING, table_name STRING, privilege_type STRING,"
                    + " is_grantable STRING, inherited_from STRING) USING delta");
            spark.execute("INSERT INTO " + CATALOG + ".information_schema.table_privileges VALUES"
                    + " ('owner', 'research', '" + CATALOG + "', 'gold', 'v_research_gsp_half_hourly', 'SELECT', 'NO', 'NONE'),"
                    + " ('owner', 'research', '" + CATALOG + "', 'gold', 'v_research_population', 'SELECT', 'NO', 'NONE'),"
                    + " ('owner', 'settlement-analysts', '" + CATALOG + "', 'gold', 'v_settlement_half_hourly', 'SELECT', 'NO', 'NONE')");
            spark.execute("DROP TABLE IF EXISTS " + CATALOG + ".information_schema.column_masks");
            spark.execute("CREATE TABLE " + CATALOG + ".information_schema.column_masks (catalog_name STRING,"
                    + " schema_name STRING, table_name STRING, column_name STRING, mask_catalog STRING, mask_schema STRING,"
                    + " mask_name STRING, mask_col_usage STRING) USING delta");
            spark.execute("INSERT INTO " + CATALOG + ".information_schema.column_masks VALUES"
                    + " ('" + CATALOG + "', 'gold', 'meters', 'mpan', '" + CATALOG + "', 'gold', 'mask_mpan', NULL)");
            spark.execute("DROP TABLE IF EXISTS " + CATALOG + ".information_schema.row_filters");
            spark.execute("CREATE TABLE " + CATALOG + ".information_schema.row_filters (catalog_name STRING,"
                    + " schema_name STRING, table_name STRING, filter_catalog STRING, filter_schema STRING,"
                    + " filter_name STRING, filter_col_usage STRING) USING delta");
            spark.execute("INSERT INTO " + CATALOG + ".information_schema.row_filters VALUES"
                    + " ('" + CATALOG + "', 'gold', 'consumption_gsp_half_hourly', '" + CATALOG + "', 'gold',"
                    + " 'min_group_size', 'meter_count')");
            createColumns(peer, spark);
            spark.execute("CREATE NAMESPACE IF NOT EXISTS system.access");
            spark.execute("DROP TABLE IF EXISTS system.access.audit");
            spark.execute("CREATE TABLE system.access.audit (event_time TIMESTAMP, event_date DATE, service_name STRING,"
                    + " action_name STRING, user_identity STRUCT<email: STRING, subject_name: STRING>,"
                    + " request_params MAP<STRING, STRING>,"
                    + " response STRUCT<status_code: INT, error_message: STRING, result: STRING>) USING iceberg");
            spark.execute("INSERT INTO system.access.audit VALUES"
                    + " (current_timestamp() - INTERVAL 2 HOURS, current_date(), 'unityCatalog', 'getTable',"
                    + " named_struct('email', 'researcher@example.org', 'subject_name', CAST(NULL AS STRING)),"
                    + " map('full_name_arg', '" + CATALOG + ".gold.v_research_gsp_half_hourly'),"
                    + " named_struct('status_code', 200, 'error_message', CAST(NULL AS STRING), 'result', CAST(NULL AS STRING))),"
                    + " (current_timestamp() - INTERVAL 1 HOURS, current_date(), 'unityCatalog', 'getTable',"
                    + " named_struct('email', 'analyst@example.org', 'subject_name', CAST(NULL AS STRING)),"
                    + " map('full_name_arg', '" + CATALOG + ".gold.v_settlement_half_hourly'),"
                    + " named_struct('status_code', 200, 'error_message', CAST(NULL AS STRING), 'result', CAST(NULL AS STRING))),"
                    + " (current_timestamp() - INTERVAL 400 DAYS, date_sub(current_date(), 400), 'unityCatalog', 'getTable',"
                    + " named_struct('email', 'old@example.org', 'subject_name', CAST(NULL AS STRING)),"
                    + " map('full_name_arg', '" + CATALOG + ".gold.v_research_gsp_half_hourly'),"
                    + " named_struct('status_code', 200, 'error_message', CAST(NULL AS STRING), 'result', CAST(NULL AS STRING)))");
        }
        try (Connection peer = gold.runtime().goldConnector().open(); Statement spark = peer.createStatement()) {
            spark.execute("DROP TABLE IF EXISTS system.access.table_lineage");
            spark.execute("CREATE TABLE system.access.table_lineage (source_table_full_name STRING,"
                    + " target_table_full_name STRING, source_type STRING, target_type STRING, event_time TIMESTAMP) USING iceberg");
            String g = CATALOG + ".gold.";
            spark.execute("INSERT INTO system.access.table_lineage VALUES"
                    + " ('" + g + "anomalies_curated', '" + g + "v_recipient_anomalies', 'VIEW', 'VIEW', current_timestamp()),"
                    + " ('" + g + "anomalies', '" + g + "anomalies_curated', 'TABLE', 'VIEW', current_timestamp()),"
                    + " ('" + g + "meters', '" + g + "anomalies_curated', 'TABLE', 'VIEW', current_timestamp()),"
                    + " ('" + g + "meters', '" + g + "anomalies_curated', 'TABLE', 'VIEW', current_timestamp()),"
                    + " (NULL, '" + g + "anomalies', NULL, 'TABLE', current_timestamp())");
        }
        sessions = new WarehouseSessions(gold.runtime().goldConnector());
        governance = new WarehouseGovernance(sessions, Optional.of(CATALOG), GOLD);
    }

    /** information_schema.columns of the gold schema as the driver reports each relation's columns. */
    private static void createColumns(Connection peer, Statement spark) throws Exception {
        spark.execute("DROP TABLE IF EXISTS " + CATALOG + ".information_schema.columns");
        spark.execute("CREATE TABLE " + CATALOG + ".information_schema.columns (table_catalog STRING, table_schema STRING,"
                + " table_name STRING, column_name STRING, ordinal_position INT, full_data_type STRING, data_type STRING)"
                + " USING delta");
        StringBuilder values = new StringBuilder();
        try (ResultSet tables = spark.executeQuery("SHOW TABLES IN " + CATALOG + ".gold")) {
            List<String> names = new java.util.ArrayList<>();
            while (tables.next()) {
                names.add(tables.getString("tableName"));
            }
            for (String name : names) {
                try (PreparedStatement ps = peer.prepareStatement("SELECT * FROM " + CATALOG + ".gold." + name + " LIMIT 0");
                     ResultSet rs = ps.executeQuery()) {
                    ResultSetMetaData meta = rs.getMetaData();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String type = meta.getColumnTypeName(i).toLowerCase(java.util.Locale.ROOT);
                        values.append(values.length() == 0 ? "" : ", ").append("('").append(CATALOG).append("', 'gold', '")
                                .append(name).append("', '").append(meta.getColumnName(i)).append("', ").append(i)
                                .append(", '").append(type).append("', '").append(type.toUpperCase(java.util.Locale.ROOT)).append("')");
                    }
                }
            }
        }
        spark.execute("INSERT INTO " + CATALOG + ".information_schema.columns VALUES " + values);
    }

    @AfterAll
    void close() {
        if (sessions != null) {
            sessions.close();
        }
    }

    @Test
    void showGrantsIsRefusedBySparkSoTheIdentitysOwnGrantsAreShown() {
        Restricted<List<Grant>> research = governance.grants(PurposeRole.RESEARCH);
        assertThat(research).isInstanceOf(Restricted.Available.class);
        List<Grant> grants = ((Restricted.Available<List<Grant>>) research).value();
        assertThat(grants).extracting(Grant::principal).containsOnly("research");
        assertThat(grants).extracting(Grant::objectKey)
                .allSatisfy(key -> assertThat(key).contains("v_research_"))
                .hasSize(2);
        assertThat(research.statement()).contains("table_privileges");
    }

    @Test
    void masksAndFiltersOfTheRolesRelationsComeFromInformationSchema() {
        Restricted<List<ColumnMask>> masks = governance.columnMasks(PurposeRole.SETTLEMENT);
        assertThat(((Restricted.Available<List<ColumnMask>>) masks).value())
                .singleElement().satisfies(m -> {
                    assertThat(m.column()).isEqualTo("mpan");
                    assertThat(m.maskFunction()).endsWith("mask_mpan");
                });
        Restricted<List<RowFilter>> researchFilters = governance.rowFilters(PurposeRole.RESEARCH);
        assertThat(((Restricted.Available<List<RowFilter>>) researchFilters).value())
                .singleElement().satisfies(f -> assertThat(f.filterFunction()).endsWith("min_group_size"));
        // Settlement's all-meter figures come from the same GSP-group table, so its filter is shown there too (a real
        // filter function lets other groups through; Research's view applies the minimum itself as well).
        assertThat(((Restricted.Available<List<RowFilter>>) governance.rowFilters(PurposeRole.SETTLEMENT)).value())
                .singleElement().satisfies(f -> assertThat(f.table()).endsWith("consumption_gsp_half_hourly"));
        assertThat(((Restricted.Available<List<RowFilter>>) governance.rowFilters(PurposeRole.SETTLEMENT)).value())
                .noneMatch(f -> f.table().contains("v_settlement_half_hourly"));
    }

    @Test
    void theAuditLogListsTheRolesViewsOnlyNewestFirstAndRecent() {
        Restricted<List<AuditEvent>> audit = governance.audit(PurposeRole.RESEARCH, 50);
        List<AuditEvent> events = ((Restricted.Available<List<AuditEvent>>) audit).value();
        assertThat(events).extracting(AuditEvent::user).containsExactly("researcher@example.org");
        assertThat(events.get(0).object()).endsWith("v_research_gsp_half_hourly");
        assertThat(events.get(0).status()).isEqualTo("200");
    }

    @Test
    void theGoldSchemaHasTheSameViewsAndColumnsAsTheLocalWorkspace() {
        List<TableColumns> warehouse = ((Restricted.Available<List<TableColumns>>) governance.goldSchema()).value();
        List<TableColumns> local = ((Restricted.Available<List<TableColumns>>) new WorkspaceGovernance(gold.workspace())
                .goldSchema()).value();
        Set<String> purposeViews = new TreeSet<>();
        for (TableColumns table : warehouse) {
            if (table.table().startsWith("v_")) {
                purposeViews.add(table.table() + " " + table.columns().stream().map(TableColumns.Column::name).toList());
            }
        }
        Set<String> localViews = new TreeSet<>();
        for (TableColumns table : local) {
            String name = table.table().substring(table.table().lastIndexOf('.') + 1);
            if (name.startsWith("v_")) {
                localViews.add(name + " " + table.columns().stream().map(TableColumns.Column::name).toList());
            }
        }
        assertThat(purposeViews).hasSize(20).isEqualTo(localViews);
    }

    @Test
    void aSharedViewsGoldTablesComeFromTableLineage() {
        Restricted<List<String>> sources = governance.sourceTables(CATALOG + ".gold.v_recipient_anomalies");
        assertThat(((Restricted.Available<List<String>>) sources).value())
                .containsExactly(CATALOG + ".gold.anomalies", CATALOG + ".gold.meters");
        assertThat(sources.statement()).contains("system.access.table_lineage");
    }

    @Test
    void whatOnlyUnityCatalogUnderstandsIsAnsweredAsCannotReadThis() {
        assertThat(governance.shares()).isInstanceOfSatisfying(Restricted.Denied.class,
                denied -> assertThat(denied.message()).isNotBlank().doesNotContain("Exception"));
        WarehouseGovernance elsewhere = new WarehouseGovernance(sessions, Optional.of("main"), GOLD);
        assertThat(elsewhere.columnMasks(PurposeRole.SETTLEMENT)).isInstanceOf(Restricted.Denied.class);
    }
}
