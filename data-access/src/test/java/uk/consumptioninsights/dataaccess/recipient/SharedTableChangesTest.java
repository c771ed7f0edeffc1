package uk.consumptioninsights.dataaccess.recipient;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static uk.consumptioninsights.dataaccess.recipient.FixtureChangeFeed.D1;
import static uk.consumptioninsights.dataaccess.recipient.FixtureChangeFeed.change;
import static uk.consumptioninsights.dataaccess.recipient.FixtureChangeFeed.row;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.ChangeAction;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * A change data feed applied to a recipient's copy gives, row for row, what a snapshot of the new version gives; a
 * change set that does not fit the copy changes nothing and says why.
 */
class SharedTableChangesTest {

    private static final String TITLE = FixtureChangeFeed.TABLE.qualifiedName();
    private static final String LOCAL = RecipientTable.CONSUMPTION.localName();

    @TempDir
    Path dir;
    private FixtureChangeFeed feed;
    private LocalWorkspace copy;

    @BeforeEach
    void loadVersionOne() throws Exception {
        feed = FixtureChangeFeed.fourVersions(Files.createDirectories(dir.resolve("share")));
        copy = LocalWorkspace.open(dir.resolve("copy.duckdb"), WorkspaceLayout.RECIPIENT);
        load(copy, 1);
    }

    @AfterEach
    void close() throws SQLException {
        copy.close();
    }

    @Test
    void changesOverSeveralVersionsGiveTheSameTableAsASnapshotOfTheNewVersion() throws Exception {
        ShareRefresh applied = SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, feed.changesBetween(2, 4),
                feed.expectedRows(FixtureChangeFeed.TABLE, 4, Progress.NONE), Clock.systemUTC(), Progress.NONE);

