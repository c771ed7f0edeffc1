package uk.consumptioninsights.dataaccess.recipient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.TreeMap;
import uk.consumptioninsights.dataaccess.sharing.ChangeAction;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.DownloadedFile;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

/**
 * Test fixture: a shared half-hourly consumption table (partitioned by settlement date) served from local Parquet
 * files that DuckDB writes, version by version: each version's snapshot and the change files that lead to it. Rows are
 * written as {@code row(...)} literals; change data files carry {@code _change_type}.
 */
final class FixtureChangeFeed implements ChangeFeed {

    static final SharedTable TABLE = new SharedTable("elexon", "curated", "consumption_half_hourly");
    static final TableMetadata METADATA = new TableMetadata("table-id", 1, List.of(
            new DeltaColumn("mpan_pseudonym", "string", true, "VARCHAR"),
            new DeltaColumn("gsp_group", "string", true, "VARCHAR"),
            new DeltaColumn("settlement_date", "date", true, "DATE"),
            new DeltaColumn("settlement_period", "integer", true, "INTEGER"),
            new DeltaColumn("interval_start_utc", "timestamp", true, "TIMESTAMPTZ"),
            new DeltaColumn("kwh", "double", true, "DOUBLE")), List.of("settlement_date"), OptionalLong.empty(),
            OptionalLong.empty());

    private final Path dir;
    private final Map<Long, List<DownloadedFile>> snapshots = new TreeMap<>();
    private final Map<Long, List<DownloadedChange>> changes = new TreeMap<>();
    private boolean changeDataFeed = true;
    private long oldestChangeKept = 0;
    private int changeCalls;
    private int snapshotCalls;
    private int fileCount;

    FixtureChangeFeed(Path dir) {
        this.dir = dir;
    }

    static final String D1 = "2026-10-01";
    static final String D2 = "2026-10-02";
    static final String D3 = "2026-10-03";

    /**
     * Four versions. 1: two days, a duplicated row, a row with NULLs. 2 (change data): an insert, another copy of the
     * duplicate and one copy deleted, two updates (one of the NULL row). 3 (no change data): day 2's file rewritten
     * (remove + add) and a new day added. 4 (change data): the row inserted at 2 deleted, one inserted. Version 4's
     * snapshot holds what the changes lead to.
     */
    static FixtureChangeFeed fourVersions(Path dir) throws SQLException {
        return new FixtureChangeFeed(dir)
                .snapshotFile(1, D1, row("mp_a", "_A", 1, 1.0), row("mp_a", "_A", 2, 2.0), row("mp_b", "_B", 1, 3.0),
                        row("mp_b", "_B", 1, 3.0))
                .snapshotFile(1, D2, row("mp_c", null, 1, null), row("mp_a", "_A", 1, 4.0))
                .changeFile(2, ChangeAction.CDF, D1, change("insert", "mp_d", "_A", 1, 5.0),
                        change("insert", "mp_b", "_B", 1, 3.0), change("update_preimage", "mp_a", "_A", 2, 2.0),
                        change("update_postimage", "mp_a", "_A", 2, 2.5), change("delete", "mp_b", "_B", 1, 3.0))
                .changeFile(2, ChangeAction.CDF, D2, change("update_preimage", "mp_c", null, 1, null),
                        change("update_postimage", "mp_c", "_C", 1, 0.7))
                .changeFile(3, ChangeAction.REMOVE, D2, row("mp_c", "_C", 1, 0.7), row("mp_a", "_A", 1, 4.0))
                .changeFile(3, ChangeAction.ADD, D2, row("mp_c", "_C", 1, 0.75))
                .changeFile(3, ChangeAction.ADD, D3, row("mp_f", "_A", 1, 1.1), row("mp_f", "_A", 2, 1.2))
                .changeFile(4, ChangeAction.CDF, D1, change("delete", "mp_d", "_A", 1, 5.0))
                .changeFile(4, ChangeAction.CDF, D3, change("insert", "mp_e", "_B", 48, 9.9))
                .snapshotFile(4, D1, row("mp_a", "_A", 1, 1.0), row("mp_a", "_A", 2, 2.5), row("mp_b", "_B", 1, 3.0),
                        row("mp_b", "_B", 1, 3.0))
                .snapshotFile(4, D2, row("mp_c", "_C", 1, 0.75))
                .snapshotFile(4, D3, row("mp_f", "_A", 1, 1.1), row("mp_f", "_A", 2, 1.2), row("mp_e", "_B", 48, 9.9));
    }

    /** A row without its settlement date (a partition value): meter, GSP group (or null), period, kWh (or null). */
    static String row(String meter, String gsp, int period, Double kwh) {
        return "(" + literal(meter) + ", " + literal(gsp) + ", " + period + ", TIMESTAMPTZ '2026-10-01 00:00:00+00' + "
                + "INTERVAL (" + (period * 30) + ") MINUTE, " + (kwh == null ? "NULL" : kwh) + ")";
    }

    /** A change data row: {@link #row} and its {@code _change_type}. */
    static String change(String type, String meter, String gsp, int period, Double kwh) {
        String row = row(meter, gsp, period, kwh);
        return row.substring(0, row.length() - 1) + ", '" + type + "')";
    }

