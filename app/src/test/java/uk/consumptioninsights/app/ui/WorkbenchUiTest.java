package uk.consumptioninsights.app.ui;

import java.util.Locale;
import java.text.NumberFormat;
import uk.consumptioninsights.model.meter.GspGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.consumptioninsights.app.ui.UiSupport.allText;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.parseCount;
import static uk.consumptioninsights.app.ui.UiSupport.parseKwh;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.prefs.Preferences;
import java.util.regex.Pattern;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
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
import uk.consumptioninsights.app.anomalies.AnomaliesViewModel;
import uk.consumptioninsights.app.consumption.ScopeOption;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.MeterSearch;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * The real app on a small synthetic workspace built on first start, headless. Every figure on screen is checked
 * against a direct SQL query of the same DuckDB file (through the app's own workspace connection: DuckDB allows one
 * writer per file, and a second in-process DriverManager connection would have to be opened exactly the same way).
 */
@ExtendWith(ApplicationExtension.class)
class WorkbenchUiTest {

    /** 120 meters put 7 of the 14 GSP groups at or above Research's minimum of 10, so Research sees some but not all. */
    static final String METERS = "120";
    static final String DAYS = "10";
    private static final Pattern THIRTEEN_DIGITS = Pattern.compile("(?<!\\d)\\d{13}(?!\\d)");
    private static final AtomicReference<RuntimeException> FAULT = new AtomicReference<>();

