package uk.consumptioninsights.app.governance;

import java.time.Instant;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import uk.consumptioninsights.dataaccess.governance.AuditEvent;
import uk.consumptioninsights.dataaccess.governance.ColumnMask;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.Grant;
import uk.consumptioninsights.dataaccess.governance.Restricted;
import uk.consumptioninsights.dataaccess.governance.RowFilter;
import uk.consumptioninsights.dataaccess.governance.ShareGrant;
import uk.consumptioninsights.dataaccess.governance.SharedObject;
import uk.consumptioninsights.dataaccess.governance.TableColumns;
import uk.consumptioninsights.dataaccess.governance.TableColumns.Column;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Test fixture: a {@link GovernanceSource} held in memory, scripted per question and recording every call. Filled
 * like a provider workspace: purpose-view grants, an MPAN mask and a GSP-group row filter on the gold table, an audit
 * log readable by Settlement and Market monitoring only, and two shares, one of whose recipients cannot be read.
 * Tests change any answer before they publish a query.
 */
public final class InMemoryGovernance implements GovernanceSource {

    public static final String SHARE = "elexon_consumption_share";
    public static final String SECOND_SHARE = "market_monitoring_share";
    public static final String GOLD_TABLE = "main.gold.consumption_half_hourly";
    public static final String AUDIT_DENIED = "Reading system.access.audit needs SELECT on system.access.audit; "
            + "ask a metastore admin for it.";
    public static final String AUDIT_STATEMENT = "SELECT event_time, user_identity.email, action_name, "
            + "request_params.full_name_arg, response.status_code FROM system.access.audit WHERE … LIMIT 200";
    public static final String RECIPIENTS_DENIED = "Only the share's owner or a metastore admin may list its recipients.";
    public static final String RECIPIENTS_STATEMENT = "SHOW GRANTS ON SHARE " + SECOND_SHARE;
    /** A real-looking MPAN core and a keyed pseudonym a careless audit line might quote. */
    public static final String QUOTED_MPAN = "1012345678903";
    public static final String QUOTED_PSEUDONYM = "P0123456789abcdef";

    public final List<String> calls = new CopyOnWriteArrayList<>();
    public final Map<PurposeRole, Restricted<List<Grant>>> grants = new EnumMap<>(PurposeRole.class);
    public final Map<PurposeRole, Restricted<List<ColumnMask>>> masks = new EnumMap<>(PurposeRole.class);
    public final Map<PurposeRole, Restricted<List<RowFilter>>> filters = new EnumMap<>(PurposeRole.class);
    public final Map<PurposeRole, Restricted<List<AuditEvent>>> audit = new EnumMap<>(PurposeRole.class);
    public final Map<String, Restricted<List<SharedObject>>> objects = new HashMap<>();
    public final Map<String, Restricted<List<ShareGrant>>> recipients = new HashMap<>();
    /** By the object's name as recipients see it. */
    public final Map<String, Restricted<TableColumns>> sharedColumns = new HashMap<>();
    /** Lineage by relation; a relation not listed reads nothing further (a table). */
    public final Map<String, Restricted<List<String>>> sourceTables = new HashMap<>();
    public volatile Restricted<List<TableColumns>> gold;
    public volatile Restricted<List<String>> shares;
    /** Runs inside {@link #grants}, on the task's thread: lets a test start newer work while a load is running. */
    public volatile Runnable duringGrants = () -> { };
    /** Thrown by {@link #rowFilters} when set, as a dropped warehouse connection would. */
    public volatile RuntimeException rowFilterFailure;

