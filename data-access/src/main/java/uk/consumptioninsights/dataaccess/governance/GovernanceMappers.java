package uk.consumptioninsights.dataaccess.governance;

import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Result sets of Unity Catalog's governance statements (and the workspace's tables shaped like them) into records.
 * Columns are found by name, case-insensitively, because information_schema views gain columns over time and SHOW
 * commands have renamed theirs between runtimes.
 */
final class GovernanceMappers {

    private GovernanceMappers() {
    }

    /** {@code SHOW GRANTS}: principal, actionType, objectType, objectKey; duplicates (inherited grants) once. */
    static List<Grant> showGrants(ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int principal = c.require("principal");
        int action = c.require("actionType", "action_type", "privilege");
        int type = c.require("objectType", "object_type");
        int key = c.require("objectKey", "object_key");
        Set<Grant> grants = new LinkedHashSet<>();
        while (rs.next()) {
            grants.add(new Grant(rs.getString(principal), rs.getString(action), rs.getString(type), rs.getString(key)));
        }
        return List.copyOf(grants);
    }

    /**
     * {@code information_schema.table_privileges}: grantee, table_catalog, table_schema, table_name, privilege_type,
     * inherited_from. A grant inherited from the catalog or schema is reported where it sits, as SHOW GRANTS does.
     */
    static List<Grant> tablePrivileges(ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int grantee = c.require("grantee");
        int catalog = c.require("table_catalog");
        int schema = c.require("table_schema");
        int table = c.require("table_name");
        int privilege = c.require("privilege_type");
        int inherited = c.optional("inherited_from");
        Set<Grant> grants = new LinkedHashSet<>();
        while (rs.next()) {
            String from = inherited < 0 ? null : rs.getString(inherited);
            String cat = rs.getString(catalog);
            String sch = rs.getString(schema);
            String fromUpper = from == null ? "NONE" : from.toUpperCase(Locale.ROOT);
            String objectType;
            String objectKey;
            switch (fromUpper) {
                case "CATALOG" -> {
                    objectType = "CATALOG";
                    objectKey = cat;
                }
                case "SCHEMA" -> {
                    objectType = "SCHEMA";
                    objectKey = cat + "." + sch;
                }
                default -> {
                    objectType = "TABLE";
                    objectKey = cat + "." + sch + "." + rs.getString(table);
                }
            }
            grants.add(new Grant(rs.getString(grantee), rs.getString(privilege), objectType, objectKey));
        }
        return List.copyOf(grants);
    }

    /**
     * {@code information_schema.column_masks}: catalog_name, schema_name, table_name, column_name, mask_catalog,
     * mask_schema, mask_name, mask_col_usage (comma list or NULL).
     */
    static List<ColumnMask> columnMasks(ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int catalog = c.require("catalog_name");
        int schema = c.require("schema_name");
        int table = c.require("table_name");
        int column = c.require("column_name");
        int maskCatalog = c.require("mask_catalog");
        int maskSchema = c.require("mask_schema");
        int maskName = c.require("mask_name");
        int usage = c.require("mask_col_usage");
        List<ColumnMask> masks = new ArrayList<>();
        while (rs.next()) {
            masks.add(new ColumnMask(dotted(rs.getString(catalog), rs.getString(schema), rs.getString(table)),
                    rs.getString(column),
                    dotted(rs.getString(maskCatalog), rs.getString(maskSchema), rs.getString(maskName)),
                    commaList(rs.getString(usage))));
        }
        return masks;
    }

    /**
     * {@code information_schema.row_filters}: catalog_name, schema_name, table_name, filter_catalog, filter_schema,
     * filter_name, filter_col_usage (comma list, empty if none).
     */
    static List<RowFilter> rowFilters(ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int catalog = c.require("catalog_name");
        int schema = c.require("schema_name");
        int table = c.require("table_name");
        int filterCatalog = c.require("filter_catalog");
        int filterSchema = c.require("filter_schema");
        int filterName = c.require("filter_name");
        int usage = c.require("filter_col_usage");
        List<RowFilter> filters = new ArrayList<>();
        while (rs.next()) {
            filters.add(new RowFilter(dotted(rs.getString(catalog), rs.getString(schema), rs.getString(table)),
                    dotted(rs.getString(filterCatalog), rs.getString(filterSchema), rs.getString(filterName)),
                    commaList(rs.getString(usage))));
        }
        return filters;
    }

