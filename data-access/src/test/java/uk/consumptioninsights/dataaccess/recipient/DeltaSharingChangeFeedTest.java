package uk.consumptioninsights.dataaccess.recipient;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingClientSettings;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * The shipped change feed over the protocol client, against the loopback fixture serving real Delta tables with change
 * data feed: after an update, a row delete, an insert and a whole-day delete on the provider's side, Refresh applies
 * only those changes, and the copy then equals, row for row, a fresh snapshot load of the new version.
 */
class DeltaSharingChangeFeedTest {

    private static final String TOKEN = "dapi-change-feed-test-token-0123456789";
    private static final SharedTable CONSUMPTION = new SharedTable(SharingFixtureData.SHARE, SharingFixtureData.SCHEMA,
            SharingFixtureData.CONSUMPTION);
    private static final LocalDate LAST_DAY = SharingFixtureData.DEFAULT_LAST_DAY;

    @TempDir
    Path dir;
    private DeltaSharingServerFixture server;
    private SharingFixtureData.SharedTables tables;
    private DeltaSharingClient client;
    private LocalWorkspace copy;

    @BeforeEach
    void serve() throws Exception {
        tables = SharingFixtureData.generatedWithChangeDataFeed(dir.resolve("share"), SharingFixtureData.Size.ui());
        server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(10));
        client = new DeltaSharingClient(SharingProfile.parse(server.profileV1Json(null)),
                SharingClientSettings.defaults().withCacheDir(dir.resolve("cache")));
    }

    @AfterEach
    void stop() throws Exception {
        if (copy != null) {
            copy.close();
        }
        server.close();
    }

    @Test
    void refreshAppliesOnlyTheChangesAndTheCopyEqualsASnapshotOfTheNewVersion() throws Exception {
        tables.shareOn(server, true);
        copy = loadedCopy("copy.duckdb");
        long loaded = tables.consumption().version();
        long latest = changeOnTheProvidersSide();

        RefreshOutcome outcome = new RecipientRefresh(copy, new DeltaSharingChangeFeed(client), Clock.systemUTC())
                .refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(outcome).isInstanceOf(RefreshOutcome.ChangesApplied.class);
        RefreshOutcome.ChangesApplied applied = (RefreshOutcome.ChangesApplied) outcome;
        assertThat(applied.fromVersion()).isEqualTo(loaded);
        assertThat(applied.toVersion()).isEqualTo(latest);
        assertThat(applied.inserted()).as("the one appended row").isEqualTo(1);
        assertThat(applied.updated()).as("period 1 of the last day, one row per meter").isEqualTo(50);
        assertThat(applied.deleted()).as("period 2 of the last day and the whole first day").isEqualTo(50 + 48 * 50);
        try (LocalWorkspace fresh = loadedCopy("fresh.duckdb")) {
            assertThat(rows(copy)).hasSize(10 * 48 * 50 - 50 - 48 * 50 + 1).isEqualTo(rows(fresh));
        }
    }

    @Test
    void aTableWhoseChangesTheServerWillNotGiveIsReloadedWhole() throws Exception {
        tables.shareOn(server, false);
        copy = loadedCopy("copy.duckdb");
        long latest = changeOnTheProvidersSide();

        RefreshOutcome outcome = new RecipientRefresh(copy, new DeltaSharingChangeFeed(client), Clock.systemUTC())
                .refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(outcome).isInstanceOf(RefreshOutcome.SnapshotLoaded.class);
        assertThat(((RefreshOutcome.SnapshotLoaded) outcome).version()).isEqualTo(latest);
        assertThat(outcome.summary()).contains("the share no longer keeps its changes since version");
        try (LocalWorkspace fresh = loadedCopy("fresh.duckdb")) {
            assertThat(rows(copy)).isEqualTo(rows(fresh));
        }
    }

    private LocalWorkspace loadedCopy(String file) throws SQLException {
        LocalWorkspace workspace = LocalWorkspace.open(dir.resolve(file), WorkspaceLayout.RECIPIENT);
        RecipientLoad.load(workspace, SharingFixtureData.SHARE, "loopback", SharedTableFiles.from(
                CONSUMPTION.qualifiedName(), client.download(client.query(CONSUMPTION, QueryOptions.latest()),
                        Progress.NONE)), Optional.empty(), Progress.NONE);
        return workspace;
    }

    /** An update, a row delete, an insert and a whole-day delete, each its own version; returns the last. */
    private long changeOnTheProvidersSide() throws Exception {
        String lastDay = "settlement_date = DATE '" + LAST_DAY + "'";
        try (Connection provider = FixtureDuckDb.inMemory()) {
            tables.consumption().update(provider, Map.of("kwh", "kwh + 1"), lastDay + " AND settlement_period = 1");
            tables.consumption().deleteWhere(provider, lastDay + " AND settlement_period = 2");
            tables.consumption().append(provider, """
                    SELECT 'P-new-meter' AS mpan_pseudonym, '_C' AS gsp_group, DATE '%s' AS settlement_date,
                           CAST(3 AS INTEGER) AS settlement_period, TIMESTAMPTZ '%sT01:00:00Z' AS interval_start_utc,
                           CAST(0.25 AS DOUBLE) AS kwh""".formatted(LAST_DAY, LAST_DAY));
        }
        return tables.consumption().deletePartition(LAST_DAY.minusDays(9).toString());
    }

    private static List<String> rows(LocalWorkspace workspace) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT * FROM shared.consumption_half_hourly ORDER BY ALL")) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                StringBuilder row = new StringBuilder();
                for (int i = 1; i <= columns; i++) {
                    row.append(rs.getString(i)).append('|');
                }
                rows.add(row.toString());
            }
        }
        return rows;
    }
}
