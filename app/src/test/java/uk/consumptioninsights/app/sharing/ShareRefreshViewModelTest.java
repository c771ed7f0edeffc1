package uk.consumptioninsights.app.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import javafx.beans.property.SimpleObjectProperty;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.dataaccess.recipient.RefreshMode;
import uk.consumptioninsights.dataaccess.recipient.RefreshOutcome;
import uk.consumptioninsights.dataaccess.recipient.ShareRefresh;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.work.Progress;

/** The Refresh action's messages and state, without the toolkit. */
class ShareRefreshViewModelTest {

    private static final String CONSUMPTION = "elexon.curated.consumption_half_hourly";
    private static final OpenedShare SHARE = new OpenedShare(null, null, Path.of("elexon.duckdb"), "Loaded");
    private static final ShareRefresh FIRST_LOAD = new ShareRefresh(CONSUMPTION, Instant.parse("2026-12-07T09:00:00Z"),
            OptionalLong.empty(), 41, RefreshMode.SNAPSHOT, 1_234_560, 0, 0, OptionalLong.empty(), 2.5,
            "loaded from the share");
    private static final ShareRefresh CHANGES = new ShareRefresh(CONSUMPTION, Instant.parse("2026-12-07T10:30:00Z"),
            OptionalLong.of(41), 42, RefreshMode.CHANGES, 1_000, 4, 200, OptionalLong.of(3_400_000), 0.8, "");

    private final SimpleObjectProperty<OpenedShare> shown = new SimpleObjectProperty<>();
    private final ScriptedRefresher refresher = new ScriptedRefresher();
    private final AtomicInteger rereads = new AtomicInteger();

    @Test
    void aRefreshSaysWhatChangedShowsTheHistoryAndRereadsTheSource() {
        ShareRefreshViewModel vm = viewModel(SameThreadTaskRunner.immediate());
        refresher.history = List.of(FIRST_LOAD);
        shown.set(SHARE);
        assertThat(vm.history()).extracting(RefreshHistoryItem::how).containsExactly("Snapshot");
        assertThat(vm.canRefreshProperty().get()).isTrue();

        refresher.outcomes = List.of(new RefreshOutcome.ChangesApplied(CONSUMPTION, 41, 42, 1_000, 4, 200, 3_400_000));
        refresher.history = List.of(CHANGES, FIRST_LOAD);
        assertThat(vm.refresh()).isTrue();

        assertThat(vm.messageProperty().get())
                .isEqualTo("1,204 rows changed since version 41 (now version 42: 1,000 added, 200 updated, 4 removed).");
        assertThat(vm.failedProperty().get()).isFalse();
        assertThat(vm.refreshingProperty().get()).isFalse();
        assertThat(vm.history()).containsExactly(
                new RefreshHistoryItem("consumption_half_hourly", "7 Dec 2026 10:30 GMT", "Changes", "41 → 42",
                        "1,204 changed (1,000 added, 200 updated, 4 removed)", "3.4 MB downloaded"),
                new RefreshHistoryItem("consumption_half_hourly", "7 Dec 2026 09:00 GMT", "Snapshot", "→ 41",
                        "1,234,560 rows", "loaded from the share"));
        assertThat(rereads).hasValue(1);
        assertThat(refresher.refreshed).containsExactly(SHARE);
    }

    @Test
    void anUnmovedShareIsUpToDateAndTheSourceIsNotReread() {
        ShareRefreshViewModel vm = viewModel(SameThreadTaskRunner.immediate());
        shown.set(SHARE);
        refresher.outcomes = List.of(new RefreshOutcome.UpToDate(CONSUMPTION, 42));

        vm.refresh();

        assertThat(vm.messageProperty().get()).isEqualTo("Up to date at version 42.");
        assertThat(rereads).hasValue(0);
    }

    @Test
    void twoTablesAreNamedInTheSummary() {
        ShareRefreshViewModel vm = viewModel(SameThreadTaskRunner.immediate());
        shown.set(SHARE);
        refresher.outcomes = List.of(new RefreshOutcome.SnapshotLoaded(CONSUMPTION, 43, 1_300_000,
                        "the table has no change data feed"), new RefreshOutcome.UpToDate("elexon.curated.anomalies", 7));

        vm.refresh();

        assertThat(vm.messageProperty().get()).isEqualTo("consumption_half_hourly: Reloaded whole at version 43 "
                + "(1,300,000 rows) because the table has no change data feed; anomalies: Up to date at version 7.");
        assertThat(rereads).hasValue(1);
    }

    @Test
    void aFailedRefreshSaysWhyAndThatTheCopyIsKept() {
        ShareRefreshViewModel vm = viewModel(SameThreadTaskRunner.immediate());
        shown.set(SHARE);
        refresher.failure = new SourceException("The sharing server at https://sharing.example cannot be reached. "
                + "Check the network connection, then try again.");

        vm.refresh();

        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("The sharing server at https://sharing.example cannot be "
                + "reached. Check the network connection, then try again. Tables not yet refreshed keep the version "
                + "loaded before.");
        assertThat(vm.refreshingProperty().get()).isFalse();
        assertThat(vm.canRefreshProperty().get()).isTrue();
        assertThat(rereads).hasValue(0);
    }

    @Test
    void aRefreshRunsOnceAtATimeAndCanBeCancelled() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        ShareRefreshViewModel vm = viewModel(runner);
        shown.set(SHARE);
        runner.runAll();

        assertThat(vm.refresh()).isTrue();
        assertThat(vm.refreshingProperty().get()).isTrue();
        assertThat(vm.canRefreshProperty().get()).isFalse();
        assertThat(vm.refresh()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Asking the share what changed…");

        vm.cancel();

        assertThat(vm.refreshingProperty().get()).isFalse();
        assertThat(vm.messageProperty().get())
                .isEqualTo("Refreshing was cancelled. Tables not yet refreshed keep the version loaded before.");
        assertThat(refresher.refreshed).isEmpty();
    }

    @Test
    void withoutAShareShownThereIsNothingToRefresh() {
        ShareRefreshViewModel vm = viewModel(SameThreadTaskRunner.immediate());
        assertThat(vm.canRefreshProperty().get()).isFalse();
        assertThat(vm.refresh()).isFalse();

        refresher.history = List.of(FIRST_LOAD);
        shown.set(SHARE);
        shown.set(null);

        assertThat(vm.history()).isEmpty();
        assertThat(vm.messageProperty().get()).isEmpty();
        assertThat(vm.canRefreshProperty().get()).isFalse();
    }

    private ShareRefreshViewModel viewModel(SameThreadTaskRunner runner) {
        return new ShareRefreshViewModel(refresher, shown, runner, rereads::incrementAndGet);
    }

    /** Answers with what the test set; remembers which shares it refreshed. */
    private static final class ScriptedRefresher implements ShareRefresher {
        List<RefreshOutcome> outcomes = List.of();
        List<ShareRefresh> history = List.of();
        RuntimeException failure;
        final List<OpenedShare> refreshed = new ArrayList<>();

        @Override
        public List<RefreshOutcome> refresh(OpenedShare share, Progress progress) {
            progress.checkCancelled();
            if (failure != null) {
                throw failure;
            }
            refreshed.add(share);
            return outcomes;
        }

        @Override
        public List<ShareRefresh> history(OpenedShare share) {
            return history;
        }
    }
}
