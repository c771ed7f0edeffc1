package uk.consumptioninsights.app.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.anomalies.AnomaliesViewModel;
import uk.consumptioninsights.app.consumption.ConsumptionViewModel;
import uk.consumptioninsights.app.governance.GovernanceViewModel;
import uk.consumptioninsights.app.overview.OverviewViewModel;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.work.Progress;

class ShellViewModelTest {

    private static final LocalDate FALLBACK = LocalDate.of(2026, 11, 20);

    private final FakeSource fake = new FakeSource();
    private final ActiveSource active = new ActiveSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final Settings settings = Settings.inMemory();
    private final AtomicInteger opens = new AtomicInteger();
    private final List<ConsumptionSource> released = new ArrayList<>();

    /** An opener that hands out the fake source, after running {@code during} with the task's progress. */
    private SourceOpener opener(OpenStep during) {
        return new SourceOpener() {
            @Override
            public String target() {
                return "/tmp/ciw/workspaces/local.duckdb";
            }

            @Override
            public ConsumptionSource open(Progress progress) throws Exception {
                opens.incrementAndGet();
                during.run(progress);
                return fake;
            }

            @Override
            public void release(ConsumptionSource opened) {
                released.add(opened);
            }
        };
    }

    /** Another source, as an import hands it over: 2013 data, its own name and file. */
    private static final DateRange IMPORTED_RANGE = new DateRange(LocalDate.of(2013, 1, 1), LocalDate.of(2013, 1, 2));

    private OpenedSource imported(FakeSource source, List<String> releases) {
        for (PurposeRole role : PurposeRole.values()) {
            source.ranges.put(role, IMPORTED_RANGE);
        }
        return new OpenedSource(source, new SourceDescriptor(SourceKind.LOCAL_WORKSPACE, "Imported small.csv",
                "/tmp/ciw/workspaces/small-20261122T0015.duckdb"), List.of(PurposeRole.values()), () -> releases.add("small"));
    }

    @FunctionalInterface
    interface OpenStep {
        void run(Progress progress) throws Exception;
    }

    private ShellViewModel shell(TaskRunner runner, SourceOpener opener) {
        return new ShellViewModel(active, opener, runner, session, settings, FALLBACK);
    }

