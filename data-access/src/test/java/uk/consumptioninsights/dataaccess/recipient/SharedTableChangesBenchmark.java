package uk.consumptioninsights.dataaccess.recipient;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Stream;
import java.util.Comparator;
import uk.consumptioninsights.dataaccess.sharing.ChangeAction;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * Benchmark harness (not a test): a recipient copy of about 10 million half-hourly rows gets one change data file that
 * updates, deletes and inserts 1 % of them; prints how long applying it takes and checks the row count.
 * Run its {@code main} on the data-access test classpath, optionally with the row count as argument.
 */
public final class SharedTableChangesBenchmark {

    private SharedTableChangesBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        long rows = args.length > 0 ? Long.parseLong(args[0]) : 10_000_000L;
        Path dir = Files.createTempDirectory("ciw-changes-bench");
        try {
            run(rows, dir);
        } finally {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void run(long rows, Path dir) throws Exception {
        long changed = rows / 100;
        Path base = dir.resolve("base.parquet");
        Path changes = dir.resolve("changes.parquet");
        long expected;
        String reading = "SELECT 'mp_' || (i % 200000) AS mpan_pseudonym, '_' || chr(65 + (i % 14)::INTEGER) AS gsp_group, "
                + "DATE '2026-01-01' + (i // 9600)::INTEGER AS settlement_date, (1 + (i // 200000) % 48)::INTEGER "
                + "AS settlement_period, TIMESTAMPTZ '2026-01-01 00:00:00+00' + to_minutes(i // 200000 * 30) "
                + "AS interval_start_utc, (i % 997) / 100.0 AS kwh";
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("COPY (" + reading + " FROM range(" + rows + ") t(i)) TO '" + base + "' (FORMAT parquet)");
            // A third of the changed rows updated (pre and post image), a third deleted, a third inserted.
            long third = changed / 3;
            st.execute("COPY (SELECT *, 'update_preimage' AS _change_type FROM (" + reading + " FROM range(0, "
                    + rows + ", " + (rows / third) + ") t(i)) UNION ALL SELECT * REPLACE (kwh + 1 AS kwh), "
                    + "'update_postimage' FROM (" + reading + " FROM range(0, " + rows + ", " + (rows / third)
                    + ") t(i)) UNION ALL SELECT *, 'delete' FROM (" + reading + " FROM range(1, " + rows + ", "
                    + (rows / third) + ") t(i)) UNION ALL SELECT *, 'insert' FROM (" + reading + " FROM range("
                    + rows + ", " + (rows + third) + ") t(i))) TO '" + changes + "' (FORMAT parquet)");
            try (java.sql.ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE _change_type = 'insert') - "
                    + "count(*) FILTER (WHERE _change_type = 'delete') FROM '" + changes + "'")) {
                rs.next();
                expected = rows + rs.getLong(1);
            }
        }
        String title = FixtureChangeFeed.TABLE.qualifiedName();
        try (LocalWorkspace copy = LocalWorkspace.open(dir.resolve("copy.duckdb"), WorkspaceLayout.RECIPIENT)) {
            long t0 = System.nanoTime();
            RecipientLoad.load(copy, "elexon", "https://sharing.example/delta-sharing", new SharedTableFiles(title, 1,
                    FixtureChangeFeed.METADATA.columns().stream().map(col -> new SharedColumn(col.name(), col.duckdbType()))
                            .toList(), List.of(), List.of(new SharedTableFiles.LocalFile(base, Map.of())),
                    OptionalLong.of(rows)), Optional.empty(), Progress.NONE);
            System.out.printf(Locale.UK, "Loaded %,d rows in %.1f s%n", rows, (System.nanoTime() - t0) / 1e9);
            // One file holding every column, settlement date included.
            TableMetadata unpartitioned = new TableMetadata("table-id", 2, FixtureChangeFeed.METADATA.columns(), List.of(),
                    OptionalLong.empty(), OptionalLong.empty());
            ChangeFile file = new ChangeFile(new SharedFile("changes", "https://storage.example/changes", Map.of(),
                    Files.size(changes), OptionalLong.empty(), OptionalLong.empty()), ChangeAction.CDF, 2, 0);
            DownloadedChanges downloaded = new DownloadedChanges(new TableChanges(FixtureChangeFeed.TABLE,
                    unpartitioned, 2, 2, List.of(file)), List.of(new DownloadedChange(file, changes)),
                    Files.size(changes));
            long t1 = System.nanoTime();
            ShareRefresh applied = SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, downloaded,
                    OptionalLong.of(expected), Clock.systemUTC(), Progress.NONE);
            System.out.printf(Locale.UK, "Applied %,d changed rows (%,d added, %,d updated, %,d removed) in %.1f s%n",
                    applied.changedRows(), applied.inserted(), applied.updated(), applied.deleted(),
                    (System.nanoTime() - t1) / 1e9);
        }
    }
}