    public InMemoryGovernance() {
        grants.put(PurposeRole.SETTLEMENT, available(List.of(
                new Grant("bsc_settlement", "SELECT", "VIEW", "main.gold.v_settlement_half_hourly"),
                new Grant("bsc_settlement", "USE SCHEMA", "SCHEMA", "main.gold"),
                new Grant("account users", "USE CATALOG", "CATALOG", "main")),
                "SHOW GRANTS ON VIEW main.gold.v_settlement_half_hourly"));
        grants.put(PurposeRole.MARKET_MONITORING, available(List.of(
                new Grant("bsc_market_monitoring", "SELECT", "VIEW", "main.gold.v_market_monitoring_half_hourly")),
                "SHOW GRANTS ON VIEW main.gold.v_market_monitoring_half_hourly"));
        grants.put(PurposeRole.RESEARCH, available(List.of(
                new Grant("bsc_research", "SELECT", "VIEW", "main.gold.v_research_gsp_half_hourly")),
                "SHOW GRANTS ON VIEW main.gold.v_research_gsp_half_hourly"));
        for (PurposeRole role : PurposeRole.values()) {
            masks.put(role, available(List.of(new ColumnMask(GOLD_TABLE, "mpan", "main.gold.mask_mpan", List.of("gsp_group"))),
                    "DESCRIBE TABLE EXTENDED " + GOLD_TABLE));
            filters.put(role, available(List.of(new RowFilter(GOLD_TABLE, "main.gold.filter_gsp_group", List.of("gsp_group"))),
                    "DESCRIBE TABLE EXTENDED " + GOLD_TABLE));
            audit.put(role, denied(AUDIT_DENIED, AUDIT_STATEMENT));
        }
        List<AuditEvent> events = List.of(
                new AuditEvent(Instant.parse("2026-07-01T12:00:00Z"), "analyst@elexon.co.uk", "getTable",
                        "main.gold.v_settlement_half_hourly", "200"),
                new AuditEvent(Instant.parse("2026-11-20T09:15:02Z"), "analyst@elexon.co.uk", "commandSubmit",
                        "main.gold.v_settlement_half_hourly WHERE mpan = '" + QUOTED_MPAN + "'", "200"),
                new AuditEvent(Instant.parse("2026-10-25T01:30:00Z"), "ops@elexon.co.uk", "export",
                        "main.gold.v_market_monitoring_half_hourly meter " + QUOTED_PSEUDONYM, "ok"));
        audit.put(PurposeRole.SETTLEMENT, available(events, AUDIT_STATEMENT));
        audit.put(PurposeRole.MARKET_MONITORING, available(events, AUDIT_STATEMENT));

        gold = available(List.of(
                new TableColumns(GOLD_TABLE, List.of(new Column("mpan", "STRING"), new Column("gsp_group", "STRING"),
                        new Column("settlement_date", "DATE"), new Column("settlement_period", "INT"),
                        new Column("interval_start_ts", "TIMESTAMP"), new Column("kwh", "DOUBLE"),
                        new Column("quality_flag", "STRING"))),
                new TableColumns("main.gold.anomalies", List.of(new Column("anomaly_id", "STRING"),
                        new Column("mpan", "STRING"), new Column("gsp_group", "STRING"),
                        new Column("interval_start_ts", "TIMESTAMP"), new Column("anomaly_type", "STRING"),
                        new Column("score", "DOUBLE"))),
                new TableColumns("main.gold.v_settlement_half_hourly", List.of(new Column("mpan", "STRING"),
                        new Column("settlement_date", "DATE"), new Column("kwh", "DOUBLE")))),
                "SELECT table_name, column_name, data_type FROM main.information_schema.columns WHERE table_schema = 'gold'");
        shares = available(List.of(SHARE, SECOND_SHARE), "SHOW SHARES");
        SharedObject consumption = new SharedObject(SHARE, "elexon.consumption_half_hourly", "VIEW", GOLD_TABLE, "");
        SharedObject anomalies = new SharedObject(SHARE, "elexon.anomalies", "TABLE", "main.gold.anomalies",
                "gsp_group = '_A'");
        objects.put(SHARE, available(List.of(consumption, anomalies), "SHOW ALL IN SHARE " + SHARE));
        objects.put(SECOND_SHARE, available(List.of(new SharedObject(SECOND_SHARE, "monitoring.settlement",
                "VIEW", "main.gold.v_settlement_half_hourly", "")), "SHOW ALL IN SHARE " + SECOND_SHARE));
        recipients.put(SHARE, available(List.of(new ShareGrant(SHARE, "ofgem_research", "SELECT"),
                new ShareGrant(SHARE, "supplier_octo", "SELECT")), "SHOW GRANTS ON SHARE " + SHARE));
        recipients.put(SECOND_SHARE, denied(RECIPIENTS_DENIED, RECIPIENTS_STATEMENT));
        sharedColumns.put(consumption.name(), available(new TableColumns(consumption.name(), List.of(
                new Column("meter_pseudonym", "STRING"), new Column("gsp_group", "STRING"),
                new Column("settlement_date", "DATE"), new Column("settlement_period", "INT"),
                new Column("kwh", "DOUBLE"))), "DESCRIBE TABLE elexon.consumption_half_hourly (as shared)"));
        sharedColumns.put(anomalies.name(), available(new TableColumns(anomalies.name(), List.of(
                new Column("anomaly_id", "STRING"), new Column("gsp_group", "STRING"),
                new Column("interval_start_ts", "TIMESTAMP"), new Column("anomaly_type", "STRING"),
                new Column("score", "DOUBLE"))), "DESCRIBE TABLE elexon.anomalies (as shared)"));
    }