    @Test
    void startPreparesTheSourceThenPublishesTheRolesWholeRange() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));
        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.PREPARING);
        assertThat(shell.sourceLocationProperty().get()).isEqualTo("/tmp/ciw/workspaces/local.duckdb");

        shell.start();

        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.READY);
        assertThat(active.isOpen()).isTrue();
        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Fake workspace (2 meters)");
        assertThat(shell.sourceLocationProperty().get()).isEqualTo("/tmp/fake.duckdb");
        assertThat(session.query()).isEqualTo(new ViewQuery(PurposeRole.SETTLEMENT, FakeSource.RANGE, 1));
        assertThat(shell.fromDateProperty().get()).isEqualTo(FakeSource.RANGE.from());
        assertThat(shell.toDateProperty().get()).isEqualTo(FakeSource.RANGE.to());
        assertThat(shell.availableRangeProperty().get()).isEqualTo(FakeSource.RANGE);
        assertThat(shell.isSelectable(FakeSource.RANGE.from().minusDays(1))).isFalse();
        assertThat(shell.isSelectable(FakeSource.RANGE.from())).isTrue();
    }

    @Test
    void progressOfThePreparationReachesTheStatusBar() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        List<String> seen = new ArrayList<>();
        ShellViewModel shell = shell(runner, opener(p -> {
            p.report(0.5, "Generating half-hourly readings: 20 of 40 meters");
            seen.add(runner.activity().messageProperty().get() + " @ " + runner.activity().progressProperty().get());
            seen.add(String.valueOf(runner.activity().isRunning()));
        }));

        shell.start();

        assertThat(seen).containsExactly("Generating half-hourly readings: 20 of 40 meters @ 0.5", "true");
        assertThat(runner.activity().isRunning()).isFalse();
        assertThat(runner.activity().messageProperty().get()).isEqualTo("Ready");
    }

    @Test
    void switchingTheRoleRequeriesItsDatesAndRemembersIt() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));
        shell.start();
        DateRange researchDates = new DateRange(LocalDate.of(2026, 11, 13), LocalDate.of(2026, 11, 18));
        fake.ranges.put(PurposeRole.RESEARCH, researchDates);

        shell.roleProperty().set(PurposeRole.RESEARCH);

        assertThat(fake.calls).containsExactly("availableRange SETTLEMENT", "availableRange RESEARCH");
        assertThat(session.query().role()).isEqualTo(PurposeRole.RESEARCH);
        assertThat(session.query().range()).isEqualTo(researchDates);
        assertThat(shell.roleDescriptionProperty().get()).isEqualTo(PurposeRole.RESEARCH.description());
        assertThat(settings.lastRole()).contains(PurposeRole.RESEARCH);
    }

    @Test
    void rememberedRoleIsTheFirstOneShown() {
        settings.saveLastRole(PurposeRole.MARKET_MONITORING);
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));

        shell.start();

        assertThat(session.query().role()).isEqualTo(PurposeRole.MARKET_MONITORING);
        assertThat(fake.calls).containsExactly("availableRange MARKET_MONITORING");
    }

    @Test
    void changingTheRoleAnywhereRequeriesEveryTab() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        ShellViewModel shell = shell(runner, opener(p -> { }));
        new OverviewViewModel(active, runner, session);
        new ConsumptionViewModel(active, runner, session);
        new AnomaliesViewModel(active, runner, session);
        GovernanceViewModel governance = new GovernanceViewModel(active, runner, session);
        shell.start();
        fake.calls.clear();

        governance.useRole(PurposeRole.RESEARCH);

        assertThat(fake.calls).contains("availableRange RESEARCH", "overview RESEARCH 2026-11-11..2026-11-20",
                "gspGroups RESEARCH", "consumption RESEARCH AllMeters[]", "anomalies RESEARCH", "meters RESEARCH");
        assertThat(fake.calls).noneMatch(call -> call.contains("SETTLEMENT"));
        assertThat(shell.roleProperty().get()).isEqualTo(PurposeRole.RESEARCH);
    }

    @Test
    void datesAreKeptInsideTheAvailableRangeAndInOrder() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));
        shell.start();

        shell.fromDateProperty().set(LocalDate.of(2026, 11, 1));
        assertThat(shell.fromDateProperty().get()).isEqualTo(FakeSource.RANGE.from());

        shell.fromDateProperty().set(LocalDate.of(2026, 11, 15));
        assertThat(session.query().range()).isEqualTo(new DateRange(LocalDate.of(2026, 11, 15), FakeSource.RANGE.to()));

        shell.toDateProperty().set(LocalDate.of(2026, 11, 12));
        assertThat(shell.fromDateProperty().get()).isEqualTo(LocalDate.of(2026, 11, 12));
        assertThat(session.query().range()).isEqualTo(new DateRange(LocalDate.of(2026, 11, 12), LocalDate.of(2026, 11, 12)));
    }

    @Test
    void cancelDuringPreparationIsNeverShownAsDataAndF5TriesAgain() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
        boolean[] cancelOnce = {true};
        ShellViewModel[] holder = new ShellViewModel[1];
        ShellViewModel shell = shell(runner, opener(p -> {
            if (cancelOnce[0]) {
                cancelOnce[0] = false;
                holder[0].cancel(); // the user presses Esc while the workspace builds
                p.checkCancelled();
            }
        }));
        holder[0] = shell;

        shell.start();

        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.CANCELLED);
        assertThat(shell.stateMessageProperty().get()).contains("cancelled").contains("no data to show");
        assertThat(active.isOpen()).isFalse();
        assertThat(session.query()).isNull();
        assertThat(fake.calls).isEmpty();

        shell.refresh();

        assertThat(opens.get()).isEqualTo(2);
        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.READY);
        assertThat(session.query()).isNotNull();
    }

    @Test
    void cancelBeforeThePreparationRunsNeverOpensTheSource() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        ShellViewModel shell = shell(runner, opener(p -> { }));

        shell.start();
        shell.cancel();
        runner.runAll();

        assertThat(opens.get()).isZero();
        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.CANCELLED);
        assertThat(active.isOpen()).isFalse();
    }

    @Test
    void failedPreparationSaysWhyWithoutTechnicalDetail() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> {
            throw new SourceException("The local workspace at /tmp/x could not be opened or built.",
                    new java.sql.SQLException("IO Error: Could not set lock on file"));
        }));

        shell.start();

        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.FAILED);
        assertThat(shell.stateMessageProperty().get())
                .startsWith("The local workspace at /tmp/x could not be opened or built.")
                .doesNotContain("Exception").doesNotContain("IO Error");
        assertThat(active.isOpen()).isFalse();
        assertThat(session.query()).isNull();
    }

    @Test
    void unexpectedPreparationFailureIsStillAPlainSentence() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> {
            throw new IllegalStateException("java.lang.OutOfMemoryError at uk.consumptioninsights.Foo");
        }));

        shell.start();

        assertThat(shell.stateMessageProperty().get()).startsWith("Could not prepare the local workspace.")
                .doesNotContain("Exception").doesNotContain("Error at").doesNotContain("at uk.");
    }

    @Test
    void rangeFailureGoesToTheBannerAndRefreshRetries() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));
        fake.failWith(new SourceException("Could not find the dates with data from the local workspace."));

        shell.start();

        assertThat(shell.errorMessageProperty().get()).isEqualTo("Could not find the dates with data from the local workspace.");
        fake.recover();
        shell.refresh();
        assertThat(shell.errorMessageProperty().get()).isNull();
        assertThat(session.query()).isNotNull();
    }

    @Test
    void roleWithoutDataKeepsTheCurrentDatesAndSaysSo() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));
        shell.start();
        fake.ranges.put(PurposeRole.RESEARCH, null);

        shell.roleProperty().set(PurposeRole.RESEARCH);

        assertThat(session.query().range()).isEqualTo(FakeSource.RANGE);
        assertThat(shell.rangeNoteProperty().get()).isEqualTo("No data is visible to Research in this source.");
    }

    @Test
    void switchingShowsTheNewSourceWithItsWholeRangeAndReleasesTheOldOneOnceTheTabsAreAsked() {
        SameThreadTaskRunner runner = SameThreadTaskRunner.deferred();
        ShellViewModel shell = shell(runner, opener(p -> { }));
        OverviewViewModel overview = new OverviewViewModel(active, runner, session);
        shell.start();
        runner.runAll();
        shell.fromDateProperty().set(LocalDate.of(2026, 11, 15));
        runner.runAll();
        FakeSource other = new FakeSource();
        List<String> releases = new ArrayList<>();

        shell.switchTo(imported(other, releases));

        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Imported small.csv");
        assertThat(shell.sourceLocationProperty().get()).isEqualTo("/tmp/ciw/workspaces/small-20261122T0015.duckdb");
        assertThat(shell.defaultSourceShownProperty().get()).isFalse();
        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.READY);
        assertThat(released).as("not before the tabs moved on").isEmpty();

        runner.runAll();

        assertThat(session.query().range()).isEqualTo(IMPORTED_RANGE);
        assertThat(shell.fromDateProperty().get()).isEqualTo(IMPORTED_RANGE.from());
        assertThat(shell.toDateProperty().get()).isEqualTo(IMPORTED_RANGE.to());
        assertThat(shell.availableRangeProperty().get()).isEqualTo(IMPORTED_RANGE);
        assertThat(other.calls).contains("availableRange SETTLEMENT", "overview SETTLEMENT 2013-01-01..2013-01-02");
        assertThat(overview.kpisProperty().get()).isEqualTo(other.kpis.get(PurposeRole.SETTLEMENT));
        assertThat(released).containsExactly(fake);
        assertThat(releases).isEmpty();
    }

    @Test
    void openDefaultSourceGoesBackAndReleasesTheImportedOne() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> { }));
        shell.start();
        List<String> releases = new ArrayList<>();
        shell.switchTo(imported(new FakeSource(), releases));

        shell.openDefaultSource();

        assertThat(opens.get()).isEqualTo(2);
        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Fake workspace (2 meters)");
        assertThat(shell.defaultSourceShownProperty().get()).isTrue();
        assertThat(shell.openingDefaultProperty().get()).isFalse();
        assertThat(session.query().range()).isEqualTo(FakeSource.RANGE);
        assertThat(releases).containsExactly("small");
        assertThat(released).containsExactly(fake);

        shell.openDefaultSource();
        assertThat(opens.get()).as("already shown: nothing to do").isEqualTo(2);
    }

    @Test
    void failingToReopenTheDefaultKeepsTheImportedSource() {
        boolean[] fail = {false};
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> {
            if (fail[0]) {
                throw new SourceException("The local workspace at /tmp/x could not be opened or built.");
            }
        }));
        shell.start();
        List<String> releases = new ArrayList<>();
        shell.switchTo(imported(new FakeSource(), releases));
        ViewQuery before = session.query();
        fail[0] = true;

        shell.openDefaultSource();

        assertThat(shell.errorMessageProperty().get()).isEqualTo("The local workspace at /tmp/x could not be opened or "
                + "built. Still showing Local workspace · Imported small.csv.");
        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Imported small.csv");
        assertThat(session.query()).isSameAs(before);
        assertThat(releases).isEmpty();
        assertThat(shell.openingDefaultProperty().get()).isFalse();
    }

    @Test
    void anImportCanBeShownWhenTheDefaultSourceFailed() {
        ShellViewModel shell = shell(SameThreadTaskRunner.immediate(), opener(p -> {
            throw new SourceException("The local workspace at /tmp/x could not be opened or built.");
        }));
        shell.start();
        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.FAILED);

        shell.switchTo(imported(new FakeSource(), new ArrayList<>()));

        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.READY);
        assertThat(session.query().range()).isEqualTo(IMPORTED_RANGE);
    }
}