    /**
     * The audit statement's columns: event_time, email (user_identity.email), action_name, full_name_arg
     * (request_params['full_name_arg']), status_code (response.status_code) and, from the workspace's log only,
     * rows_read.
     */
    static List<AuditEvent> auditEvents(ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int time = c.require("event_time");
        int email = c.require("email");
        int action = c.require("action_name");
        int object = c.require("full_name_arg");
        int status = c.require("status_code");
        int rows = c.optional("rows_read");
        List<AuditEvent> events = new ArrayList<>();
        while (rs.next()) {
            Object code = rs.getObject(status);
            OptionalLong read = OptionalLong.empty();
            if (rows >= 0) {
                long n = rs.getLong(rows);
                read = rs.wasNull() ? OptionalLong.empty() : OptionalLong.of(n);
            }
            events.add(new AuditEvent(instant(rs.getObject(time)), rs.getString(email), rs.getString(action),
                    rs.getString(object), code == null ? "" : code.toString(), read));
        }
        return events;
    }

    /** {@code SHOW SHARES}: name, created_at, created_by, comment. */
    static List<String> shareNames(ResultSet rs) throws SQLException {
        int name = Columns.of(rs).require("name", "share_name");
        List<String> names = new ArrayList<>();
        while (rs.next()) {
            names.add(rs.getString(name));
        }
        return names;
    }

    /** {@code SHOW ALL IN SHARE}: name, type, shared_object, added_at, added_by, comment, partitions. */
    static List<SharedObject> sharedObjects(String share, ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int name = c.require("name");
        int type = c.require("type");
        int sharedObject = c.require("shared_object");
        int partitions = c.require("partitions");
        List<SharedObject> objects = new ArrayList<>();
        while (rs.next()) {
            String p = rs.getString(partitions);
            objects.add(new SharedObject(share, rs.getString(name), rs.getString(type), rs.getString(sharedObject),
                    p == null ? "" : p));
        }
        return objects;
    }

    /** {@code SHOW GRANTS ON SHARE}: recipient (principal on some runtimes), actionType. */
    static List<ShareGrant> shareGrants(String share, ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int recipient = c.require("recipient", "principal");
        int privilege = c.require("actionType", "action_type", "privilege");
        List<ShareGrant> grants = new ArrayList<>();
        while (rs.next()) {
            grants.add(new ShareGrant(share, rs.getString(recipient), rs.getString(privilege)));
        }
        return grants;
    }

    /**
     * {@code information_schema.columns} ordered by table_name, ordinal_position: one entry per table, columns in
     * order. The declared type is full_data_type where the engine has it (Unity Catalog), else data_type.
     */
    static List<TableColumns> tables(ResultSet rs) throws SQLException {
        Columns c = Columns.of(rs);
        int table = c.require("table_name");
        int column = c.require("column_name");
        int type = c.require("full_data_type", "data_type");
        Map<String, List<TableColumns.Column>> byTable = new LinkedHashMap<>();
        while (rs.next()) {
            byTable.computeIfAbsent(rs.getString(table), t -> new ArrayList<>())
                    .add(new TableColumns.Column(rs.getString(column), rs.getString(type)));
        }
        List<TableColumns> tables = new ArrayList<>();
        byTable.forEach((name, columns) -> tables.add(new TableColumns(name, columns)));
        return tables;
    }

    static List<String> commaList(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
    }

    private static String dotted(String catalog, String schema, String name) {
        StringBuilder b = new StringBuilder();
        for (String part : new String[] {catalog, schema, name}) {
            if (part != null && !part.isEmpty()) {
                b.append(b.isEmpty() ? "" : ".").append(part);
            }
        }
        return b.toString();
    }

    /**
     * Timestamps as the drivers return them: databricks-jdbc a {@link Timestamp} of the instant; DuckDB a
     * LocalDateTime holding UTC (TIMESTAMP) or an OffsetDateTime (TIMESTAMPTZ).
     */
    static Instant instant(Object value) {
        if (value instanceof Timestamp ts) {
            return ts.toInstant();
        }
        if (value instanceof OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof LocalDateTime ldt) {
            return ldt.toInstant(ZoneOffset.UTC);
        }
        if (value instanceof String text) {
            return OffsetDateTime.parse(text).toInstant();
        }
        throw new IllegalArgumentException("Not a timestamp: " + (value == null ? "null" : value.getClass().getName()));
    }

    /** Column positions by label, case-insensitively. */
    private record Columns(Map<String, Integer> byLabel) {

        static Columns of(ResultSet rs) throws SQLException {
            ResultSetMetaData md = rs.getMetaData();
            Map<String, Integer> labels = new LinkedHashMap<>();
            for (int i = 1; i <= md.getColumnCount(); i++) {
                labels.putIfAbsent(md.getColumnLabel(i).toLowerCase(Locale.ROOT), i);
            }
            return new Columns(labels);
        }

        int optional(String... candidates) {
            for (String candidate : candidates) {
                Integer index = byLabel.get(candidate.toLowerCase(Locale.ROOT));
                if (index != null) {
                    return index;
                }
            }
            return -1;
        }

        int require(String... candidates) throws SQLException {
            int index = optional(candidates);
            if (index < 0) {
                throw new SQLException("The result has no column " + String.join(" or ", candidates)
                        + "; it has " + byLabel.keySet());
            }
            return index;
        }
    }
}
