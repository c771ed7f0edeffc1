package uk.consumptioninsights.dataaccess.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.sharing.ChangeAction;
import uk.consumptioninsights.dataaccess.sharing.ChangeFile;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * The share's anomalies get their changes too, with the columns a share may leave out (here {@code reason} onwards)
 * read as NULL and matched as NULL, and the consumption table and its version left alone.
 */
class SharedAnomalyChangesTest {

    private static final SharedTable TABLE = new SharedTable("elexon", "curated", "anomalies");
    private static final List<String> NAMES = List.of("anomaly_id", "mpan_pseudonym", "gsp_group", "anomaly_type",
            "severity", "score", "settlement_date", "interval_start_utc", "interval_end_utc");
    private static final TableMetadata METADATA = new TableMetadata("anomalies-id", 1, NAMES.stream().map(n -> new DeltaColumn(
            n, "string", true, switch (n) {
                case "score" -> "DOUBLE";
                case "settlement_date" -> "DATE";
                case "interval_start_utc", "interval_end_utc" -> "TIMESTAMPTZ";
                default -> "VARCHAR";
            })).toList(), List.of(), OptionalLong.empty(), OptionalLong.empty());

    @TempDir
    Path dir;

    @Test
    void anomalyChangesApplyToTheSharesDetectionsOnly() throws Exception {
        Path v1 = write("v1", "('A-1', 0.9, NULL), ('A-2', 0.5, NULL), ('A-3', 0.4, NULL)", false);
        Path v2 = write("v2", "('A-2', 0.5, 'update_preimage'), ('A-2', 0.7, 'update_postimage'), "
                + "('A-3', 0.4, 'delete'), ('A-4', 0.8, 'insert')", true);
        List<SharedColumn> columns = METADATA.columns().stream().map(c -> new SharedColumn(c.name(), c.duckdbType()))
                .toList();
        FixtureChangeFeed consumption = FixtureChangeFeed.fourVersions(Files.createDirectories(dir.resolve("share")));
        try (LocalWorkspace copy = LocalWorkspace.open(dir.resolve("copy.duckdb"), WorkspaceLayout.RECIPIENT)) {
            RecipientLoad.load(copy, "elexon", "https://sharing.example/delta-sharing",
                    SharedTableFiles.from(FixtureChangeFeed.TABLE.qualifiedName(), consumption.snapshotAt(1)),
                    Optional.of(new SharedTableFiles(TABLE.qualifiedName(), 1, columns, List.of(),
                            List.of(new SharedTableFiles.LocalFile(v1, Map.of())), OptionalLong.of(3))), Progress.NONE);
            ChangeFile file = new ChangeFile(new SharedFile("v2", "https://storage.example/v2", Map.of(), Files.size(v2),
                    OptionalLong.of(4), OptionalLong.empty()), ChangeAction.CDF, 2, 0);
            DownloadedChanges changes = new DownloadedChanges(new TableChanges(TABLE, METADATA, 2, 2, List.of(file)),
                    List.of(new DownloadedChange(file, v2)), Files.size(v2));

            ShareRefresh applied = SharedTableChanges.apply(copy, RecipientTable.ANOMALIES, changes, OptionalLong.of(3),
                    Clock.systemUTC(), Progress.NONE);

            assertThat(List.of(applied.inserted(), applied.deleted(), applied.updated())).containsExactly(1L, 1L, 1L);
            assertThat(WorkspaceSql.strings(copy, "SELECT anomaly_id || '=' || score FROM shared.anomalies ORDER BY 1"))
                    .containsExactly("A-1=0.9", "A-2=0.7", "A-4=0.8");
            assertThat(copy.info()).containsEntry("anomalies_version", "2").containsEntry("consumption_version", "1");
            assertThat(WorkspaceSql.longOf(copy, "SELECT count(*) FROM shared.consumption_half_hourly")).isEqualTo(6);
            assertThat(ShareRefreshes.of(copy, TABLE.qualifiedName())).extracting(ShareRefresh::mode)
                    .containsExactly(RefreshMode.CHANGES, RefreshMode.SNAPSHOT);
        }
    }

    /** Anomalies of one meter and day: id and score as given, the rest alike, no reason or detector columns. */
    private Path write(String name, String values, boolean withChangeType) throws Exception {
        Path file = dir.resolve(name + ".parquet");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            st.execute("SET TimeZone = 'UTC'");
            st.execute("COPY (SELECT anomaly_id, 'mp_a' AS mpan_pseudonym, '_A' AS gsp_group, 'theft' AS anomaly_type, "
                    + "'high' AS severity, score::DOUBLE AS score, DATE '2026-10-01' AS settlement_date, "
                    + "TIMESTAMPTZ '2026-10-01 10:00:00+00' AS interval_start_utc, "
                    + "TIMESTAMPTZ '2026-10-01 12:00:00+00' AS interval_end_utc"
                    + (withChangeType ? ", _change_type" : "") + " FROM (VALUES " + values
                    + ") v(anomaly_id, score, _change_type)) TO '" + file + "' (FORMAT parquet)");
        }
        return file;
    }
}
