package uk.consumptioninsights.dataaccess.governance;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.provider.WarehouseSessions;
import uk.consumptioninsights.dataaccess.query.JdbcParameters;
import uk.consumptioninsights.dataaccess.query.ResultReader;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.query.SqlQuery;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * Governance from Unity Catalog on a Databricks SQL warehouse. Identifiers are backtick-quoted and every value
 * compared against is a {@code ?} parameter. What the identity may not read (a plain analyst may list only their own
 * grants, and the audit log needs an explicit grant on the system schema) comes back as {@link Restricted.Denied};
 * any other failure is thrown as the warehouse sessions' {@code ProviderException}.
 */
public final class WarehouseGovernance implements GovernanceSource {

    /** Runs JDBC work on a warehouse session: {@link WarehouseSessions#with} outside tests. */
    interface Sessions {
        <T> T with(WarehouseSessions.Work<T> work);
    }

    private static final Logger LOG = LoggerFactory.getLogger(WarehouseGovernance.class);
    private static final SqlDialect DIALECT = new SqlDialect.DatabricksSql();
    private static final String ASK_FOR_SELECT = "Ask the data owner for USE CATALOG and USE SCHEMA on ";

    private final Sessions sessions;
    private final Optional<String> catalog;
    private final String schema;

    public WarehouseGovernance(WarehouseSessions sessions, Optional<String> catalog, String goldSchema) {
        this(sessions::with, catalog, goldSchema);
    }