        try (LocalWorkspace fresh = LocalWorkspace.open(dir.resolve("fresh.duckdb"), WorkspaceLayout.RECIPIENT)) {
            load(fresh, 4);
            assertThat(rows(copy)).hasSize(8).containsExactlyElementsOf(rows(fresh));
        }
        assertThat(rows(copy)).filteredOn(r -> r.contains("mp_b")).as("duplicates keep their multiplicity").hasSize(2);
        assertThat(List.of(applied.inserted(), applied.deleted(), applied.updated())).containsExactly(6L, 4L, 2L);
        assertThat(applied.changedRows()).isEqualTo(12);
        assertThat(copy.info()).containsEntry("consumption_version", "4");
        List<ShareRefresh> history = ShareRefreshes.of(copy, TITLE);
        assertThat(history).extracting(ShareRefresh::mode).containsExactly(RefreshMode.CHANGES, RefreshMode.SNAPSHOT);
        assertThat(history.get(0).fromVersion()).hasValue(1);
        assertThat(history.get(0).toVersion()).isEqualTo(4);
        assertThat(history.get(0).bytesDownloaded()).hasValue(feed.changesBetween(2, 4).bytesDownloaded());
        assertThat(history.get(1).fromVersion()).isEmpty();
        assertThat(history.get(1).inserted()).isEqualTo(6);
    }

    @Test
    void versionByVersionGivesTheSameAsAllAtOnce() throws Exception {
        for (long version = 2; version <= 4; version++) {
            SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, feed.changesBetween(version, version),
                    version == 4 ? feed.expectedRows(FixtureChangeFeed.TABLE, 4, Progress.NONE) : OptionalLong.empty(),
                    Clock.systemUTC(), Progress.NONE);
        }
        try (LocalWorkspace fresh = LocalWorkspace.open(dir.resolve("fresh.duckdb"), WorkspaceLayout.RECIPIENT)) {
            load(fresh, 4);
            assertThat(rows(copy)).containsExactlyElementsOf(rows(fresh));
        }
        assertThat(ShareRefreshes.of(copy, TITLE)).hasSize(4);
    }

    @Test
    void aRowCountOtherThanTheSharesRollsBackEverything() throws Exception {
        List<String> before = rows(copy);

        assertThatThrownBy(() -> SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, feed.changesBetween(2, 4),
                OptionalLong.of(99), Clock.systemUTC(), Progress.NONE))
                .isInstanceOf(ChangesRejected.class)
                .hasMessageContaining("would hold 8 rows, but the share holds 99")
                .hasMessageContaining("Nothing was changed").hasMessageContaining("full refresh")
                .satisfies(e -> assertThat(((ChangesRejected) e).reason()).contains("row count"));

        assertUnchanged(before);
    }

    @Test
    void aDeleteOfARowTheCopyDoesNotHoldRollsBackAndSaysTheCopyDrifted() throws Exception {
        FixtureChangeFeed drifted = feed.changeFile(5, ChangeAction.CDF, D1, change("insert", "mp_g", "_A", 3, 1.0),
                change("delete", "mp_z", "_Z", 7, 1.0));
        List<String> before = rows(copy);

        assertThatThrownBy(() -> SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, drifted.changesBetween(2, 5),
                OptionalLong.empty(), Clock.systemUTC(), Progress.NONE))
                .isInstanceOf(ChangesRejected.class)
                .hasMessage("The local copy of " + TITLE + " has drifted from the share: version 5 removes 1 row the "
                        + "copy does not hold. Nothing was changed; the whole table needs to be refreshed from the share.");

        assertUnchanged(before);
    }

    @Test
    void aDuplicateDeletedMoreOftenThanItIsHeldIsDrift() throws Exception {
        feed.changeFile(5, ChangeAction.REMOVE, D1, row("mp_b", "_B", 1, 3.0), row("mp_b", "_B", 1, 3.0),
                row("mp_b", "_B", 1, 3.0));

        assertThatThrownBy(() -> SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, feed.changesBetween(2, 5),
                OptionalLong.empty(), Clock.systemUTC(), Progress.NONE))
                .isInstanceOf(ChangesRejected.class).hasMessageContaining("version 5 removes 1 row");
    }

    @Test
    void changesThatDoNotStartAtTheCachedVersionAreRefused() throws Exception {
        List<String> before = rows(copy);

        assertThatThrownBy(() -> SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, feed.changesBetween(3, 4),
                OptionalLong.empty(), Clock.systemUTC(), Progress.NONE))
                .isInstanceOf(ChangesRejected.class).hasMessageContaining("start after version 2")
                .hasMessageContaining("holds version 1");

        assertUnchanged(before);
    }

    @Test
    void aRefreshCancelledWhileApplyingLeavesTheCopyAsItWas() throws Exception {
        List<String> before = rows(copy);
        Progress cancelOnceChecking = new Progress() {
            private boolean cancelled;

            @Override
            public void report(double fraction, String message) {
                cancelled |= message.startsWith("Checking");
            }

            @Override
            public boolean isCancelled() {
                return cancelled;
            }
        };

        assertThatThrownBy(() -> SharedTableChanges.apply(copy, RecipientTable.CONSUMPTION, feed.changesBetween(2, 4),
                OptionalLong.empty(), Clock.systemUTC(), cancelOnceChecking))
                .isInstanceOf(java.util.concurrent.CancellationException.class);

        assertUnchanged(before);
    }

    private void assertUnchanged(List<String> before) throws SQLException {
        assertThat(rows(copy)).containsExactlyElementsOf(before);
        assertThat(copy.info()).containsEntry("consumption_version", "1");
        assertThat(ShareRefreshes.of(copy, TITLE)).hasSize(1);
    }

    private void load(LocalWorkspace workspace, long version) throws SQLException {
        RecipientLoad.load(workspace, "elexon", "https://sharing.example/delta-sharing",
                SharedTableFiles.from(TITLE, feed.snapshotAt(version)), Optional.empty(), Progress.NONE);
    }

    private static List<String> rows(LocalWorkspace workspace) throws SQLException {
        try (Connection c = workspace.newConnection()) {
            return FixtureChangeFeed.rowsOf(c, LOCAL);
        }
    }
}
