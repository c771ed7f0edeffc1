package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.consumptioninsights.app.ui.UiSupport.allText;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.parseCount;
import static uk.consumptioninsights.app.ui.UiSupport.parseKwh;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.prefs.Preferences;
import java.util.stream.Stream;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.AppContext;
import uk.consumptioninsights.app.WorkbenchWindow;
import uk.consumptioninsights.app.importer.RejectedLine;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.app.testsupport.MeterCsvFiles;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * The real app on a small synthetic workspace imports a CSV the test writes: the header names the import, the Overview
 * shows the imported workspace's own figures (checked by SQL against its gold view), the report lists exactly the bad
 * lines, and a file with a wrong header changes nothing. The native file chooser cannot run headless, so the chosen
 * path goes straight to the view-model, as the chooser hands it over.
 */
@ExtendWith(ApplicationExtension.class)
class ImportUiTest {

    private static final String METERS = "30";
    private static final String DAYS = "4";

    @TempDir
    static Path home;
    @TempDir
    Path csvDir;
    private static String prefsNode;

    private AppContext context;
    private Scene scene;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, METERS, DAYS);
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(),
                source -> source);
        WorkbenchWindow.show(stage, context, () -> { });
        scene = stage.getScene();
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void importShowsTheFileItsFiguresAndReportAndAWrongFileChangesNothing(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        assertThat(text(robot, "#activeSourceTitle")).startsWith("Local workspace · Synthetic workspace");
        MenuItem importItem = fileMenuItem(robot, "importCsvMenuItem");
        assertThat(fx(importItem::getText)).isEqualTo("_Import meter CSV…");
        assertThat(fx(importItem::getAccelerator)).isEqualTo(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        assertThat(fx(importItem::isDisable)).isFalse();
        assertThat(fx(() -> fileMenuItem(robot, "lastImportReportMenuItem").isDisable())).isTrue();
        MeterCsvFiles.Written csv = MeterCsvFiles.withThreeBadRows(csvDir.resolve("small.csv"));

        robot.interact(() -> context.importer().importFile(csv.file()));
        awaitSettled(context, 120);

        // The header shows the import, in a new workspace named after the file and the time.
        Path workspaceFile = fx(() -> context.importer().lastReportProperty().get().workspaceFile());
        assertThat(workspaceFile.getParent()).isEqualTo(home.resolve("workspaces").toAbsolutePath());
        assertThat(workspaceFile.getFileName().toString()).matches("small-\\d{8}T\\d{4}\\.duckdb");
        assertThat(text(robot, "#activeSourceTitle")).isEqualTo("Local workspace · Imported small.csv");
        assertThat(text(robot, "#activeSourceLocation")).isEqualTo(workspaceFile.toString());
        assertThat(text(robot, "#importNoticeMessage")).isEqualTo("Imported small.csv into a new workspace: 288 readings "
                + "for 3 households, 3 rows rejected (see the import report).");

        // The Overview shows the imported workspace's figures over its whole range.
        LocalWorkspace imported = context.importedWorkspaces().workspace(workspaceFile).orElseThrow();
        DateRange range = fx(() -> context.session().query().range());
        Object[] available = row(imported, "SELECT min(settlement_date), max(settlement_date) FROM gold.v_settlement_half_hourly");
        assertThat(range).isEqualTo(new DateRange(localDate(available[0]), localDate(available[1])))
                .isEqualTo(new DateRange(MeterCsvFiles.FIRST_DAY, csv.lastDay()));
        Object[] expected = row(imported, "SELECT count(DISTINCT mpan), sum(kwh), count(*), epoch_ms(max(interval_start_utc)) "
                + "FROM gold.v_settlement_half_hourly WHERE settlement_date BETWEEN ? AND ?", range.from(), range.to());
        assertThat(parseCount(text(robot, "#kpiDistinctMeters"))).isEqualTo(((Number) expected[0]).longValue()).isEqualTo(3);
        assertThat(parseKwh(text(robot, "#kpiTotalKwh"))).isCloseTo(((Number) expected[1]).doubleValue(), within(0.051));
        assertThat(parseCount(text(robot, "#kpiReadings"))).isEqualTo(((Number) expected[2]).longValue()).isEqualTo(csv.readings());
        SettlementPeriod latest = SettlementCalendar.periodOf(Instant.ofEpochMilli(((Number) expected[3]).longValue()));
        assertThat(text(robot, "#kpiLatestReading"))
                .isEqualTo(latest.settlementDate() + " SP" + latest.period() + " · " + latest.localLabel());
        assertThat(fx(() -> robot.lookup("#fromDate").queryAs(javafx.scene.control.DatePicker.class).getValue()))
                .isEqualTo(MeterCsvFiles.FIRST_DAY);

        // The report window opened by itself and lists exactly the bad lines.
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> reportWindow() != null));
        TableView<?> table = robot.lookup("#rejectedRowsTable").queryTableView();
        List<Long> listed = fx(() -> {
            List<Long> out = new ArrayList<>();
            for (Object item : table.getItems()) {
                out.add(((RejectedLine) item).line());
            }
            return out;
        });
        assertThat(listed).containsExactlyElementsOf(csv.badLines());
        assertThat(fx(() -> table.getColumns().stream().map(c -> c.getText()).toList()))
                .containsExactly("Line", "Reason", "Raw text");
        assertThat(fx(() -> String.valueOf(table.getColumns().get(2).getCellData(1)))).isEqualTo(csv.badRows().get(1));
        assertThat(text(robot, "#importReportSummary"))
                .startsWith("Imported 288 readings for 3 households (2013-01-01 to 2013-01-02). 3 rows rejected:")
                .contains("line " + csv.badLines().get(0)).contains("line " + csv.badLines().get(1))
                .contains("line " + csv.badLines().get(2));
        UiSupport.snapshot(scene, "import-main");
        UiSupport.snapshot(fx(() -> reportWindow().getScene()), "import-report");
        robot.clickOn("#closeImportReport");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> reportWindow() == null));
        assertThat(fx(() -> fileMenuItem(robot, "lastImportReportMenuItem").isDisable())).isFalse();

        // The synthetic workspace was closed when the import took over (DuckDB holds a file lock while open).
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.workspace().workspace().isEmpty());

        // A file with the wrong header: a message naming the problem, and nothing else changes.
        List<String> kpis = kpis(robot);
        Path wrong = MeterCsvFiles.wrongHeader(csvDir.resolve("readings.csv"));
        robot.interact(() -> context.importer().importFile(wrong));
        awaitSettled(context, 60);

        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isTrue();
        assertThat(text(robot, "#errorMessage"))
                .contains("readings.csv is not a Low Carbon London smart-meter export")
                .contains("expected the columns LCLid, tstp, energy(kWh/hh)")
                .contains("\"meter,timestamp,kwh\"")
                .endsWith("Nothing was imported; still showing Local workspace · Imported small.csv.")
                .doesNotContain("Exception");
        assertThat(allText(scene)).noneMatch(t -> t.contains("Exception") || t.contains("\tat "));
        UiSupport.snapshot(scene, "import-wrong-header");
        assertThat(text(robot, "#activeSourceTitle")).isEqualTo("Local workspace · Imported small.csv");
        assertThat(text(robot, "#activeSourceLocation")).isEqualTo(workspaceFile.toString());
        assertThat(kpis(robot)).isEqualTo(kpis);
        assertThat(fx(() -> context.session().query().range())).isEqualTo(range);
        assertThat(workspaceFiles()).noneMatch(name -> name.startsWith("readings"));
        assertThat(context.importedWorkspaces().workspace(workspaceFile)).isPresent();
        assertThat(fx(() -> context.importer().lastReportProperty().get().workspaceFile())).isEqualTo(workspaceFile);

        // Still fully usable: F5 re-reads the imported workspace and shows the same figures.
        robot.clickOn("#dismissError");
        long generation = fx(() -> context.session().query().generation());
        robot.push(KeyCode.F5);
        awaitSettled(context, 60);
        assertThat(fx(() -> context.session().query().generation())).isGreaterThan(generation);
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        assertThat(kpis(robot)).isEqualTo(kpis);
    }

    @Test
    void openSyntheticWorkspaceGoesBackToItsFiguresAndClosesTheImport(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        List<String> synthetic = kpis(robot);
        MenuItem openSynthetic = fileMenuItem(robot, "openSyntheticMenuItem");
        assertThat(fx(openSynthetic::isDisable)).as("already showing it").isTrue();
        Path csv = MeterCsvFiles.write(csvDir.resolve("two_days.csv.gz.csv"), 2, 2, List.of(), List.of()).file();
        robot.interact(() -> context.importer().importFile(csv));
        awaitSettled(context, 120);
        Path workspaceFile = fx(() -> context.importer().lastReportProperty().get().workspaceFile());
        assertThat(text(robot, "#activeSourceTitle")).isEqualTo("Local workspace · Imported two_days.csv.gz.csv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> reportWindow() != null));
        robot.interact(() -> reportWindow().hide());
        assertThat(fx(openSynthetic::isDisable)).isFalse();

        robot.interact(openSynthetic::fire);
        awaitSettled(context, 120);

        assertThat(text(robot, "#activeSourceTitle")).startsWith("Local workspace · Synthetic workspace");
        assertThat(text(robot, "#activeSourceLocation"))
                .isEqualTo(home.resolve("workspaces").resolve("local.duckdb").toAbsolutePath().toString());
        assertThat(kpis(robot)).isEqualTo(synthetic);
        DateRange range = fx(() -> context.session().query().range());
        assertThat(range.days()).isEqualTo(Long.parseLong(DAYS));
        try (Connection c = context.workspace().newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM gold.v_settlement_half_hourly "
                     + "WHERE settlement_date BETWEEN ? AND ?")) {
            ps.setObject(1, range.from());
            ps.setObject(2, range.to());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(parseCount(text(robot, "#kpiReadings"))).isEqualTo(rs.getLong(1));
            }
        }
        assertThat(fx(openSynthetic::isDisable)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> context.importedWorkspaces().workspace(workspaceFile).isEmpty());
        assertThat(workspaceFile).as("an import is kept on disk").exists();
        assertThat(fx(() -> fileMenuItem(robot, "lastImportReportMenuItem").isDisable())).as("report still reachable").isFalse();
    }

    @Test
    void escCancelsAnImportRemovesItsWorkspaceAndKeepsThePreviousSource(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        List<String> before = kpis(robot);
        String title = text(robot, "#activeSourceTitle");
        // Large enough (about 25 MB, a few seconds to import) that Esc arrives while it is still reading or building.
        Path csv = MeterCsvFiles.write(csvDir.resolve("big.csv"), 200, 60, List.of(), List.of()).file();

        robot.interact(() -> context.importer().importFile(csv));
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> fx(() -> context.runner().activity().messageProperty().get().startsWith("Reading big.csv")));
        assertThat(fx(() -> robot.lookup("#cancelTask").query().isDisabled())).isFalse();
        robot.push(KeyCode.ESCAPE);
        awaitSettled(context, 60);

        assertThat(text(robot, "#importNoticeMessage")).isEqualTo("The import of big.csv was cancelled and its unfinished "
                + "workspace removed. Still showing " + title + ".");
        assertThat(text(robot, "#activeSourceTitle")).isEqualTo(title);
        assertThat(kpis(robot)).isEqualTo(before);
        assertThat(fx(() -> context.importer().lastReportProperty().get())).isNull();
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        // The worker removes the files as it stops, just after the window has said so.
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> workspaceFiles().stream().noneMatch(n -> n.startsWith("big-")));
        assertThat(context.workspace().workspace()).as("the synthetic workspace stays open").isPresent();
    }

    // ---------------------------------------------------------------- helpers

    private static MenuItem fileMenuItem(FxRobot robot, String id) {
        MenuBar bar = robot.lookup(".menu-bar").queryAs(MenuBar.class);
        return fx(() -> bar.getMenus().get(0).getItems().stream().filter(item -> id.equals(item.getId())).findFirst()
                .orElseThrow(() -> new AssertionError("No File menu item " + id)));
    }

    private static Window reportWindow() {
        return Window.getWindows().stream()
                .filter(w -> w.isShowing() && w.getScene() != null && w.getScene().lookup("#rejectedRowsTable") != null)
                .findFirst().orElse(null);
    }

    private List<String> workspaceFiles() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("workspaces"))) {
            return files.map(p -> p.getFileName().toString()).toList();
        }
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return fx(() -> ((Labeled) node).getText());
    }

    private static List<String> kpis(FxRobot robot) {
        return List.of(text(robot, "#kpiDistinctMeters"), text(robot, "#kpiTotalKwh"), text(robot, "#kpiReadings"),
                text(robot, "#kpiLatestReading"));
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private static Object[] row(LocalWorkspace workspace, String sql, Object... params) throws SQLException {
        try (Connection c = workspace.newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setObject(i + 1, params[i]);
            }
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Object[] out = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < out.length; i++) {
                    out[i] = rs.getObject(i + 1);
                }
                return out;
            }
        }
    }
}