    WarehouseGovernance(Sessions sessions, Optional<String> catalog, String goldSchema) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.catalog = Objects.requireNonNull(catalog, "catalog").filter(c -> !c.isBlank());
        this.schema = Objects.requireNonNull(goldSchema, "goldSchema");
    }

    @Override
    public Restricted<List<Grant>> grants(PurposeRole role) {
        List<String> views = PurposeRelations.views(role);
        List<SqlQuery> shows = views.stream()
                .map(view -> query("show-grants", "SHOW GRANTS ON TABLE " + qualified(view), List.of()))
                .toList();
        SqlQuery ownGrants = query("table-privileges", "SELECT grantee, table_catalog, table_schema, table_name, "
                + "privilege_type, inherited_from FROM " + informationSchema("table_privileges")
                + " WHERE table_schema = ? AND table_name IN (" + marks(views.size()) + ")"
                + " ORDER BY table_name, grantee, privilege_type", withSchema(views));
        String shown = shows.stream().map(SqlQuery::sql).collect(Collectors.joining("; "));
        return sessions.with(connection -> {
            try {
                Set<Grant> grants = new LinkedHashSet<>();
                for (SqlQuery show : shows) {
                    grants.addAll(run(connection, show, GovernanceMappers::showGrants));
                }
                return new Restricted.Available<>(List.copyOf(grants), shown);
            } catch (SQLException e) {
                // Only an owner, MANAGE holder or admin may list everyone's grants; information_schema shows the
                // identity's own, which is still worth showing.
                requireDenial(e, true, shown);
            }
            try {
                return new Restricted.Available<>(run(connection, ownGrants, GovernanceMappers::tablePrivileges),
                        ownGrants.sql());
            } catch (SQLException e) {
                requireDenial(e, true, ownGrants.sql());
                return new Restricted.Denied<>("Your identity cannot list grants on " + displayNames(views)
                        + ". Ask the owner for MANAGE on them, or a workspace admin.", shown);
            }
        });
    }

    @Override
    public Restricted<List<ColumnMask>> columnMasks(PurposeRole role) {
        List<String> tables = PurposeRelations.viewsAndUnderlying(role);
        SqlQuery q = query("column-masks", "SELECT catalog_name, schema_name, table_name, column_name, mask_catalog, "
                + "mask_schema, mask_name, mask_col_usage FROM " + informationSchema("column_masks")
                + " WHERE schema_name = ? AND table_name IN (" + marks(tables.size()) + ")"
                + " ORDER BY table_name, column_name", withSchema(tables));
        return ask(q, true, "Your identity cannot read the column masks of " + namespace() + ". " + ASK_FOR_SELECT
                + namespace() + " and SELECT on the role's views.",
                GovernanceMappers::columnMasks);
    }

    @Override
    public Restricted<List<RowFilter>> rowFilters(PurposeRole role) {
        List<String> tables = PurposeRelations.viewsAndUnderlying(role);
        SqlQuery q = query("row-filters", "SELECT catalog_name, schema_name, table_name, filter_catalog, filter_schema, "
                + "filter_name, filter_col_usage FROM " + informationSchema("row_filters")
                + " WHERE schema_name = ? AND table_name IN (" + marks(tables.size()) + ")"
                + " ORDER BY table_name", withSchema(tables));
        return ask(q, true, "Your identity cannot read the row filters of " + namespace() + ". " + ASK_FOR_SELECT
                + namespace() + " and SELECT on the role's views.",
                GovernanceMappers::rowFilters);
    }

    /**
     * Unity Catalog's reads of the role's views in the last 90 days: the audit table holds a year of the whole
     * account's events, partitioned by event_date, so an unbounded scan would be slow and costly.
     */
    @Override
    public Restricted<List<AuditEvent>> audit(PurposeRole role, int limit) {
        int rows = AuditLimit.check(limit);
        List<String> views = PurposeRelations.views(role);
        String denied = "Your role cannot read the audit log: ask an account admin for USE SCHEMA and SELECT on "
                + "system.access.audit (the system.access schema must also be enabled).";
        return sessions.with(connection -> {
            List<Object> names = new ArrayList<>();
            String cat = catalog.isPresent() ? catalog.get() : currentCatalog(connection);
            for (String view : views) {
                names.add(cat + "." + schema + "." + view);
            }
            SqlQuery q = query("audit", "SELECT event_time, user_identity.email AS email, action_name, "
                    + "request_params['full_name_arg'] AS full_name_arg, response.status_code AS status_code"
                    + " FROM system.access.audit"
                    + " WHERE event_date >= date_sub(current_date(), 90) AND service_name = 'unityCatalog'"
                    + " AND request_params['full_name_arg'] IN (" + marks(names.size()) + ")"
                    + " ORDER BY event_time DESC LIMIT " + rows, names);
            return attempt(connection, q, true, denied, GovernanceMappers::auditEvents);
        });
    }

    @Override
    public Restricted<List<TableColumns>> goldSchema() {
        SqlQuery q = query("gold-columns", "SELECT table_name, column_name, full_data_type, data_type FROM "
                + informationSchema("columns") + " WHERE table_schema = ? ORDER BY table_name, ordinal_position",
                List.of(schema));
        return ask(q, true, "Your identity cannot list the tables of " + namespace() + ". " + ASK_FOR_SELECT
                + namespace() + ".", GovernanceMappers::tables);
    }

    @Override
    public Restricted<List<String>> shares() {
        SqlQuery q = query("shares", "SHOW SHARES", List.of());
        return ask(q, true, shareDenial("list the shares"), GovernanceMappers::shareNames);
    }

    @Override
    public Restricted<List<SharedObject>> sharedObjects(String share) {
        SqlQuery q = query("share-contents", "SHOW ALL IN SHARE " + DIALECT.quote(share), List.of());
        return ask(q, true, shareDenial("list what share " + share + " holds"),
                rs -> GovernanceMappers.sharedObjects(share, rs));
    }

    @Override
    public Restricted<List<ShareGrant>> shareRecipients(String share) {
        SqlQuery q = query("share-recipients", "SHOW GRANTS ON SHARE " + DIALECT.quote(share), List.of());
        return ask(q, true, shareDenial("list the recipients of share " + share),
                rs -> GovernanceMappers.shareGrants(share, rs));
    }

    @Override
    public Restricted<TableColumns> sharedColumns(SharedObject object) {
        String[] parts = object.sharedFrom().split("\\.");
        if (parts.length != 3) {
            throw new IllegalArgumentException(object.sharedFrom() + " is not a catalog.schema.table name");
        }
        SqlQuery q = query("shared-columns", "SELECT table_name, column_name, full_data_type, data_type FROM "
                + DIALECT.quote(parts[0]) + ".`information_schema`.`columns`"
                + " WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position", List.of(parts[1], parts[2]));
        return ask(q, true, "Your identity cannot list the columns of " + object.sharedFrom() + ". "
                + ASK_FOR_SELECT + parts[0] + "." + parts[1] + ", and SELECT on it.",
                rs -> new TableColumns(object.name(), GovernanceMappers.tables(rs).stream()
                        .flatMap(t -> t.columns().stream()).toList()));
    }

    /**
     * From Unity Catalog's lineage ({@code system.access.table_lineage}), followed down to the tables that read
     * nothing further. Needs SELECT on the system schema, like the audit log.
     */
    @Override
    public Restricted<List<String>> sourceTables(String relation) {
        String sql = "SELECT DISTINCT source_table_full_name FROM system.access.table_lineage"
                + " WHERE target_table_full_name = ? AND source_table_full_name IS NOT NULL"
                + " ORDER BY source_table_full_name";
        return sessions.with(connection -> {
            try {
                List<String> bases = Lineage.baseOf(relation, target -> run(connection,
                        query("lineage", sql, List.of(target)), rs -> {
                            List<String> sources = new ArrayList<>();
                            while (rs.next()) {
                                sources.add(rs.getString(1));
                            }
                            return sources;
                        }));
                return new Restricted.Available<>(bases, sql);
            } catch (SQLException e) {
                requireDenial(e, true, sql);
                return new Restricted.Denied<>("Your role cannot read table lineage: ask an account admin for USE "
                        + "SCHEMA and SELECT on system.access.table_lineage.", sql);
            }
        });
    }

    private static String shareDenial(String what) {
        return "Your identity cannot " + what + ": that needs ownership of the share, USE SHARE, or a metastore "
                + "admin. Ask a metastore admin.";
    }

    private <T> Restricted<T> ask(SqlQuery q, boolean unityCatalogOnly, String denied, ResultReader<T> reader) {
        return sessions.with(connection -> attempt(connection, q, unityCatalogOnly, denied, reader));
    }

    private static <T> Restricted<T> attempt(Connection connection, SqlQuery q, boolean unityCatalogOnly, String denied,
                                             ResultReader<T> reader) throws SQLException {
        try {
            return new Restricted.Available<>(run(connection, q, reader), q.sql());
        } catch (SQLException e) {
            requireDenial(e, unityCatalogOnly, q.sql());
            return new Restricted.Denied<>(denied, q.sql());
        }
    }

    /** Returns when {@code e} means "not for this identity"; throws it on otherwise. */
    private static void requireDenial(SQLException e, boolean unityCatalogOnly, String sql) throws SQLException {
        Optional<Denials.Reason> reason = Denials.of(e, unityCatalogOnly);
        if (reason.isEmpty()) {
            throw e;
        }
        LOG.info("Governance statement refused ({}): {}", reason.get(), sql);
    }

    private static <T> T run(Connection connection, SqlQuery q, ResultReader<T> reader) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement(q.sql())) {
            JdbcParameters.bind(ps, q);
            try (ResultSet rs = ps.executeQuery()) {
                return reader.read(rs);
            }
        }
    }

    private static String currentCatalog(Connection connection) throws SQLException {
        try (PreparedStatement ps = connection.prepareStatement("SELECT current_catalog()");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static SqlQuery query(String name, String sql, List<Object> parameters) {
        return new SqlQuery(name, "read governance (" + name + ")", null, sql, parameters);
    }

    private List<Object> withSchema(List<String> names) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(schema);
        parameters.addAll(names);
        return Collections.unmodifiableList(parameters);
    }

    private static String marks(int n) {
        return String.join(", ", Collections.nCopies(n, "?"));
    }

    private String qualified(String relation) {
        String q = DIALECT.quote(schema) + "." + DIALECT.quote(relation);
        return catalog.map(c -> DIALECT.quote(c) + "." + q).orElse(q);
    }

    private String informationSchema(String view) {
        String q = "`information_schema`." + DIALECT.quote(view);
        return catalog.map(c -> DIALECT.quote(c) + "." + q).orElse(q);
    }

    /** catalog.schema, unquoted, for messages. */
    private String namespace() {
        return catalog.map(c -> c + ".").orElse("") + schema;
    }

    private String displayName(String relation) {
        return namespace() + "." + relation;
    }

    private String displayNames(List<String> relations) {
        return relations.stream().map(this::displayName).collect(Collectors.joining(", "));
    }
}
