package uk.consumptioninsights.dataaccess.recipient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import uk.consumptioninsights.dataaccess.source.SourceException;

/**
 * Copies one downloaded shared table into a DuckDB table with the columns the workbench reads: values from the Parquet
 * files, partition values from the share (typed by the schema, empty meaning NULL), file columns matched to the
 * schema's names case-insensitively, columns a file lacks read as NULL. The row count is checked against the share's
 * own count when it gave one, so a short load is never taken for the table.
 */
public final class SharedTableImport {

    private SharedTableImport() {
    }

    /** Replaces {@code target} (e.g. {@code shared.consumption_half_hourly}) inside the caller's transaction. */
    public static long into(Connection c, String target, SharedTableKind kind, SharedTableFiles table) throws SQLException {
        requireReadable(kind, table);
        if (table.files().isEmpty()) {
            createEmpty(c, target, kind);
            return 0;
        }
        Projection projection = project(c, kind, table);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + target + " AS SELECT " + projection.columns() + " FROM "
                    + projection.from());
        }
        projection.drop(c);
        long rows = count(c, target);
        if (table.expectedRows().isPresent() && table.expectedRows().getAsLong() != rows) {
            throw new SourceException("The shared table " + table.title() + " should have "
                    + table.expectedRows().getAsLong() + " rows but its downloaded files hold " + rows
                    + ". Nothing was replaced; open the share again to download it afresh.");
        }
        return rows;
    }

    /** Refuses a table that lacks a column the workbench needs, naming it. */
    static void requireReadable(SharedTableKind kind, SharedTableFiles table) {
        List<String> missing = kind.missingFrom(table.columns());
        if (!missing.isEmpty()) {
            throw new SourceException("The shared table " + table.title() + " cannot be read as "
                    + kind.displayName().toLowerCase(Locale.ROOT) + ": it has no " + String.join(", ", missing)
                    + " column. Ask the provider which table of the share holds it.");
        }
    }

    /**
     * The rows of a table's (non-empty) files in the workbench's columns: {@code SELECT columns FROM from}, where
     * {@code p} is the Parquet relation (with {@code p.filename}) for callers that need more of each file.
     *
     * @param columns     the kind's columns, typed and named as the local table's
     * @param from        the Parquet files, joined to their partition values when the table is partitioned
     * @param fileColumns every column name the files hold, lower-cased
     */
    record Projection(String columns, String from, List<String> fileColumns, boolean partitioned) {

        /** Drops the partition values' temporary table, once the statement using {@link #from} has run. */
        void drop(Connection c) throws SQLException {
            if (partitioned) {
                try (Statement st = c.createStatement()) {
                    st.execute("DROP TABLE file_partitions");
                }
            }
        }
    }

    static Projection project(Connection c, SharedTableKind kind, SharedTableFiles table) throws SQLException {
        Map<String, SharedColumn> declared = new HashMap<>();
        for (SharedColumn column : table.columns()) {
            declared.put(column.name().toLowerCase(Locale.ROOT), column);
        }
        List<String> partitions = table.partitionColumns().stream().map(p -> p.toLowerCase(Locale.ROOT)).toList();
        String files = table.files().stream().map(f -> quote(f.path().toAbsolutePath().toString()))
                .collect(Collectors.joining(", ", "[", "]"));
        List<String> inFiles = fileColumns(c, files);
        if (!partitions.isEmpty()) {
            filePartitions(c, table, partitions);
        }
        List<String> select = new ArrayList<>();
        for (SharedTableKind.Expected e : kind.columns()) {
            String value;
            if (partitions.contains(e.name())) {
                value = "CAST(nullif(fp." + ident(e.name()) + ", '') AS " + declared.get(e.name()).duckdbType() + ")";
            } else if (declared.containsKey(e.name()) && inFiles.contains(e.name())) {
                value = "p." + ident(e.name());
            } else {
                value = "NULL";
            }
            select.add("CAST(" + value + " AS " + e.localType() + ") AS " + ident(e.name()));
        }
        String from = "read_parquet(" + files + ", filename = true, union_by_name = true) p"
                + (partitions.isEmpty() ? "" : " JOIN file_partitions fp ON fp.file = p.filename");
        return new Projection(String.join(", ", select), from, inFiles, !partitions.isEmpty());
    }

    private static void createEmpty(Connection c, String target, SharedTableKind kind) throws SQLException {
        String columns = kind.columns().stream().map(e -> ident(e.name()) + " " + e.localType())
                .collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TABLE " + target + " (" + columns + ")");
        }
    }

    /** The column names the files hold, lower-cased (DuckDB binds names case-insensitively). */
    private static List<String> fileColumns(Connection c, String files) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet(" + files + ", union_by_name = true)")) {
            while (rs.next()) {
                names.add(rs.getString(1).toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** One row per file: its path and its partition values as the share wrote them. */
    private static void filePartitions(Connection c, SharedTableFiles table, List<String> partitions) throws SQLException {
        String columns = partitions.stream().map(p -> ident(p) + " VARCHAR").collect(Collectors.joining(", "));
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE file_partitions (file VARCHAR, " + columns + ")");
        }
        String marks = "?" + ", ?".repeat(partitions.size());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO file_partitions VALUES (" + marks + ")")) {
            for (SharedTableFiles.LocalFile file : table.files()) {
                Map<String, String> values = new HashMap<>();
                file.partitionValues().forEach((k, v) -> values.put(k.toLowerCase(Locale.ROOT), v));
                ps.setString(1, file.path().toAbsolutePath().toString());
                for (int i = 0; i < partitions.size(); i++) {
                    ps.setString(i + 2, values.get(partitions.get(i)));
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    static long count(Connection c, String target) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM " + target)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static String quote(String text) {
        return "'" + text.replace("'", "''") + "'";
    }

    static String ident(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }
}
