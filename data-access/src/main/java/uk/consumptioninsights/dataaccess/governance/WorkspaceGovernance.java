package uk.consumptioninsights.dataaccess.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;
import uk.consumptioninsights.dataaccess.query.ResultReader;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.dataaccess.workspace.LocalQueryEngine;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceAuditLog;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Governance of the local DuckDB workspace, from its own {@code meta} tables: grants, masks and row filters that
 * describe what the purpose views do, the local share, and the audit log of what the workbench read and exported.
 * The workspace owner may read all of it, so nothing here is ever {@link Restricted.Denied}; a recipient's copy of
 * a share has no grants or shares of its own and answers with empty lists.
 */
public final class WorkspaceGovernance implements GovernanceSource {

    private static final String GOLD = "gold";
    private static final Pattern GOLD_REFERENCE = Pattern.compile("\\bgold\\.\"?([a-z_][a-z0-9_]*)");

    private final LocalWorkspace workspace;

    public WorkspaceGovernance(LocalWorkspace workspace) {
        this.workspace = Objects.requireNonNull(workspace, "workspace");
    }

    @Override
    public Restricted<List<Grant>> grants(PurposeRole role) {
        List<String> views = goldNames(PurposeRelations.views(role));
        List<Object> parameters = new ArrayList<>(views);
        parameters.addAll(views);
        // The schema grant is inherited by every view under it, for the principals that read the role's views.
        return ask("grants", "SELECT principal, privilege AS actionType, object_type AS objectType, object_key AS objectKey"
                + " FROM meta.grants WHERE object_key IN (" + marks(views.size()) + ")"
                + " OR (object_type = 'SCHEMA' AND object_key = 'gold' AND principal IN"
                + " (SELECT principal FROM meta.grants WHERE object_key IN (" + marks(views.size()) + ")))"
                + " ORDER BY object_type = 'SCHEMA' DESC, object_key, principal, privilege", parameters,
                GovernanceMappers::showGrants);
    }

    @Override
    public Restricted<List<ColumnMask>> columnMasks(PurposeRole role) {
        List<String> tables = goldNames(PurposeRelations.viewsAndUnderlying(role));
        return ask("column masks", "SELECT table_name, column_name, mask_function, using_columns FROM meta.column_masks"
                + " WHERE table_name IN (" + marks(tables.size()) + ") ORDER BY table_name, column_name",
                new ArrayList<>(tables), rs -> {
                    List<ColumnMask> masks = new ArrayList<>();
                    while (rs.next()) {
                        masks.add(new ColumnMask(rs.getString(1), rs.getString(2), rs.getString(3),
                                GovernanceMappers.commaList(rs.getString(4))));
                    }
                    return masks;
                });
    }

    @Override
    public Restricted<List<RowFilter>> rowFilters(PurposeRole role) {
        List<String> tables = goldNames(PurposeRelations.viewsAndUnderlying(role));
        return ask("row filters", "SELECT table_name, filter_function, filter_columns FROM meta.row_filters"
                + " WHERE table_name IN (" + marks(tables.size()) + ") ORDER BY table_name",
                new ArrayList<>(tables), rs -> {
                    List<RowFilter> filters = new ArrayList<>();
                    while (rs.next()) {
                        filters.add(new RowFilter(rs.getString(1), rs.getString(2),
                                GovernanceMappers.commaList(rs.getString(3))));
                    }
                    return filters;
                });
    }

    /** Reads of the role's views, and exports made under the role, newest first. */
    @Override
    public Restricted<List<AuditEvent>> audit(PurposeRole role, int limit) {
        int rows = AuditLimit.check(limit);
        List<String> views = goldNames(PurposeRelations.views(role));
        List<Object> parameters = new ArrayList<>(views);
        parameters.add(role.name());
        return ask("audit log", "SELECT event_time_utc AS event_time, user_name AS email, action AS action_name,"
                + " object AS full_name_arg, status AS status_code, rows_read FROM meta.audit_log"
                + " WHERE (action = '" + WorkspaceAuditLog.READ + "' AND object IN (" + marks(views.size()) + "))"
                + " OR (action = '" + WorkspaceAuditLog.EXPORT + "' AND purpose = ?)"
                + " ORDER BY event_time_utc DESC, event_id DESC LIMIT " + rows, parameters,
                GovernanceMappers::auditEvents);
    }