    @TempDir
    static Path home;
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
        FAULT.set(null);
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(),
                source -> new FaultySource(source, FAULT));
        WorkbenchWindow.show(stage, context, () -> { });
        scene = stage.getScene();
    }

    @Stop
    void stop() {
        context.close();
    }

    @AfterEach
    void forgetRememberedRole() throws Exception {
        Preferences.userRoot().node(prefsNode).clear();
    }

    // ---------------------------------------------------------------- tests

    @Test
    void overviewShowsTheSettlementViewsFigures(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        showTab(robot, 1);
        DateRange range = context.session().query().range();

        Object[] available = row("SELECT min(settlement_date), max(settlement_date) FROM gold.v_settlement_half_hourly");
        assertThat(range).isEqualTo(new DateRange(localDate(available[0]), localDate(available[1])));
        assertThat(range.days()).isEqualTo(Long.parseLong(DAYS));
        Object[] expected = row("SELECT count(DISTINCT mpan), sum(kwh), count(*), epoch_ms(max(interval_start_utc)) "
                + "FROM gold.v_settlement_half_hourly WHERE settlement_date BETWEEN ? AND ?", range.from(), range.to());

        assertThat(text(robot, "#kpiDistinctMeters")).isEqualTo(grouped(((Number) expected[0]).longValue()));
        assertThat(parseCount(text(robot, "#kpiDistinctMeters"))).isEqualTo(Long.parseLong(METERS));
        assertThat(parseKwh(text(robot, "#kpiTotalKwh"))).isCloseTo(((Number) expected[1]).doubleValue(), within(0.051));
        assertThat(text(robot, "#kpiTotalKwh")).matches("[0-9]{1,3}(,[0-9]{3})+\\.[0-9] kWh");
        assertThat(parseCount(text(robot, "#kpiReadings"))).isEqualTo(((Number) expected[2]).longValue());
        SettlementPeriod latest = SettlementCalendar.periodOf(Instant.ofEpochMilli(((Number) expected[3]).longValue()));
        assertThat(text(robot, "#kpiLatestReading"))
                .isEqualTo(latest.settlementDate() + " SP" + latest.period() + " · " + latest.localLabel());

        assertThat(text(robot, "#activeSourceTitle")).startsWith("Local workspace · Synthetic workspace");
        assertThat(text(robot, "#activeSourceLocation"))
                .isEqualTo(home.resolve("workspaces").resolve("local.duckdb").toAbsolutePath().toString());
        assertThat(allText(scene)).anyMatch(t -> t.contains("Relation: gold.v_settlement_gsp_half_hourly"));
        assertThat(fx(() -> ((Labeled) robot.lookup("#kpiDistinctMeters").query().getParent().getChildrenUnmodifiable().get(0)).getText()))
                .isEqualTo("Distinct MPANs");
    }

    @Test
    void consumptionTotalsMatchTheViewForEveryScope(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        showTab(robot, 2);
        DateRange range = context.session().query().range();
        String base = "SELECT sum(kwh), count(DISTINCT interval_start_utc) FROM gold.v_settlement_half_hourly "
                + "WHERE settlement_date BETWEEN ? AND ?";

        Object[] all = row(base, range.from(), range.to());
        assertVisibleTotals(robot, all);
        LineChart<?, ?> chart = robot.lookup("#consumptionChart").queryAs(LineChart.class);
        assertThat(fx(() -> chart.getData().get(0).getData().size())).isLessThanOrEqualTo(context.consumption().pointBudget());
        assertThat(fx(chart::getCreateSymbols)).isFalse();
        assertThat(fx(chart::getAnimated)).isFalse();
        assertThat(allText(scene)).anyMatch(t -> t.matches("\\d{1,2} [A-Z][a-z]{2,3} SP\\d{1,2}"));

        robot.clickOn("#scopeSelector");
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> groupCell = robot.lookup(".list-cell")
                .match((ListCell<?> c) -> c.getText() != null && c.getText().startsWith("GSP group _B")).query();
        robot.clickOn(groupCell);
        awaitSettled(context, 60);
        assertThat(fx(() -> robot.lookup("#scopeSelector").queryAs(ComboBox.class).getValue()))
                .isEqualTo(ScopeOption.of(GspGroup.B));
        assertVisibleTotals(robot, row(base + " AND gsp_group = ?", range.from(), range.to(), "_B"));

        ComboBox<ScopeOption> scope = robot.lookup("#scopeSelector").queryComboBox();
        robot.interact(() -> scope.getSelectionModel().select(ScopeOption.ONE_METER));
        awaitSettled(context, 60);
        ComboBox<MeterChoice> meterBox = robot.lookup("#meterSelector").queryComboBox();
        assertThat(fx(meterBox::isVisible)).isTrue();
        MeterChoice meter = fx(meterBox::getValue);
        assertThat(meter.label()).matches("\\d{13}");
        assertVisibleTotals(robot, row(base + " AND mpan = ?", range.from(), range.to(), meter.key()));

        // The picker finds meters by what is typed (a page at a time, however large the fleet); Enter shows the first.
        String other = (String) row("SELECT max(mpan) FROM gold.v_settlement_half_hourly")[0];
        String prefix = other.substring(0, 9);
        robot.clickOn("#meterSearch").write(prefix);
        awaitSettled(context, 60);
        List<String> expected = column("SELECT DISTINCT mpan FROM gold.v_settlement_half_hourly WHERE mpan LIKE '"
                + prefix + "%' ORDER BY 1");
        assertThat(fx(() -> meterBox.getItems().stream().map(MeterChoice::key).sorted().toList()))
                .isEqualTo(expected).contains(other);
        robot.type(KeyCode.ENTER);
        awaitSettled(context, 60);
        MeterChoice found = fx(meterBox::getValue);
        assertThat(found.key()).startsWith(prefix);
        assertVisibleTotals(robot, row(base + " AND mpan = ?", range.from(), range.to(), found.key()));
        robot.interact(() -> meterBox.setValue(meter));
        awaitSettled(context, 60);

        robot.clickOn("#zoomIn");
        awaitSettled(context, 60);
        long from = (long) (double) fx(() -> context.consumption().viewFromProperty().get());
        long to = (long) (double) fx(() -> context.consumption().viewToProperty().get());
        Object[] window = row(base + " AND mpan = ? AND epoch_ms(interval_start_utc) >= ? AND epoch_ms(interval_start_utc) < ?",
                range.from(), range.to(), meter.key(), from * 1000, to * 1000);
        assertVisibleTotals(robot, window);
        assertThat(((Number) window[1]).longValue()).isLessThan(((Number) all[1]).longValue());
    }

    @Test
    void anomaliesShowTheEmptyStateWhileNothingIsDetected(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        showTab(robot, 3);
        long detected = ((Number) row("SELECT count(*) FROM gold.anomalies")[0]).longValue();
        long labels = ((Number) row("SELECT count(*) FROM evaluation.anomaly_labels")[0]).longValue();
        assertThat(labels).as("injected labels exist, so hiding them is a real check").isPositive();

        if (detected == 0) {
            assertThat(fx(() -> robot.lookup("#anomaliesEmpty").query().isVisible())).isTrue();
            assertThat(text(robot, "#anomaliesEmptyMessage")).isEqualTo(AnomaliesViewModel.EMPTY_MESSAGE);
            assertThat(fx(() -> robot.lookup("#detectionsTable").query().isVisible())).isFalse();
            assertThat(fx(() -> robot.lookup("#detectionsTable").queryTableView().getItems().size())).isZero();
        } else {
            DateRange range = context.session().query().range();
            long inRange = ((Number) row("SELECT count(*) FROM gold.v_settlement_anomalies WHERE epoch_ms(interval_start_utc) >= ? "
                    + "AND epoch_ms(interval_start_utc) < ?", SettlementCalendar.dayStart(range.from()).toEpochMilli(),
                    SettlementCalendar.dayStart(range.to().plusDays(1)).toEpochMilli())[0]).longValue();
            assertThat(fx(() -> robot.lookup("#detectionsTable").queryTableView().getItems().size())).isEqualTo((int) inRange);
        }
        List<String> descriptions = column("SELECT DISTINCT description FROM evaluation.anomaly_labels");
        List<String> shown = allText(scene);
        for (String description : descriptions) {
            assertThat(shown).noneMatch(t -> t.contains(description));
        }
    }

    @Test
    void governanceCountsEveryMeterAndListsAPageAsSettlementSeesThem(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        showTab(robot, 4);
        List<String> all = column("SELECT DISTINCT mpan FROM gold.v_settlement_half_hourly ORDER BY 1");
        List<String> mpans = column("SELECT mpan FROM (SELECT DISTINCT mpan, gsp_group FROM gold.v_settlement_half_hourly) "
                + "ORDER BY gsp_group, mpan LIMIT " + MeterSearch.PAGE);

        assertThat(parseCount(text(robot, "#governanceMeterCount").split(" ")[0])).isEqualTo(all.size());
        TableView<?> meters = robot.lookup("#metersTable").queryTableView();
        List<String> listed = fx(() -> {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < meters.getItems().size(); i++) {
                out.add(String.valueOf(meters.getColumns().get(0).getCellData(i)));
            }
            return out;
        });
        assertThat(listed).containsExactlyInAnyOrderElementsOf(mpans);
        assertThat(fx(() -> meters.getColumns().get(0).getText())).isEqualTo("MPAN");
        assertThat(text(robot, "#governanceReads")).contains("gold.v_settlement_gsp_half_hourly");
        // Positive control for the Research scan below: under Settlement the scene does show MPANs.
        assertThat(allText(scene)).anyMatch(t -> THIRTEEN_DIGITS.matcher(t).find());
    }

    @Test
    void researchRoleShowsNoMpanAnywhereAndItsOwnFigures(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        double settlementTotal = parseKwh(text(robot, "#kpiTotalKwh"));

        robot.clickOn("#roleSelector");
        WaitForAsyncUtils.waitForFxEvents();
        ListCell<?> research = robot.lookup(".list-cell").match((ListCell<?> c) -> "Research".equals(c.getText())).query();
        robot.clickOn(research);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> context.session().query() != null
                && context.session().query().role() == PurposeRole.RESEARCH));
        awaitSettled(context, 60);

        Set<String> identities = new HashSet<>(column("SELECT mpan FROM gold.meters"));
        identities.addAll(column("SELECT mpan_pseudonym FROM gold.meters"));
        assertThat(identities).hasSize(2 * Integer.parseInt(METERS));
        for (int tab = 1; tab <= 4; tab++) {
            showTab(robot, tab);
            awaitSettled(context, 60);
            List<String> shown = allText(scene);
            for (String text : shown) {
                assertThat(THIRTEEN_DIGITS.matcher(text).find()).as("13-digit number on tab %d: %s", tab, text).isFalse();
                for (String identity : identities) {
                    assertThat(text).as("meter identity on tab %d", tab).doesNotContain(identity);
                }
            }
        }

        showTab(robot, 1);
        DateRange range = context.session().query().range();
        Object[] expected = row("SELECT (SELECT coalesce(sum(meter_count), 0) FROM gold.v_research_population), "
                + "coalesce(sum(kwh_total), 0), coalesce(sum(meter_count), 0), epoch_ms(max(interval_start_utc)) "
                + "FROM gold.v_research_gsp_half_hourly WHERE settlement_date BETWEEN ? AND ?", range.from(), range.to());
        assertThat(parseCount(text(robot, "#kpiDistinctMeters"))).isEqualTo(((Number) expected[0]).longValue()).isPositive();
        assertThat(parseKwh(text(robot, "#kpiTotalKwh"))).isCloseTo(((Number) expected[1]).doubleValue(), within(0.051))
                .isLessThan(settlementTotal);
        assertThat(parseCount(text(robot, "#kpiReadings"))).isEqualTo(((Number) expected[2]).longValue());
        SettlementPeriod latest = SettlementCalendar.periodOf(Instant.ofEpochMilli(((Number) expected[3]).longValue()));
        assertThat(text(robot, "#kpiLatestReading")).isEqualTo(latest.settlementDate() + " SP" + latest.period() + " · " + latest.localLabel());
        assertThat(allText(scene)).contains("Meters (in groups ≥ 10)");

        showTab(robot, 2);
        Object[] series = row("SELECT sum(kwh_total), count(DISTINCT interval_start_utc) FROM gold.v_research_gsp_half_hourly "
                + "WHERE settlement_date BETWEEN ? AND ?", range.from(), range.to());
        assertVisibleTotals(robot, series);
        assertThat(fx(() -> robot.lookup("#meterSelector").query().isVisible())).isFalse();
        assertThat(fx(() -> robot.lookup("#scopeSelector").queryComboBox().getItems())).doesNotContain(ScopeOption.ONE_METER);

        showTab(robot, 4);
        assertThat(fx(() -> robot.lookup("#metersTable").queryTableView().getItems().size())).isZero();
        assertThat(text(robot, "#governanceMetersNote")).startsWith("Individual meters are not available to Research");
        assertThat(text(robot, "#governanceReads")).contains("gold.v_research_gsp_half_hourly");
    }

    @Test
    void failingSourceShowsAMessageAndKeepsTheNumbers(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        showTab(robot, 1);
        List<String> before = kpis(robot);
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();

        FAULT.set(new IllegalStateException("java.sql.SQLException: IO Error: Could not read from file",
                new SQLException("IO Error: Could not read from file \"local.duckdb\"")));
        robot.push(KeyCode.F5);
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#errorBanner").query().isVisible()));
        awaitSettled(context, 60);

        String message = text(robot, "#errorMessage");
        assertThat(message).isNotBlank().doesNotContain("Exception").doesNotContain("at uk.")
                .doesNotContain("SQL").doesNotContain("IO Error");
        assertThat(kpis(robot)).isEqualTo(before);
        assertThat(allText(scene)).noneMatch(t -> t.contains("Exception") || t.contains("at uk.") || t.contains("\tat "));

        FAULT.set(null);
        robot.clickOn("#dismissError");
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        robot.push(KeyCode.F5);
        awaitSettled(context, 60);
        assertThat(fx(() -> robot.lookup("#errorBanner").query().isVisible())).isFalse();
        assertThat(kpis(robot)).isEqualTo(before);
    }

    // ---------------------------------------------------------------- helpers

    private void showTab(FxRobot robot, int number) {
        robot.push(KeyCode.CONTROL, KeyCode.valueOf("DIGIT" + number));
        WaitForAsyncUtils.waitForFxEvents();
        TabPane tabs = robot.lookup("#mainTabs").query();
        assertThat(fx(() -> tabs.getSelectionModel().getSelectedIndex())).as("Ctrl+%d selects tab %d", number, number)
                .isEqualTo(number - 1);
    }

    private void assertVisibleTotals(FxRobot robot, Object[] expected) {
        assertThat(parseKwh(text(robot, "#seriesTotalKwh"))).isCloseTo(((Number) expected[0]).doubleValue(), within(0.051));
        assertThat(parseCount(text(robot, "#seriesPoints"))).isEqualTo(((Number) expected[1]).longValue());
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return fx(() -> ((Labeled) node).getText());
    }

    private static List<String> kpis(FxRobot robot) {
        return List.of(text(robot, "#kpiDistinctMeters"), text(robot, "#kpiTotalKwh"), text(robot, "#kpiReadings"),
                text(robot, "#kpiLatestReading"));
    }

    private static String grouped(long value) {
        return NumberFormat.getIntegerInstance(Locale.UK).format(value);
    }

    private static LocalDate localDate(Object value) {
        return value instanceof java.sql.Date d ? d.toLocalDate() : (LocalDate) value;
    }

    private Object[] row(String sql, Object... params) throws SQLException {
        try (Connection c = context.workspace().newConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
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

    private List<String> column(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = context.workspace().newConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }
}