    public static <T> Restricted<T> available(T value, String statement) {
        return new Restricted.Available<>(value, statement);
    }

    public static <T> Restricted<T> denied(String message, String statement) {
        return new Restricted.Denied<>(message, statement);
    }

    @Override
    public Restricted<List<Grant>> grants(PurposeRole role) {
        calls.add("grants " + role);
        duringGrants.run();
        return grants.getOrDefault(role, available(List.of(), "SHOW GRANTS"));
    }

    @Override
    public Restricted<List<ColumnMask>> columnMasks(PurposeRole role) {
        calls.add("columnMasks " + role);
        return masks.getOrDefault(role, available(List.of(), "masks"));
    }

    @Override
    public Restricted<List<RowFilter>> rowFilters(PurposeRole role) {
        calls.add("rowFilters " + role);
        RuntimeException failure = rowFilterFailure;
        if (failure != null) {
            throw failure;
        }
        return filters.getOrDefault(role, available(List.of(), "filters"));
    }

    @Override
    public Restricted<List<AuditEvent>> audit(PurposeRole role, int limit) {
        calls.add("audit " + role + " " + limit);
        return audit.getOrDefault(role, available(List.of(), "audit"));
    }

    @Override
    public Restricted<List<TableColumns>> goldSchema() {
        calls.add("goldSchema");
        return gold;
    }

    @Override
    public Restricted<List<String>> shares() {
        calls.add("shares");
        return shares;
    }

    @Override
    public Restricted<List<SharedObject>> sharedObjects(String share) {
        calls.add("sharedObjects " + share);
        return objects.getOrDefault(share, denied("No such share: " + share, "SHOW ALL IN SHARE " + share));
    }

    @Override
    public Restricted<List<ShareGrant>> shareRecipients(String share) {
        calls.add("shareRecipients " + share);
        return recipients.getOrDefault(share, denied("No such share: " + share, "SHOW GRANTS ON SHARE " + share));
    }

    @Override
    public Restricted<List<String>> sourceTables(String relation) {
        calls.add("sourceTables " + relation);
        return sourceTables.getOrDefault(relation, available(List.of(), "SELECT source_table_full_name FROM system.access.table_lineage"));
    }

    @Override
    public Restricted<TableColumns> sharedColumns(SharedObject object) {
        calls.add("sharedColumns " + object.name());
        return sharedColumns.getOrDefault(object.name(), denied("Not shared: " + object.name(), "DESCRIBE " + object.name()));
    }
}
