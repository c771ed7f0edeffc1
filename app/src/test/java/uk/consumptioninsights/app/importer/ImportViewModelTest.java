package uk.consumptioninsights.app.importer;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.ViewQuery;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.app.testsupport.MeterCsvFiles;
import uk.consumptioninsights.app.source.ImportedWorkspaces;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.work.Progress;

/**
 * The import view-model without the toolkit, over real imports into temporary DuckDB workspaces: the source shown
 * before is a {@link FakeSource}, so every check of "still showing the previous source" is exact.
 */
class ImportViewModelTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T00:15:00Z"), ZoneOffset.UTC);
    private static final String IMPORTED_WORKSPACE = "small-20261122T0015.duckdb";

    @TempDir
    Path dir;

    private final FakeSource fake = new FakeSource();
    private final ActiveSource active = new ActiveSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final Settings settings = Settings.inMemory();
    private final List<ConsumptionSource> releasedDefaults = new ArrayList<>();
    private SameThreadTaskRunner runner;
    private ShellViewModel shell;
    private ImportedWorkspaces workspaces;
    private Path folder;

    @BeforeEach
    void showTheFakeSource() {
        folder = dir.resolve("home").resolve("workspaces");
        workspaces = new ImportedWorkspaces(folder, source -> source, CLOCK, Runnable::run);
        runner = SameThreadTaskRunner.immediate();
        shell = new ShellViewModel(active, new SourceOpener() {
            @Override
            public String target() {
                return "/tmp/ciw/workspaces/local.duckdb";
            }

            @Override
            public ConsumptionSource open(Progress progress) {
                return fake;
            }

            @Override
            public void release(ConsumptionSource opened) {
                releasedDefaults.add(opened);
            }
        }, runner, session, settings, LocalDate.of(2026, 11, 20));
        shell.start();
        assertThat(shell.state()).isEqualTo(ShellViewModel.WorkspaceState.READY);
    }

    @AfterEach
    void closeWorkspaces() {
        workspaces.close();
    }

    private ImportViewModel viewModel(MeterCsvImporter importer) {
        return new ImportViewModel(importer, shell.sources(), session, settings);
    }

    // ---------------------------------------------------------------- success

    @Test
    void successSwitchesTheSourceResetsTheDatesAndExposesTheReport() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(dir.resolve("in").resolve("small.csv"));
        ImportViewModel vm = viewModel(workspaces);
        shell.fromDateProperty().set(LocalDate.of(2026, 11, 15)); // a choice in the old source, to be forgotten
        long generationBefore = session.query().generation();

        assertThat(vm.importFile(csv.file())).isTrue();

        Path file = folder.resolve(IMPORTED_WORKSPACE);
        assertThat(vm.importingProperty().get()).isFalse();
        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Imported small.csv");
        assertThat(shell.sourceLocationProperty().get()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(active.descriptor().name()).isEqualTo("Imported small.csv");
        DateRange imported = new DateRange(MeterCsvFiles.FIRST_DAY, csv.lastDay());
        assertThat(shell.availableRangeProperty().get()).isEqualTo(imported);
        assertThat(shell.fromDateProperty().get()).isEqualTo(imported.from());
        assertThat(shell.toDateProperty().get()).isEqualTo(imported.to());
        assertThat(session.query().range()).isEqualTo(imported);
        assertThat(session.query().generation()).isGreaterThan(generationBefore);
        OverviewKpis kpis = active.overview(PurposeRole.SETTLEMENT, imported);
        assertThat(kpis.readings()).isEqualTo(csv.readings());
        assertThat(kpis.distinctMeters()).isEqualTo(csv.households());

        ImportReport report = vm.lastReportProperty().get();
        assertThat(report).isNotNull();
        assertThat(report.fileName()).isEqualTo("small.csv");
        assertThat(report.workspaceFile()).isEqualTo(file);
        assertThat(report.details().readingsImported()).isEqualTo(csv.readings());
        assertThat(vm.reportSummaryProperty().get()).isEqualTo(report.details().summary())
                .startsWith("Imported 288 readings for 3 households (2013-01-01 to 2013-01-02). 3 rows rejected:");
        assertThat(vm.reportTitleProperty().get()).isEqualTo("Import of small.csv");
        assertThat(vm.reportWorkspaceProperty().get()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(vm.noticeProperty().get())
                .isEqualTo("Imported small.csv into a new workspace: 288 readings for 3 households, 3 rows rejected "
                        + "(see the import report).");
        assertThat(session.errorMessage()).isNull();
        assertThat(settings.lastImportFolder()).contains(csv.file().toAbsolutePath().getParent());

        assertThat(workspaces.workspace(file)).isPresent();
        assertThat(releasedDefaults).containsExactly(fake);
        assertThat(shell.defaultSourceShownProperty().get()).isFalse();
        assertThat(vm.canOpenSyntheticProperty().get()).isTrue();
        assertThat(vm.canImportProperty().get()).isTrue();
    }

    @Test
    void rejectedRowsAreListedWithTheirLineNumbersReasonsAndText() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv"));
        ImportViewModel vm = viewModel(workspaces);

        vm.importFile(csv.file());

        assertThat(csv.badLines()).containsExactly(23L, 154L, 235L);
        assertThat(vm.rejectedLines()).extracting(RejectedLine::line).containsExactlyElementsOf(csv.badLines());
        assertThat(vm.rejectedLines()).extracting(RejectedLine::rawText).containsExactlyElementsOf(csv.badRows());
        assertThat(vm.rejectedLines().get(0).reason()).contains("10:10:00");
        assertThat(vm.rejectedLines().get(1).reason()).contains("'abc' is not a number");
        assertThat(vm.rejectedLines().get(2).reason()).contains("'HOUSE4' is not a household id");
        assertThat(vm.reportSummaryProperty().get()).contains("(line 23)").contains("(line 154)").contains("(line 235)");
        assertThat(vm.flaggedLines()).isEmpty();
        assertThat(vm.rejectedTitleProperty().get()).as("every rejected row is in the table").isEqualTo("Rejected rows");
    }

    @Test
    void manyRejectedRowsShowTheFirstInTheTableAndSayHowManyThereAreAndWhereAllAreListed() throws Exception {
        List<String> bad = new ArrayList<>();
        List<Integer> after = new ArrayList<>();
        for (int i = 0; i < 250; i++) {
            bad.add("MAC000002,2013-01-01 10:10:00, 0.120 ");
            after.add(i);
        }
        MeterCsvFiles.Written csv = MeterCsvFiles.write(dir.resolve("noisy.csv"), 3, 2, bad, after);
        ImportViewModel vm = viewModel(workspaces);

        vm.importFile(csv.file());

        Path reportFile = folder.resolve("noisy-20261122T0015.import-report.csv").toAbsolutePath();
        assertThat(vm.rejectedLines()).extracting(RejectedLine::line).containsExactlyElementsOf(csv.badLines().subList(0, 100));
        assertThat(vm.rejectedTitleProperty().get())
                .isEqualTo("Rejected rows: the first 100 of 250; all are listed in " + reportFile);
        assertThat(vm.reportSummaryProperty().get()).contains("250 rows rejected: 250 with a timestamp not on a half-hour "
                + "boundary (lines " + csv.badLines().get(0) + ", ").endsWith(" in " + reportFile + ".");
        assertThat(vm.lastReportProperty().get().details().rejectedCount()).isEqualTo(250);
        assertThat(Files.readAllLines(reportFile)).hasSize(1 + 250);
    }

    @Test
    void implausibleReadingsAreImportedKeptFlaggedAndListedWithTheirLineNumbers() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withTwoImplausibleReadings(dir.resolve("faulty.csv"));
        ImportViewModel vm = viewModel(workspaces);

        vm.importFile(csv.file());

        assertThat(vm.rejectedLines()).isEmpty();
        assertThat(vm.flaggedLines()).extracting(FlaggedLine::line).containsExactlyElementsOf(csv.badLines());
        assertThat(vm.flaggedLines()).extracting(FlaggedLine::household).containsOnly("MAC000005");
        assertThat(vm.flaggedLines()).extracting(FlaggedLine::kwh).containsExactly("-1.500", "75.000");
        assertThat(vm.flaggedLines().get(0).reason()).contains("negative");
        assertThat(vm.flaggedLines().get(1).reason()).contains("more than the 50 kWh");
        assertThat(vm.lastReportProperty().get().details().readingsImported()).isEqualTo(csv.readings() + 2);
        assertThat(vm.reportSummaryProperty().get()).contains("2 readings kept but flagged as implausible, not counted in "
                + "totals: 1 negative (line " + csv.badLines().get(0) + "), 1 above 50 kWh (line " + csv.badLines().get(1) + ")");
        assertThat(vm.noticeProperty().get()).contains("2 readings kept but flagged as implausible");
        // Kept, but never counted: the overview's readings are the plausible ones.
        assertThat(active.overview(PurposeRole.SETTLEMENT, session.query().range()).readings()).isEqualTo(csv.readings());
        assertThat(active.descriptor().flaggedReadings()).isEqualTo(2);
    }

    @Test
    void aSecondImportReplacesTheFirstWhichIsClosedButKept() throws Exception {
        ImportViewModel vm = viewModel(workspaces);
        vm.importFile(MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv")).file());
        Path first = folder.resolve(IMPORTED_WORKSPACE);
        MeterCsvFiles.Written clean = MeterCsvFiles.write(dir.resolve("second.csv"), 1, 1, List.of(), List.of());

        vm.importFile(clean.file());

        Path second = folder.resolve("second-20261122T0015.duckdb");
        assertThat(shell.sourceLocationProperty().get()).isEqualTo(second.toAbsolutePath().toString());
        assertThat(workspaces.workspace(first)).isEmpty();
        assertThat(workspaces.workspace(second)).isPresent();
        assertThat(first).exists();
        assertThat(vm.rejectedLines()).isEmpty();
        assertThat(vm.reportSummaryProperty().get()).endsWith("No rows were rejected.");
    }

    @Test
    void openSyntheticWorkspaceGoesBackToTheDefaultAndClosesTheImport() throws Exception {
        ImportViewModel vm = viewModel(workspaces);
        vm.importFile(MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv")).file());
        Path file = folder.resolve(IMPORTED_WORKSPACE);

        vm.openSyntheticWorkspace();

        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Fake workspace (2 meters)");
        assertThat(shell.defaultSourceShownProperty().get()).isTrue();
        assertThat(session.query().range()).isEqualTo(FakeSource.RANGE);
        assertThat(workspaces.workspace(file)).isEmpty();
        assertThat(file).exists();
        assertThat(vm.canOpenSyntheticProperty().get()).isFalse();
        assertThat(vm.lastReportProperty().get()).as("the report stays reachable").isNotNull();
    }

    // ---------------------------------------------------------------- failure and cancel

    @Test
    void wrongHeaderKeepsThePreviousSourceAndDeletesThePartialWorkspace() throws Exception {
        Path csv = MeterCsvFiles.wrongHeader(dir.resolve("meters.csv"));
        List<Path> seenDuringImport = new ArrayList<>();
        ImportViewModel vm = viewModel(spying(workspaces, seenDuringImport, null));
        ViewQuery before = session.query();

        assertThat(vm.importFile(csv)).isTrue();

        assertThat(seenDuringImport).as("the import had created its workspace").anyMatch(p -> p.toString().endsWith(".duckdb"));
        assertThat(filesIn(folder)).isEmpty();
        assertThat(session.errorMessage())
                .startsWith("The file meters.csv is not a Low Carbon London smart-meter export: expected the columns "
                        + "LCLid, tstp, energy(kWh/hh) but the first line is \"meter,timestamp,kwh\".")
                .endsWith("Nothing was imported; still showing Local workspace · Fake workspace (2 meters).")
                .doesNotContain("Exception");
        assertPreviousSourceStillShown(before);
        assertThat(vm.lastReportProperty().get()).isNull();
        assertThat(vm.importingProperty().get()).isFalse();
        assertThat(vm.canImportProperty().get()).isTrue();
    }

    @Test
    void cancelKeepsThePreviousSourceAndDeletesThePartialWorkspace() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv"));
        List<Path> seenDuringImport = new ArrayList<>();
        ImportViewModel vm = viewModel(spying(workspaces, seenDuringImport, "Reading small.csv"));
        ViewQuery before = session.query();

        vm.importFile(csv.file());

        assertThat(seenDuringImport).as("cancelled while its workspace existed").anyMatch(p -> p.toString().endsWith(".duckdb"));
        assertThat(filesIn(folder)).isEmpty();
        assertThat(vm.noticeProperty().get()).isEqualTo("The import of small.csv was cancelled and its unfinished workspace "
                + "removed. Still showing Local workspace · Fake workspace (2 meters).");
        assertThat(session.errorMessage()).isNull();
        assertPreviousSourceStillShown(before);
        assertThat(vm.lastReportProperty().get()).isNull();
        assertThat(vm.importingProperty().get()).isFalse();
    }

    @Test
    void cancelJustAfterTheImportFinishedStillRemovesIt() throws Exception {
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv"));
        ViewQuery before = session.query();
        ImportViewModel vm = viewModel(new MeterCsvImporter() {
            @Override
            public ImportedSource importCsv(Path file, Progress progress) throws Exception {
                ImportedSource imported = workspaces.importCsv(file, progress);
                shell.cancel(); // Esc, after the last point where the import itself looks
                return imported;
            }

            @Override
            public void release(ImportedSource imported) {
                workspaces.release(imported);
            }

            @Override
            public void discard(ImportedSource imported) {
                workspaces.discard(imported);
            }
        });

        vm.importFile(csv.file());

        assertThat(filesIn(folder)).isEmpty();
        assertThat(workspaces.workspace(folder.resolve(IMPORTED_WORKSPACE))).isEmpty();
        assertPreviousSourceStillShown(before);
        assertThat(vm.noticeProperty().get()).contains("cancelled");
    }

    @Test
    void aFailedImportAfterASuccessfulOneKeepsTheImportedSource() throws Exception {
        ImportViewModel vm = viewModel(workspaces);
        vm.importFile(MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv")).file());
        ImportReport first = vm.lastReportProperty().get();
        ViewQuery before = session.query();
        String title = shell.sourceTitleProperty().get();

        vm.importFile(MeterCsvFiles.wrongHeader(dir.resolve("other.csv")));

        assertThat(session.errorMessage()).contains("other.csv").contains("expected the columns")
                .endsWith("still showing " + title + ".");
        assertThat(shell.sourceTitleProperty().get()).isEqualTo(title);
        assertThat(session.query()).isSameAs(before);
        assertThat(vm.lastReportProperty().get()).isSameAs(first);
        assertThat(workspaces.workspace(folder.resolve(IMPORTED_WORKSPACE))).isPresent();
        assertThat(filesIn(folder)).allMatch(p -> p.getFileName().toString().startsWith("small-"));
        assertThat(active.overview(PurposeRole.SETTLEMENT, before.range()).readings()).isEqualTo(288);
    }

    @Test
    void aMissingFileSaysSoAndKeepsThePreviousSource() {
        ImportViewModel vm = viewModel(workspaces);
        ViewQuery before = session.query();

        vm.importFile(dir.resolve("nowhere.csv.gz"));

        assertThat(session.errorMessage()).contains("does not exist").contains("nowhere.csv.gz");
        assertPreviousSourceStillShown(before);
        assertThat(filesIn(folder)).isEmpty();
    }

    @Test
    void aFailedImportStaysOnTheBannerWhenTheTabsReloadUntilDismissed() {
        ImportViewModel vm = viewModel(workspaces);
        vm.importWhenReady(dir.resolve("nowhere.csv.gz"));
        String failure = session.errorMessage();
        assertThat(failure).contains("nowhere.csv.gz");

        // The tabs reload (a new role, new dates): an error about them would go, the failed import's stays.
        session.publish(PurposeRole.MARKET_MONITORING, session.query().range());
        assertThat(session.errorMessage()).isEqualTo(failure);

        session.dismissError();
        assertThat(session.errorMessage()).isNull();
        session.reportError("A tab could not load.");
        session.publish(PurposeRole.SETTLEMENT, session.query().range());
        assertThat(session.errorMessage()).isNull();
    }

    // ---------------------------------------------------------------- start-up and guards

    @Test
    void aFileFromTheCommandLineIsImportedOnceTheFirstSourceIsReady() throws Exception {
        runner = SameThreadTaskRunner.deferred();
        ActiveSource deferredActive = new ActiveSource();
        WorkbenchSession deferredSession = new WorkbenchSession();
        shell = new ShellViewModel(deferredActive, new SourceOpener() {
            @Override
            public String target() {
                return "/tmp/ciw/workspaces/local.duckdb";
            }

            @Override
            public ConsumptionSource open(Progress progress) {
                return fake;
            }
        }, runner, deferredSession, settings, LocalDate.of(2026, 11, 20));
        ImportViewModel vm = new ImportViewModel(workspaces, shell.sources(), deferredSession, settings);
        shell.start();

        vm.importWhenReady(MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv")).file());

        assertThat(runner.startedTitles()).containsExactly(ShellViewModel.PREPARING);
        runner.runAll();
        assertThat(runner.startedTitles()).contains("Importing small.csv into a new workspace");
        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Imported small.csv");
        assertThat(deferredSession.query().range()).isEqualTo(new DateRange(MeterCsvFiles.FIRST_DAY, LocalDate.of(2013, 1, 2)));
        assertThat(vm.lastReportProperty().get()).isNotNull();
    }

    @Test
    void onlyOneImportAtATime() throws Exception {
        runner = SameThreadTaskRunner.deferred();
        shell = new ShellViewModel(active, new SourceOpener() {
            @Override
            public String target() {
                return "/tmp/ciw/workspaces/local.duckdb";
            }

            @Override
            public ConsumptionSource open(Progress progress) {
                return fake;
            }
        }, runner, session, settings, LocalDate.of(2026, 11, 20));
        shell.start();
        runner.runAll();
        ImportViewModel vm = viewModel(workspaces);
        Path csv = MeterCsvFiles.withThreeBadRows(dir.resolve("small.csv")).file();

        assertThat(vm.importFile(csv)).isTrue();
        assertThat(vm.busyProperty().get()).isTrue();
        assertThat(vm.canImportProperty().get()).isFalse();
        assertThat(vm.canOpenSyntheticProperty().get()).isFalse();
        assertThat(vm.importFile(csv)).isFalse();
        assertThat(vm.noticeProperty().get()).startsWith("Wait for the running import");

        runner.runAll();
        assertThat(vm.busyProperty().get()).isFalse();
        assertThat(filesIn(folder)).filteredOn(p -> p.toString().endsWith(".duckdb"))
                .containsExactly(folder.resolve(IMPORTED_WORKSPACE));
        assertThat(folder.resolve("small-20261122T0015.key")).exists();
    }

    // ---------------------------------------------------------------- helpers

    private void assertPreviousSourceStillShown(ViewQuery before) {
        assertThat(shell.sourceTitleProperty().get()).isEqualTo("Local workspace · Fake workspace (2 meters)");
        assertThat(active.descriptor()).isEqualTo(fake.descriptor());
        assertThat(session.query()).isSameAs(before);
        assertThat(shell.defaultSourceShownProperty().get()).isTrue();
        assertThat(releasedDefaults).isEmpty();
        fake.calls.clear();
        assertThat(active.overview(PurposeRole.SETTLEMENT, before.range())).isEqualTo(fake.kpis.get(PurposeRole.SETTLEMENT));
    }

    /**
     * Passes through to {@code real}, noting the folder's files at every progress report; with {@code cancelOn}, the
     * user presses Esc at the first report whose message starts so.
     */
    private MeterCsvImporter spying(ImportedWorkspaces real, List<Path> seen, String cancelOn) {
        return new MeterCsvImporter() {
            @Override
            public ImportedSource importCsv(Path csv, Progress progress) throws Exception {
                return real.importCsv(csv, new Progress() {
                    @Override
                    public void report(double fraction, String message) {
                        seen.addAll(filesIn(folder));
                        if (cancelOn != null && message != null && message.startsWith(cancelOn)) {
                            shell.cancel();
                        }
                        progress.report(fraction, message);
                    }

                    @Override
                    public boolean isCancelled() {
                        return progress.isCancelled();
                    }
                });
            }

            @Override
            public void release(ImportedSource imported) {
                real.release(imported);
            }

            @Override
            public void discard(ImportedSource imported) {
                real.discard(imported);
            }
        };
    }

    private static List<Path> filesIn(Path folder) {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.toList();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