    @Override
    public Restricted<List<TableColumns>> goldSchema() {
        return ask("gold schema", "SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_catalog = current_database() AND table_schema = ?"
                + " ORDER BY table_name, ordinal_position", List.of(GOLD), GovernanceMappers::tables);
    }

    @Override
    public Restricted<List<String>> shares() {
        return ask("shares", "SELECT share_name FROM meta.shares ORDER BY share_name", List.of(),
                GovernanceMappers::shareNames);
    }

    @Override
    public Restricted<List<SharedObject>> sharedObjects(String share) {
        return ask("shared objects", "SELECT name, object_type AS type, shared_object, partitions FROM meta.share_objects"
                + " WHERE share_name = ? ORDER BY name", List.of(share), rs -> GovernanceMappers.sharedObjects(share, rs));
    }

    @Override
    public Restricted<List<ShareGrant>> shareRecipients(String share) {
        return ask("share recipients", "SELECT recipient, privilege AS actionType FROM meta.share_recipients"
                + " WHERE share_name = ? ORDER BY recipient, privilege", List.of(share),
                rs -> GovernanceMappers.shareGrants(share, rs));
    }

    @Override
    public Restricted<TableColumns> sharedColumns(SharedObject object) {
        String[] parts = object.sharedFrom().split("\\.");
        if (parts.length != 2) {
            throw new IllegalArgumentException(object.sharedFrom() + " is not a schema.table name of the workspace");
        }
        return ask("shared columns", "SELECT table_name, column_name, data_type FROM information_schema.columns"
                + " WHERE table_catalog = current_database() AND table_schema = ? AND table_name = ?"
                + " ORDER BY ordinal_position", List.of(parts[0], parts[1]),
                rs -> new TableColumns(object.name(), GovernanceMappers.tables(rs).stream()
                        .flatMap(t -> t.columns().stream()).toList()));
    }

    /** From the engine's own view definitions: each gold view's SQL names the gold relations it reads. */
    @Override
    public Restricted<List<String>> sourceTables(String relation) {
        String sql = "SELECT view_name, sql FROM duckdb_views() WHERE schema_name = ? AND NOT internal";
        return ask("view definitions", sql, List.of(GOLD), rs -> {
            Map<String, List<String>> reads = new HashMap<>();
            while (rs.next()) {
                String view = GOLD + "." + rs.getString(1);
                List<String> sources = new ArrayList<>();
                Matcher m = GOLD_REFERENCE.matcher(rs.getString(2).toLowerCase(Locale.ROOT));
                while (m.find()) {
                    String source = GOLD + "." + m.group(1);
                    // The stored text is the whole CREATE VIEW statement, which names the view itself.
                    if (!source.equals(view) && !sources.contains(source)) {
                        sources.add(source);
                    }
                }
                reads.put(view, sources);
            }
            String start = relation.contains(".") ? relation : GOLD + "." + relation;
            return Lineage.baseOf(start, r -> reads.getOrDefault(r, List.of()));
        });
    }

    private <T> Restricted<T> ask(String what, String sql, List<Object> parameters, ResultReader<T> reader) {
        SqlQuery query = new SqlQuery(what.replace(' ', '-'), "read the " + what, null, sql, parameters);
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            JdbcParameters.bind(ps, query);
            try (ResultSet rs = ps.executeQuery()) {
                return new Restricted.Available<>(reader.read(rs), sql);
            }
        } catch (SQLException e) {
            throw LocalQueryEngine.failure(query.task(), e);
        }
    }

    private static List<String> goldNames(List<String> relations) {
        return relations.stream().map(r -> GOLD + "." + r).toList();
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }
}
