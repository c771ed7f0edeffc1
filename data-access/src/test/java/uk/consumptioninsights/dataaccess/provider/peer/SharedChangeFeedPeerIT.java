package uk.consumptioninsights.dataaccess.provider.peer;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.ChangeRange;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChange;
import uk.consumptioninsights.dataaccess.sharing.DownloadedChanges;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingClientSettings;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.TableChanges;
import uk.consumptioninsights.dataaccess.sharing.fixture.ChangeDataFeedTables;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.model.work.Progress;

/**
 * Real Delta Lake reads the sharing fixture's change data feed table and gets the very change rows the workbench's
 * client got over the protocol: evidence from a real engine that the fixture writes true Delta tables with change
 * data, and that the client reads the feed as Delta means it.
 */
@Tag("provider-peer")
class SharedChangeFeedPeerIT {

    @TempDir
    Path dir;

    /** One change row: meter, day, period, kWh, change type, commit version and time. */
    private record ChangeRow(String meter, String day, int period, double kwh, String type, long version, long millis) {
    }

    @Test
    void deltaLakeReadsTheSameChangeRowsAsTheSharingClient() throws Exception {
        ChangeDataFeedTables tables = ChangeDataFeedTables.build(dir.resolve("tables"));
        List<ChangeRow> client;
        try (DeltaSharingServerFixture server = DeltaSharingServerFixture.start("peer-cdf-token-5772", Duration.ofMinutes(10))) {
            tables.shareOn(server);
            DeltaSharingClient sharing = new DeltaSharingClient(SharingProfile.parse(server.profileV1Json(null)),
                    SharingClientSettings.defaults().withCacheDir(dir.resolve("cache")));
            TableChanges changes = sharing.changes(new SharedTable(ChangeDataFeedTables.SHARE, ChangeDataFeedTables.SCHEMA,
                    ChangeDataFeedTables.READINGS), ChangeRange.fromVersion(1).toVersion(5), Progress.NONE);
            client = clientRows(sharing.download(changes, Progress.NONE));
        }

        List<ChangeRow> spark = new ArrayList<>();
        try (Connection peer = PeerRuntime.shared().goldConnector().open(); Statement st = peer.createStatement();
             ResultSet rs = st.executeQuery("SELECT mpan_pseudonym, CAST(settlement_date AS STRING), settlement_period, kwh, "
                     + "_change_type, _commit_version, unix_millis(_commit_timestamp) FROM table_changes_by_path('"
                     + tables.readings().dir().toAbsolutePath().toString().replace("'", "\\'") + "', 1, 5)")) {
            while (rs.next()) {
                spark.add(new ChangeRow(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getDouble(4), rs.getString(5),
                        rs.getLong(6), rs.getLong(7)));
            }
        }

        assertThat(client).hasSize(144 + 6 + 6 + 47 + 144 + 144);
        assertThat(sorted(spark)).containsExactlyElementsOf(sorted(client));
    }

    /** What a reader of the client's downloads builds: add rows are inserts, remove rows deletes, cdf rows say. */
    private static List<ChangeRow> clientRows(DownloadedChanges downloaded) throws Exception {
        List<ChangeRow> rows = new ArrayList<>();
        try (Connection duckdb = FixtureDuckDb.inMemory(); Statement st = duckdb.createStatement()) {
            for (DownloadedChange change : downloaded.files()) {
                String type = switch (change.change().action()) {
                    case ADD -> "'insert'";
                    case REMOVE -> "'delete'";
                    case CDF -> "_change_type";
                };
                try (ResultSet rs = st.executeQuery("SELECT mpan_pseudonym, settlement_period, kwh, " + type + " FROM read_parquet('"
                        + change.path().toString().replace("'", "''") + "', hive_partitioning = false)")) {
                    while (rs.next()) {
                        rows.add(new ChangeRow(rs.getString(1), change.change().file().partitionValues().get("settlement_date"),
                                rs.getInt(2), rs.getDouble(3), rs.getString(4), change.change().commitVersion(),
                                change.change().commitTimestampMillis()));
                    }
                }
            }
        }
        return rows;
    }

    private static List<ChangeRow> sorted(List<ChangeRow> rows) {
        return rows.stream().sorted(Comparator.comparingLong(ChangeRow::version).thenComparing(ChangeRow::type)
                .thenComparing(ChangeRow::day).thenComparing(ChangeRow::meter).thenComparingInt(ChangeRow::period)
                .thenComparingDouble(ChangeRow::kwh)).toList();
    }
}
