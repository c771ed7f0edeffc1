package uk.consumptioninsights.app.controls;

import java.net.URL;
import java.util.Objects;
import javafx.scene.Parent;

/**
 * Each view brings its own stylesheet, kept beside it (same package path under resources), so a feature's styles
 * travel with the feature. The stylesheets use AtlantaFX's colour tokens only; the theme supplies the values.
 */
public final class FeatureStylesheet {

    private FeatureStylesheet() {
    }

    /** Adds the stylesheet {@code name}, found beside {@code view}'s class, to {@code root}; returns {@code root}. */
    public static <P extends Parent> P added(P root, Class<?> view, String name) {
        root.getStylesheets().add(url(view, name));
        return root;
    }

    /** The external form of the stylesheet {@code name} beside {@code view}'s class. */
    public static String url(Class<?> view, String name) {
        URL found = Objects.requireNonNull(view.getResource(name), () -> name + " is missing beside " + view.getName());
        return found.toExternalForm();
    }
}
