package uk.consumptioninsights.dataaccess.recipient;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.stream.Collectors;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.model.work.Progress;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

/**
 * Applies a shared table's change data feed to its local copy in one transaction: rows of {@code add} files and
 * {@code insert}/{@code update_postimage} rows are added, rows of {@code remove} files and
 * {@code delete}/{@code update_preimage} rows each remove one equal row (all columns equal, NULLs equal), commit by
 * commit. Everything is set-based in DuckDB: the files are staged with {@code read_parquet}, the net change of each
 * distinct row is computed per commit, and only those rows are deleted or added, so a large table with few changes is
 * touched only where it changed.
 */
public final class SharedTableChanges {

    /** Beyond this many values of a partition column, the whole table is joined: the list would cost more than it saves. */
    private static final int MAX_LISTED_PARTITIONS = 400;

    private static final String ADDS = "('insert', 'update_postimage')";
    private static final String CHANGE_TYPE = "_change_type";
    private static final String KNOWN = "('insert', 'update_postimage', 'delete', 'update_preimage')";

    private SharedTableChanges() {
    }

    /**
     * @param expectedRows the share's row count at {@code changes}' ending version, when it gave one: the copy must
     *                     hold exactly that many rows afterwards
     * @throws ChangesRejected when the changes do not fit the copy; nothing was changed
     */
    public static ShareRefresh apply(LocalWorkspace workspace, RecipientTable table, DownloadedChanges downloaded,
                                     OptionalLong expectedRows, Clock clock, Progress progress)
            throws SQLException, ChangesRejected {
        progress.checkCancelled();
        Instant started = clock.instant();
        TableChanges changes = downloaded.changes();
        String title = changes.table().qualifiedName();
        long from = changes.startingVersion() - 1;
        return WorkspaceTransaction.run(workspace, c -> {
            Map<String, String> info = RecipientLoad.info(c);
            String cached = info.get(table.versionKey());
            if (!title.equals(info.get(table.tableKey())) || cached == null || Long.parseLong(cached) != from) {
                throw new ChangesRejected("The changes of " + title + " start after version " + from + ", but the local "
                        + "copy holds " + (cached == null ? "no version" : "version " + cached) + " of "
                        + info.getOrDefault(table.tableKey(), "no shared table") + ". Nothing was changed; refresh the "
                        + "whole table instead.", "the local copy is not at the version the changes start from");
            }
            Counts counts = downloaded.files().isEmpty() ? new Counts(0, 0, 0) : applyFiles(c, table, downloaded, progress);
            progress.checkCancelled();
            long rows = SharedTableImport.count(c, table.localName());
            if (expectedRows.isPresent() && expectedRows.getAsLong() != rows) {
                throw new ChangesRejected("After applying the changes of " + title + " up to version "
                        + changes.endingVersion() + " the local copy would hold " + rows + " rows, but the share holds "
                        + expectedRows.getAsLong() + ". Nothing was changed: the local copy has drifted from the share, "
                        + "so it needs a full refresh.", "the row count after the changes differed from the share's");
            }
            if (table == RecipientTable.CONSUMPTION && counts.changed() > 0) {
                try (Statement st = c.createStatement()) {
                    // Local detections were computed on the readings before.
                    st.execute("DELETE FROM gold.anomalies");
                }
            }
            RecipientLoad.putInfo(c, Map.of(table.versionKey(), Long.toString(changes.endingVersion()),
                    "loaded_at_utc", clock.instant().toString()));
            ShareRefresh refresh = new ShareRefresh(title, clock.instant(), OptionalLong.of(from),
                    changes.endingVersion(), RefreshMode.CHANGES, counts.inserted(), counts.deleted(), counts.updated(),
                    OptionalLong.of(downloaded.bytesDownloaded()),
                    Duration.between(started, clock.instant()).toNanos() / 1e9, "");
            ShareRefreshes.record(c, refresh);
            return refresh;
        });
    }

    /** Rows the change files insert, delete and update; an update (pre- and post-image) counts once. */
    private record Counts(long inserted, long deleted, long updated) {
        long changed() {
            return inserted + deleted + updated;
        }
    }