    /** Adds a data file of {@code version}'s snapshot. */
    FixtureChangeFeed snapshotFile(long version, String date, String... rows) throws SQLException {
        Path file = write(List.of(rows), false);
        snapshots.computeIfAbsent(version, v -> new ArrayList<>()).add(
                new DownloadedFile(shared(file, date, rows.length), file, false));
        return this;
    }

    /** Adds a change file of {@code version}: ADD/REMOVE files hold plain rows, CDF files {@link #change} rows. */
    FixtureChangeFeed changeFile(long version, ChangeAction action, String date, String... rows) throws SQLException {
        Path file = write(List.of(rows), action == ChangeAction.CDF);
        changes.computeIfAbsent(version, v -> new ArrayList<>()).add(new DownloadedChange(
                new ChangeFile(shared(file, date, rows.length), action, version, 1_790_000_000_000L + version), file));
        return this;
    }

    FixtureChangeFeed withoutChangeDataFeed() {
        changeDataFeed = false;
        return this;
    }

    /** The provider keeps changes from this version on only. */
    FixtureChangeFeed keepingChangesFrom(long version) {
        oldestChangeKept = version;
        return this;
    }

    int changeCalls() {
        return changeCalls;
    }

    int snapshotCalls() {
        return snapshotCalls;
    }

    /** The snapshot of {@code version}, as the protocol client would have downloaded it. */
    DownloadedTable snapshotAt(long version) {
        List<DownloadedFile> files = snapshots.get(version);
        TableSnapshot snapshot = new TableSnapshot(TABLE, METADATA, version, files.stream().map(DownloadedFile::file).toList());
        return new DownloadedTable(snapshot, files, files.stream().mapToLong(f -> f.file().size()).sum(), 0);
    }

    /** The change files of versions {@code from}..{@code to}. */
    DownloadedChanges changesBetween(long from, long to) {
        List<DownloadedChange> files = changes.entrySet().stream().filter(e -> e.getKey() >= from && e.getKey() <= to)
                .flatMap(e -> e.getValue().stream()).toList();
        TableChanges answer = new TableChanges(TABLE, METADATA, from, to, files.stream().map(DownloadedChange::change).toList());
        return new DownloadedChanges(answer, files, answer.totalBytes());
    }

    @Override
    public long currentVersion(SharedTable table, Progress progress) {
        return ((TreeMap<Long, List<DownloadedFile>>) snapshots).lastKey();
    }

    @Override
    public boolean hasChangeDataFeed(SharedTable table, Progress progress) {
        return changeDataFeed;
    }

    @Override
    public DownloadedChanges changes(SharedTable table, long startingVersion, long endingVersion, Progress progress)
            throws ChangeHistoryUnavailable {
        changeCalls++;
        if (!changeDataFeed || startingVersion < oldestChangeKept) {
            throw new ChangeHistoryUnavailable("The provider keeps the changes of " + table.qualifiedName()
                    + " from version " + oldestChangeKept + " on only");
        }
        return changesBetween(startingVersion, endingVersion);
    }

    @Override
    public OptionalLong expectedRows(SharedTable table, long version, Progress progress) {
        return OptionalLong.of(snapshots.get(version).stream().mapToLong(f -> f.file().numRecords().orElseThrow()).sum());
    }

    @Override
    public DownloadedTable snapshot(SharedTable table, Progress progress) {
        snapshotCalls++;
        return snapshotAt(currentVersion(table, progress));
    }

    private SharedFile shared(Path file, String date, long rows) {
        try {
            return new SharedFile(file.getFileName().toString(), "https://storage.example/" + file.getFileName()
                    + "?X-Amz-Signature=secret", Map.of("settlement_date", date), Files.size(file), OptionalLong.of(rows),
                    OptionalLong.empty());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private Path write(List<String> rows, boolean withChangeType) throws SQLException {
        Path file = dir.resolve("part-" + (++fileCount) + ".parquet");
        String columns = "mpan_pseudonym, gsp_group, settlement_period, interval_start_utc, kwh"
                + (withChangeType ? ", _change_type" : "");
        String select = "SELECT mpan_pseudonym::VARCHAR AS mpan_pseudonym, gsp_group::VARCHAR AS gsp_group, "
                + "settlement_period::INTEGER AS settlement_period, interval_start_utc::TIMESTAMPTZ AS interval_start_utc, "
                + "kwh::DOUBLE AS kwh" + (withChangeType ? ", _change_type::VARCHAR AS _change_type" : "")
                + (rows.isEmpty() ? " FROM (SELECT NULL AS mpan_pseudonym, NULL AS gsp_group, NULL AS settlement_period, "
                        + "NULL AS interval_start_utc, NULL AS kwh, NULL AS _change_type) WHERE false"
                        : " FROM (VALUES " + String.join(", ", rows) + ") v(" + columns + ")");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("COPY (" + select + ") TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }

    private static String literal(String text) {
        return text == null ? "NULL" : "'" + text.replace("'", "''") + "'";
    }

    /** Every row of {@code table} in a workspace, as text, sorted: to compare two copies row for row. */
    static List<String> rowsOf(Connection c, String table) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT CAST(t AS VARCHAR) AS r FROM " + table + " t ORDER BY r")) {
            while (rs.next()) {
                rows.add(rs.getString(1));
            }
        }
        return rows;
    }
}
