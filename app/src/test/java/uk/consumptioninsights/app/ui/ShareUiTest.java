package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static uk.consumptioninsights.app.ui.UiSupport.allText;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.parseCount;
import static uk.consumptioninsights.app.ui.UiSupport.parseKwh;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.LineChart;
import javafx.scene.chart.XYChart;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
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
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.app.sharing.ShareTableItem;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The real app opens a Delta Sharing profile for a share served by the loopback protocol fixture, by file and as a
 * command-line argument, browses to the tables, loads them, and shows KPIs and a chart equal to a direct DuckDB query
 * of the fixture's own Parquet files, with no raw MPAN anywhere and the token-expiry banner up.
 */
@ExtendWith(ApplicationExtension.class)
class ShareUiTest {

    private static final String TOKEN = "dapi-ui-test-token-0123456789";

    @TempDir
    static Path home;
    @TempDir
    static Path shareDir;
    private static String prefsNode;
    private static DeltaSharingServerFixture server;
    private static SharingFixtureData.SharedTables tables;
    private static Path profile;

    private AppContext context;
    private Scene scene;

    @BeforeAll
    static void serveAShare() throws Exception {
        prefsNode = AppUnderTest.configure(home, "20", "3");
        tables = SharingFixtureData.fromSyntheticWorkspace(shareDir.resolve("share"), SharingFixtureData.Size.ui());
        server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(10));
        tables.shareOn(server, false);
        profile = server.writeProfile(shareDir.resolve("elexon.share"),
                server.profileV1Json(Instant.now().plus(Duration.ofDays(3))));
    }

    @AfterAll
    static void stopServing() throws Exception {
        server.close();
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), s -> s);
        WorkbenchWindow.show(stage, context, () -> { });
        scene = stage.getScene();
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void aProfileOpenedByFileLoadsTheShareAndEveryFigureMatchesTheFixturesData(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        WaitForAsyncUtils.asyncFx(() -> context.shares().openProfile(profile)).get(10, TimeUnit.SECONDS);
        loadFromTheBrowser(robot);

        assertThat(text(robot, "#activeSourceTitle")).startsWith("Delta Sharing recipient · Share elexon_consumption");
        assertThat(fx(() -> List.copyOf(context.shell().roles()))).containsExactly(PurposeRole.RECIPIENT);
        assertThat(text(robot, "#tokenNotice")).startsWith("The token in elexon.share expires in 2 days");

        DateRange range = context.session().query().range();
        Object[] expected = direct("SELECT count(DISTINCT mpan_pseudonym), sum(kwh), count(*) FROM "
                + consumptionFiles() + " WHERE settlement_date BETWEEN ? AND ?", range);
        assertThat(parseCount(text(robot, "#kpiDistinctMeters"))).isEqualTo(((Number) expected[0]).longValue()).isPositive();
        assertThat(parseKwh(text(robot, "#kpiTotalKwh"))).isCloseTo(((Number) expected[1]).doubleValue(), within(0.051));
        assertThat(parseCount(text(robot, "#kpiReadings"))).isEqualTo(((Number) expected[2]).longValue());

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT2);
        awaitSettled(context, 60);
        LineChart<?, ?> chart = robot.lookup("#consumptionChart").queryAs(LineChart.class);
        int points = fx(() -> chart.getData().get(0).getData().size());
        Object[] halfHours = direct("SELECT count(DISTINCT interval_start_utc), max(s) FROM (SELECT interval_start_utc, "
                + "sum(kwh) OVER (PARTITION BY interval_start_utc) AS s, settlement_date FROM " + consumptionFiles()
                + ") WHERE settlement_date BETWEEN ? AND ?", range);
        assertThat(points).isPositive().isLessThanOrEqualTo(((Number) halfHours[0]).intValue());
        double peak = fx(() -> chart.getData().get(0).getData().stream()
                .mapToDouble(d -> ((XYChart.Data<?, ?>) d).getYValue() instanceof Number n ? n.doubleValue() : 0).max().orElse(0));
        assertThat(peak).as("LTTB keeps the peak half-hour").isCloseTo(((Number) halfHours[1]).doubleValue(), within(1e-6));

        robot.push(KeyCode.CONTROL, KeyCode.DIGIT3);
        awaitSettled(context, 60);
        assertThat(fx(() -> context.anomalies().matchingCount())).isEqualTo((int) tables.anomalyRows()).isPositive();
        assertThat(fx(() -> context.anomalies().comparisonProperty().get().message()))
                .isEqualTo("This source ships its own detections. Rescore locally (Ctrl+R) to compare them with the "
                        + "workbench's detectors, type by type.");

        // Local rescoring works on the recipient's copy, and its detections are compared with the share's.
        robot.clickOn("#rescoreButton");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> context.anomalies().rescoreMessageProperty().get())
                .startsWith("Rescored"));
        awaitSettled(context, 60);
        assertThat(fx(() -> context.anomalies().comparisonProperty().get().comparable())).isTrue();
        assertThat(fx(() -> context.anomalies().comparisonProperty().get().message())).startsWith("Agreement ");

        List<String> mpans = rawMpans();
        assertThat(mpans).isNotEmpty();
        for (String shown : allText(scene)) {
            for (String mpan : mpans) {
                assertThat(shown).as("raw MPAN shown to a recipient").doesNotContain(mpan);
            }
        }
        assertThat(server.requests()).filteredOn(r -> r.server().equals("storage"))
                .isNotEmpty()
                .allSatisfy(r -> assertThat(r.headers().toString()).doesNotContain(TOKEN));
    }

    @Test
    void aProfileNamedOnTheCommandLineOpensOnceTheWindowIsReady(FxRobot robot) throws Exception {
        assertThat(AppConfig.profileToOpen(List.of("--verbose", profile.toString()))).contains(profile);
        assertThat(AppConfig.csvToImport(List.of(profile.toString()))).isEmpty();
        // As WorkbenchApplication does with the command line: the profile waits for the first source.
        WaitForAsyncUtils.asyncFx(() -> context.shares().openWhenReady(profile)).get(10, TimeUnit.SECONDS);
        awaitSettled(context, 300);
        loadFromTheBrowser(robot);
        assertThat(text(robot, "#activeSourceTitle")).startsWith("Delta Sharing recipient · Share elexon_consumption");
    }

    /** Waits for the browser, checks it lists both tables as readable, and presses Load. */
    private void loadFromTheBrowser(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> context.shares().consumptionChoiceProperty().get() != null
                && !context.shares().browsingProperty().get()));
        TreeView<?> tree = robot.lookup("#shareTree").queryAs(TreeView.class);
        List<String> leaves = fx(() -> {
            List<String> names = new ArrayList<>();
            collect(tree.getRoot(), names);
            return names;
        });
        assertThat(leaves).contains(SharingFixtureData.CONSUMPTION + "  ·  Half-hourly consumption",
                SharingFixtureData.ANOMALIES + "  ·  Anomalies");
        robot.clickOn("#shareLoad");
        WaitForAsyncUtils.waitFor(120, TimeUnit.SECONDS, () -> fx(() -> !context.shares().loadingProperty().get()));
        assertThat(fx(() -> context.shares().failedProperty().get())).as(fx(() -> context.shares().messageProperty().get()))
                .isFalse();
        awaitSettled(context, 120);
    }

    private static void collect(TreeItem<?> item, List<String> out) {
        for (TreeItem<?> child : item.getChildren()) {
            if (child.isLeaf()) {
                out.add(child.getValue() instanceof ShareTableItem t
                        ? t.table() + "  ·  " + t.kindLabel() : String.valueOf(child.getValue()));
            }
            collect(child, out);
        }
    }

    private static String consumptionFiles() {
        return "read_parquet('" + tables.consumption().dir() + "/**/*.parquet', hive_partitioning = true)";
    }

    private static Object[] direct(String sql, DateRange range) throws Exception {
        Properties props = new Properties();
        props.setProperty("autoinstall_known_extensions", "false");
        props.setProperty("autoload_known_extensions", "false");
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:", props); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setObject(1, range.from());
            ps.setObject(2, range.to());
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).isTrue();
                Object[] row = new Object[rs.getMetaData().getColumnCount()];
                for (int i = 0; i < row.length; i++) {
                    row[i] = rs.getObject(i + 1);
                }
                return row;
            }
        }
    }

    /** The provider's raw MPANs, from the workspace the fixture built its share from. */
    private static List<String> rawMpans() throws Exception {
        List<String> mpans = new ArrayList<>();
        try (LocalWorkspace provider = LocalWorkspace.open(shareDir.resolve("share").resolve("provider-workspace")
                .resolve("provider.duckdb")); Connection c = provider.newConnection();
             ResultSet rs = c.createStatement().executeQuery("SELECT mpan FROM gold.meters")) {
            while (rs.next()) {
                mpans.add(rs.getString(1));
            }
        }
        return mpans;
    }

    private static String text(FxRobot robot, String id) {
        Node node = robot.lookup(id).query();
        return fx(() -> ((Labeled) node).getText());
    }
}