    private static Counts applyFiles(Connection c, RecipientTable table, DownloadedChanges downloaded, Progress progress)
            throws SQLException, ChangesRejected {
        String title = downloaded.changes().table().qualifiedName();
        progress.report(0.1, "Reading the changes of " + title + "…");
        stage(c, table, downloaded);
        progress.checkCancelled();
        Counts counts = counts(c);
        List<String> names = table.kind().columns().stream().map(e -> SharedTableImport.ident(e.name())).toList();
        String columns = String.join(", ", names);
        String local = table.localName();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE change_net AS SELECT " + columns + ", _commit_version, "
                    + "sum(CASE WHEN _change_type IN " + ADDS + " THEN 1 ELSE -1 END)::BIGINT AS delta "
                    + "FROM staged_changes GROUP BY ALL");
        }
        List<String> partitionColumns = downloaded.changes().metadata().partitionColumns();
        String touched = touchedPartitions(c, table, partitionColumns, "");
        try (Statement st = c.createStatement()) {
            // The one pass over the local table: the rows equal to a changed row, by rowid. Everything after works on
            // these few rows; rowids stay put within the transaction.
            st.execute("CREATE OR REPLACE TEMP TABLE change_matches AS SELECT t.rowid AS rid, " + qualified("t", names)
                    + " FROM (SELECT rowid, * FROM " + local + " WHERE " + touched + ") t SEMI JOIN (SELECT DISTINCT "
                    + columns + " FROM change_net) k ON " + same("t", "k", names));
            // How many copies of each changed row the local table holds now.
            st.execute("CREATE OR REPLACE TEMP TABLE change_held AS SELECT " + qualified("k", names)
                    + ", count(m.rid) AS held FROM (SELECT DISTINCT " + columns + " FROM change_net) k LEFT JOIN "
                    + "change_matches m ON " + same("m", "k", names) + " GROUP BY ALL");
        }
        progress.report(0.5, "Checking the changes of " + title + " against the local copy…");
        refuseMissingRows(c, title, names);
        progress.checkCancelled();
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE change_totals AS SELECT " + columns + ", sum(delta)::BIGINT AS net "
                    + "FROM change_net GROUP BY ALL HAVING sum(delta) <> 0");
            // Of a row held n times that loses k copies, any k go: the copies are equal in every column.
            st.execute("DELETE FROM " + local + " WHERE rowid IN (SELECT rid FROM (SELECT m.rid, "
                    + "row_number() OVER (PARTITION BY " + qualified("m", names) + ") AS copy, -x.net AS surplus FROM "
                    + "change_matches m JOIN change_totals x ON " + same("m", "x", names) + " WHERE x.net < 0) "
                    + "WHERE copy <= surplus)");
            st.execute("INSERT INTO " + local + " (" + columns + ") SELECT " + columns + " FROM (SELECT " + columns
                    + ", unnest(range(net)) FROM change_totals WHERE net > 0)");
        }
        progress.report(0.9, "Applied the changes of " + title);
        return counts;
    }

    /**
     * Stages every change file's rows in the workbench's columns with their commit version and change type: add and
     * remove files say it by their action, change data files per row (or, from some servers, in their partition
     * values). Partition values become columns as for a snapshot.
     */
    private static void stage(Connection c, RecipientTable table, DownloadedChanges downloaded)
            throws SQLException, ChangesRejected {
        SharedTableFiles files = asTableFiles(downloaded);
        SharedTableImport.requireReadable(table.kind(), files);
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE change_files (file VARCHAR, commit_version BIGINT, "
                    + "action VARCHAR, change_type VARCHAR)");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO change_files VALUES (?, ?, ?, ?)")) {
            for (DownloadedChange file : downloaded.files()) {
                ps.setString(1, file.path().toAbsolutePath().toString());
                ps.setLong(2, file.change().commitVersion());
                ps.setString(3, file.change().action().name());
                ps.setString(4, file.change().file().partitionValues().get(CHANGE_TYPE));
                ps.addBatch();
            }
            ps.executeBatch();
        }
        SharedTableImport.Projection rows = SharedTableImport.project(c, table.kind(), files);
        String inFile = rows.fileColumns().contains(CHANGE_TYPE) ? "CAST(p." + CHANGE_TYPE + " AS VARCHAR)" : "NULL";
        try (Statement st = c.createStatement()) {
            st.execute("CREATE OR REPLACE TEMP TABLE staged_changes AS SELECT " + rows.columns()
                    + ", cf.commit_version AS _commit_version, CASE cf.action WHEN 'ADD' THEN 'insert' "
                    + "WHEN 'REMOVE' THEN 'delete' ELSE coalesce(" + inFile + ", cf.change_type) END AS _change_type "
                    + "FROM " + rows.from() + " JOIN change_files cf ON cf.file = p.filename");
        }
        rows.drop(c);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT min(_commit_version), count(*) "
                + "FROM staged_changes WHERE _change_type IS NULL OR _change_type NOT IN " + KNOWN)) {
            rs.next();
            if (rs.getLong(2) > 0) {
                String title = downloaded.changes().table().qualifiedName();
                throw new ChangesRejected("The changes of " + title + " at version " + rs.getLong(1) + " have "
                        + rs.getLong(2) + " rows without a known change type (insert, delete, update). Nothing was "
                        + "changed; refresh the whole table instead.", "the changes had rows of unknown change type");
            }
        }
    }

    private static SharedTableFiles asTableFiles(DownloadedChanges downloaded) {
        TableChanges changes = downloaded.changes();
        List<SharedColumn> columns = changes.metadata().columns().stream().filter(DeltaColumn::supported)
                .map(col -> new SharedColumn(col.name(), col.duckdbType())).toList();
        List<SharedTableFiles.LocalFile> files = downloaded.files().stream()
                .map(f -> new SharedTableFiles.LocalFile(f.path(), f.change().file().partitionValues())).toList();
        return new SharedTableFiles(changes.table().qualifiedName(), changes.endingVersion(), columns,
                changes.metadata().partitionColumns(), files, OptionalLong.empty());
    }

    private static Counts counts(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT "
                + "count(*) FILTER (WHERE _change_type = 'insert'), count(*) FILTER (WHERE _change_type = 'delete'), "
                + "count(*) FILTER (WHERE _change_type = 'update_postimage') FROM staged_changes")) {
            rs.next();
            return new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3));
        }
    }

    /**
     * Refuses changes that, at some commit, remove more copies of a row than the local copy then holds: the copy has
     * drifted from the share, and only a snapshot can bring it back.
     */
    private static void refuseMissingRows(Connection c, String title, List<String> names)
            throws SQLException, ChangesRejected {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT _commit_version, count(*) FROM "
                + "(SELECT n._commit_version, h.held + sum(n.delta) OVER (PARTITION BY " + qualified("n", names)
                + " ORDER BY n._commit_version) AS running FROM change_net n JOIN change_held h ON "
                + same("n", "h", names) + ") WHERE running < 0 GROUP BY 1 ORDER BY 1 LIMIT 1")) {
            if (rs.next()) {
                long rows = rs.getLong(2);
                throw new ChangesRejected("The local copy of " + title + " has drifted from the share: version "
                        + rs.getLong(1) + " removes " + rows + (rows == 1 ? " row" : " rows") + " the copy does not "
                        + "hold. Nothing was changed; the whole table needs to be refreshed from the share.",
                        "the local copy had drifted from the share");
            }
        }
    }

    /**
     * A filter on the local table to the partitions the changes touch (each partition column's values, as constants, so
     * DuckDB skips the row groups of other days instead of joining every row); {@code true} when the table has no
     * partition column the workbench keeps, or the changes touch too many values to list.
     */
    private static String touchedPartitions(Connection c, RecipientTable table, List<String> partitionColumns,
                                            String alias) throws SQLException {
        List<String> filters = new ArrayList<>();
        for (SharedTableKind.Expected column : table.kind().columns()) {
            boolean partition = partitionColumns.stream().anyMatch(p -> p.equalsIgnoreCase(column.name()));
            if (!partition) {
                continue;
            }
            String name = SharedTableImport.ident(column.name());
            List<String> values = new ArrayList<>();
            boolean nulls = false;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT DISTINCT CAST(" + name
                    + " AS VARCHAR) FROM change_net LIMIT " + (MAX_LISTED_PARTITIONS + 1))) {
                while (rs.next()) {
                    String value = rs.getString(1);
                    if (value == null) {
                        nulls = true;
                    } else {
                        values.add("CAST('" + value.replace("'", "''") + "' AS " + column.localType() + ")");
                    }
                }
            }
            if (values.size() + (nulls ? 1 : 0) > MAX_LISTED_PARTITIONS) {
                continue;
            }
            String local = alias + name;
            String in = values.isEmpty() ? "false" : local + " IN (" + String.join(", ", values) + ")";
            filters.add("(" + in + (nulls ? " OR " + local + " IS NULL" : "") + ")");
        }
        return filters.isEmpty() ? "true" : String.join(" AND ", filters);
    }

    private static String qualified(String alias, List<String> names) {
        return names.stream().map(n -> alias + "." + n).collect(Collectors.joining(", "));
    }

    /** Every column equal, NULL equal to NULL, as a row of the table equals another. */
    private static String same(String left, String right, List<String> names) {
        return names.stream().map(n -> left + "." + n + " IS NOT DISTINCT FROM " + right + "." + n)
                .collect(Collectors.joining(" AND "));
    }
}
