package uk.consumptioninsights.app.theme;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleGroup;
import uk.consumptioninsights.app.controls.FeatureStylesheet;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.settings.ThemeChoice;

/**
 * Light, dark or "follow the system": AtlantaFX PrimerLight or PrimerDark as the user-agent stylesheet, the Elexon
 * accent palette over it, and the shared controls stylesheet. The choice is remembered in {@link Settings}; asking the
 * system runs off the FX thread and lands back on it.
 */
public final class WorkbenchTheme {

    static final String LIGHT_PALETTE = FeatureStylesheet.url(WorkbenchTheme.class, "elexon-light.css");
    static final String DARK_PALETTE = FeatureStylesheet.url(WorkbenchTheme.class, "elexon-dark.css");

    private final Settings settings;
    private final Supplier<Appearance> system;
    private final Executor background;
    private final ReadOnlyObjectWrapper<ThemeChoice> choice = new ReadOnlyObjectWrapper<>(this, "choice");
    private final ReadOnlyObjectWrapper<Appearance> appearance = new ReadOnlyObjectWrapper<>(this, "appearance", Appearance.LIGHT);
    private Scene scene;
    private long asked;

    /**
     * @param system     asks the operating system (blocking; {@link SystemAppearance#detect} in the app)
     * @param background where {@code system} runs, never the FX thread
     */
    public WorkbenchTheme(Settings settings, Supplier<Appearance> system, Executor background) {
        this.settings = settings;
        this.system = system;
        this.background = background;
        choice.set(settings.theme().orElse(ThemeChoice.SYSTEM));
    }

    /** The app's theme: asks the real system, on a daemon thread of its own. */
    public static WorkbenchTheme forSystem(Settings settings) {
        return new WorkbenchTheme(settings, SystemAppearance::detect, task -> {
            Thread thread = new Thread(task, "system-theme");
            thread.setDaemon(true);
            thread.start();
        });
    }

    /** Styles {@code scene} (and, through the user-agent stylesheet, every window) with the remembered choice. */
    public void attach(Scene target) {
        this.scene = target;
        target.getStylesheets().add(0, FeatureStylesheet.url(FeatureStylesheet.class, "controls.css"));
        apply(Appearance.LIGHT);
        choose(choice.get());
    }

    /** Switches to {@code next} and remembers it. For SYSTEM the change lands once the system has answered. */
    public void choose(ThemeChoice next) {
        choice.set(next);
        settings.saveTheme(next);
        long ask = ++asked;
        switch (next) {
            case LIGHT -> apply(Appearance.LIGHT);
            case DARK -> apply(Appearance.DARK);
            default -> CompletableFuture.supplyAsync(system, background)
                    .exceptionally(error -> Appearance.LIGHT)
                    .thenAccept(found -> Platform.runLater(() -> {
                        if (ask == asked) {
                            apply(found);
                        }
                    }));
        }
    }

    public ReadOnlyObjectProperty<ThemeChoice> choiceProperty() {
        return choice.getReadOnlyProperty();
    }

    /** What shows now; for SYSTEM, light until the system has answered. */
    public ReadOnlyObjectProperty<Appearance> appearanceProperty() {
        return appearance.getReadOnlyProperty();
    }

    /** View → Theme: one radio item per choice (ids themeLight, themeDark, themeSystem). */
    public Menu menu() {
        Menu menu = new Menu("_Theme");
        ToggleGroup group = new ToggleGroup();
        for (ThemeChoice each : ThemeChoice.values()) {
            RadioMenuItem item = new RadioMenuItem(each.displayName());
            item.setId("theme" + each.name().charAt(0) + each.name().substring(1).toLowerCase(Locale.ROOT));
            item.setToggleGroup(group);
            item.setSelected(each == choice.get());
            item.setOnAction(e -> choose(each));
            choice.addListener((o, was, now) -> item.setSelected(now == each));
            menu.getItems().add(item);
        }
        return menu;
    }

    private void apply(Appearance next) {
        Application.setUserAgentStylesheet(next == Appearance.DARK
                ? new PrimerDark().getUserAgentStylesheet() : new PrimerLight().getUserAgentStylesheet());
        if (scene != null) {
            List<String> sheets = scene.getStylesheets();
            sheets.removeAll(List.of(LIGHT_PALETTE, DARK_PALETTE));
            sheets.add(0, next == Appearance.DARK ? DARK_PALETTE : LIGHT_PALETTE);
        }
        appearance.set(next);
    }
}
