package uk.consumptioninsights.dataaccess.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.consumptioninsights.dataaccess.recipient.FixtureChangeFeed.D1;
import static uk.consumptioninsights.dataaccess.recipient.FixtureChangeFeed.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/** A refresh applies changes when it can, takes a snapshot when it cannot, and does nothing when nothing moved. */
class RecipientRefreshTest {

    private static final String TITLE = FixtureChangeFeed.TABLE.qualifiedName();

    @TempDir
    Path dir;
    private FixtureChangeFeed feed;
    private LocalWorkspace copy;

    @BeforeEach
    void loadVersionOne() throws Exception {
        feed = FixtureChangeFeed.fourVersions(Files.createDirectories(dir.resolve("share")));
        copy = LocalWorkspace.open(dir.resolve("copy.duckdb"), WorkspaceLayout.RECIPIENT);
        RecipientLoad.load(copy, "elexon", "https://sharing.example/delta-sharing",
                SharedTableFiles.from(TITLE, feed.snapshotAt(1)), Optional.empty(), Progress.NONE);
    }

    @AfterEach
    void close() throws SQLException {
        copy.close();
    }

    @Test
    void aTableWithChangeDataFeedGetsOnlyItsChanges() throws Exception {
        List<RefreshOutcome> outcomes = refresh().refreshAll(Progress.NONE);

        assertThat(outcomes).singleElement().isEqualTo(new RefreshOutcome.ChangesApplied(TITLE, 1, 4, 6, 4, 2,
                feed.changesBetween(2, 4).bytesDownloaded()));
        assertThat(outcomes.get(0).summary())
                .isEqualTo("12 rows changed since version 1 (now version 4: 6 added, 2 updated, 4 removed)");
        assertThat(feed.snapshotCalls()).isZero();
        assertSameAsSnapshotOfVersionFour();
    }

    @Test
    void anUnmovedVersionIsUpToDateAndLeavesNoHistory() throws Exception {
        refresh().refreshAll(Progress.NONE);

        RefreshOutcome again = refresh().refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(again).isEqualTo(new RefreshOutcome.UpToDate(TITLE, 4));
        assertThat(again.summary()).isEqualTo("Up to date at version 4");
        assertThat(ShareRefreshes.of(copy, TITLE)).hasSize(2);
        assertThat(feed.changeCalls()).isEqualTo(1);
    }

    @Test
    void aTableWithoutChangeDataFeedIsReloadedWhole() throws Exception {
        feed.withoutChangeDataFeed();

        RefreshOutcome outcome = refresh().refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(outcome).isEqualTo(new RefreshOutcome.SnapshotLoaded(TITLE, 4, 8, "the table has no change data feed"));
        assertThat(outcome.summary()).isEqualTo("Reloaded whole at version 4 (8 rows) because the table has no change data feed");
        assertThat(feed.changeCalls()).isZero();
        assertSameAsSnapshotOfVersionFour();
        ShareRefresh latest = ShareRefreshes.of(copy, TITLE).get(0);
        assertThat(latest.mode()).isEqualTo(RefreshMode.SNAPSHOT);
        assertThat(latest.fromVersion()).hasValue(1);
        assertThat(latest.deleted()).as("the rows it replaced").isEqualTo(6);
        assertThat(latest.bytesDownloaded()).hasValue(feed.snapshotAt(4).bytesDownloaded());
        assertThat(latest.reason()).isEqualTo("the table has no change data feed");
    }

    @Test
    void changesTheShareNoLongerKeepsAreReplacedByASnapshot() throws Exception {
        feed.keepingChangesFrom(3);

        RefreshOutcome outcome = refresh().refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(outcome).isInstanceOf(RefreshOutcome.SnapshotLoaded.class);
        assertThat(((RefreshOutcome.SnapshotLoaded) outcome).reason())
                .isEqualTo("the share no longer keeps its changes since version 1");
        assertThat(feed.changeCalls()).isEqualTo(1);
        assertSameAsSnapshotOfVersionFour();
    }

    @Test
    void aCopyThatDriftedFromTheShareIsReloadedWhole() throws Exception {
        try (Connection c = copy.newConnection(); Statement st = c.createStatement()) {
            st.execute("DELETE FROM shared.consumption_half_hourly WHERE mpan_pseudonym = 'mp_a' AND settlement_period = 2");
        }

        RefreshOutcome outcome = refresh().refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(outcome).isEqualTo(new RefreshOutcome.SnapshotLoaded(TITLE, 4, 8,
                "the local copy had drifted from the share"));
        assertSameAsSnapshotOfVersionFour();
        assertThat(ShareRefreshes.of(copy, TITLE)).extracting(ShareRefresh::mode)
                .containsExactly(RefreshMode.SNAPSHOT, RefreshMode.SNAPSHOT);
    }

    @Test
    void aShareWithExtraRowsInItsCountIsReloadedWhole() throws Exception {
        feed.snapshotFile(4, D1, row("mp_x", "_X", 9, 0.1));

        RefreshOutcome outcome = refresh().refresh(RecipientTable.CONSUMPTION, Progress.NONE);

        assertThat(((RefreshOutcome.SnapshotLoaded) outcome).reason())
                .isEqualTo("the row count after the changes differed from the share's");
        assertThat(((RefreshOutcome.SnapshotLoaded) outcome).rows()).isEqualTo(9);
    }

    @Test
    void aWorkspaceWithNothingLoadedSaysToLoadFirst() throws Exception {
        try (LocalWorkspace empty = LocalWorkspace.open(dir.resolve("empty.duckdb"), WorkspaceLayout.RECIPIENT)) {
            assertThatThrownBy(() -> new RecipientRefresh(empty, feed, Clock.systemUTC())
                    .refresh(RecipientTable.CONSUMPTION, Progress.NONE))
                    .isInstanceOf(SourceException.class).hasMessageContaining("load the table first");
        }
    }

    private RecipientRefresh refresh() {
        return new RecipientRefresh(copy, feed, Clock.systemUTC());
    }

    private void assertSameAsSnapshotOfVersionFour() throws SQLException {
        try (LocalWorkspace fresh = LocalWorkspace.open(dir.resolve("fresh-" + System.nanoTime() + ".duckdb"),
                WorkspaceLayout.RECIPIENT)) {
            RecipientLoad.load(fresh, "elexon", "https://sharing.example/delta-sharing",
                    SharedTableFiles.from(TITLE, feed.snapshotAt(4)), Optional.empty(), Progress.NONE);
            try (Connection a = copy.newConnection(); Connection b = fresh.newConnection()) {
                assertThat(FixtureChangeFeed.rowsOf(a, "shared.consumption_half_hourly"))
                        .containsExactlyElementsOf(FixtureChangeFeed.rowsOf(b, "shared.consumption_half_hourly"));
            }
        }
        assertThat(copy.info()).containsEntry("consumption_version", "4");
    }
}
