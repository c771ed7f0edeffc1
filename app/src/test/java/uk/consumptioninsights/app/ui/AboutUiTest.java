package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
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
import uk.consumptioninsights.app.about.AboutInfo;
import uk.consumptioninsights.app.settings.Settings;

/**
 * Help → About in the real window lists what the build generated: the version from the POM and the licence line of
 * each bundled library (read here from the generated file, not from a list in the test).
 */
@ExtendWith(ApplicationExtension.class)
class AboutUiTest {

    @TempDir
    static Path home;
    private static String prefsNode;

    private AppContext context;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, "20", "3");
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), Settings.inMemory(), source -> source);
        WorkbenchWindow.show(stage, context, () -> { });
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void aboutShowsTheBuiltVersionEveryGeneratedLicenceAndTheDataAttribution(FxRobot robot) throws Exception {
        List<String> generated = resourceLines(AboutInfo.LICENCES_RESOURCE).stream()
                .map(String::strip).filter(line -> line.startsWith("(")).toList();
        String duckdb = generated.stream().filter(line -> line.contains("org.duckdb:duckdb_jdbc:")).findFirst().orElseThrow();
        assertThat(duckdb).startsWith("(MIT License)");
        Properties build = new Properties();
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream(AboutInfo.BUILD_RESOURCE))) {
            build.load(in);
        }
        assertThat(build.getProperty("version")).doesNotContain("${");

        robot.clickOn("Help");
        robot.clickOn("About");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#aboutLicences").tryQuery().isPresent()));

        ListView<?> licences = robot.lookup("#aboutLicences").queryAs(ListView.class);
        List<String> shown = fx(() -> licences.getItems().stream().map(String::valueOf).toList());
        assertThat(shown).contains(duckdb).containsExactlyElementsOf(generated);
        assertThat(fx(() -> robot.lookup("#aboutVersion").queryAs(Labeled.class).getText()))
                .contains("Version " + build.getProperty("version"));
        assertThat(fx(() -> robot.lookup("#aboutAttributions").queryAs(Labeled.class).getText()))
                .contains("Low Carbon London").contains("CC BY 4.0");
    }

    private static List<String> resourceLines(String resource) throws Exception {
        try (InputStream in = Objects.requireNonNull(AboutUiTest.class.getResourceAsStream(resource), resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        }
    }
}
