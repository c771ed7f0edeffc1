package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;
import static uk.consumptioninsights.app.ui.UiSupport.snapshot;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.TabPane;
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
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.settings.ThemeChoice;

/**
 * View → Theme on the real window: every tab in light and in dark as target/screenshots/&lt;tab&gt;-light.png and
 * -dark.png, the choice remembered, and after each switch no colour in the scene that the theme does not supply
 * ({@link HardCodedColours} says exactly what is checked).
 */
@ExtendWith(ApplicationExtension.class)
class ThemeUiTest {

    private static final String[] TABS = {"overview", "consumption", "anomalies", "governance", "sharing"};

    @TempDir
    static Path home;
    private static String prefsNode;

    private AppContext context;
    private Settings settings;
    private Scene scene;

    @BeforeAll
    static void configure() {
        prefsNode = AppUnderTest.configure(home, "120", "14");
    }

    @AfterAll
    static void restore() throws Exception {
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        settings = Settings.inMemory();
        settings.saveTheme(ThemeChoice.LIGHT);
        context = AppContext.create(AppConfig.fromSystemProperties(), settings, source -> new FaultySource(source, new AtomicReference<>()));
        WorkbenchWindow.show(stage, context, () -> { });
        scene = stage.getScene();
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void everyTabInLightAndDarkWithEveryColourFromTheTheme(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        assertThat(fx(() -> themeItem("themeLight").isSelected())).isTrue();

        for (ThemeChoice choice : List.of(ThemeChoice.LIGHT, ThemeChoice.DARK)) {
            String id = choice == ThemeChoice.DARK ? "themeDark" : "themeLight";
            fx(() -> {
                themeItem(id).fire();
                return null;
            });
            WaitForAsyncUtils.waitForFxEvents();
            assertThat(settings.theme()).contains(choice);
            assertThat(fx(Application::getUserAgentStylesheet)).contains(choice == ThemeChoice.DARK ? "primer-dark" : "primer-light");
            assertThat(fx(() -> scene.getStylesheets().get(0))).endsWith(choice == ThemeChoice.DARK ? "elexon-dark.css" : "elexon-light.css");

            String suffix = choice.name().toLowerCase(java.util.Locale.ROOT);
            for (int i = 0; i < TABS.length; i++) {
                int index = i;
                fx(() -> {
                    ((TabPane) scene.lookup("#mainTabs")).getSelectionModel().select(index);
                    return null;
                });
                awaitSettled(context, 60);
                Path file = snapshot(scene, TABS[i] + "-" + suffix);
                assertThat(Files.size(file)).isPositive();
            }
            assertThat(fx(() -> HardCodedColours.in(scene))).isEmpty();
        }

        // The check can fail: a colour set in code is found.
        Label planted = fx(() -> {
            Label label = new Label("planted");
            label.setStyle("-fx-text-fill: #BD2426; -fx-background-color: white;");
            ((javafx.scene.layout.Pane) scene.getRoot()).getChildren().add(label);
            return label;
        });
        assertThat(fx(() -> HardCodedColours.in(scene))).hasSize(2).allMatch(line -> line.contains("inline colour"));
        fx(() -> ((javafx.scene.layout.Pane) scene.getRoot()).getChildren().remove(planted));

        fx(() -> {
            themeItem("themeLight").fire();
            return null;
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(Application::getUserAgentStylesheet).contains("primer-light"));
    }

    @Test
    void literalsAreHexFunctionsAndNamedColoursButNotTokensOrTransparent() {
        assertThat(HardCodedColours.literals("-color-bg-default, #fff")).containsExactly("#fff");
        assertThat(HardCodedColours.literals("dropshadow(gaussian, rgba(31, 35, 40, 0.06), 8, 0, 0, 2)")).containsExactly("rgba(...)");
        assertThat(HardCodedColours.literals("transparent transparent -color-border-default white")).containsExactly("white");
        assertThat(HardCodedColours.literals("-color-accent-emphasis")).isEmpty();
        assertThat(HardCodedColours.literals("999")).isEmpty();
        assertThat(HardCodedColours.literals("center-left")).isEmpty();
    }

    private RadioMenuItem themeItem(String id) {
        MenuBar bar = (MenuBar) scene.lookup(".menu-bar");
        List<MenuItem> all = new ArrayList<>();
        bar.getMenus().forEach(menu -> collect(menu, all));
        Optional<MenuItem> found = all.stream().filter(item -> id.equals(item.getId())).findFirst();
        return (RadioMenuItem) found.orElseThrow(() -> new AssertionError("no menu item " + id));
    }

    private static void collect(Menu menu, List<MenuItem> out) {
        for (MenuItem item : menu.getItems()) {
            out.add(item);
            if (item instanceof Menu sub) {
                collect(sub, out);
            }
        }
    }
}
