package uk.consumptioninsights.app.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.paint.Color;

/**
 * Finds colours written as values instead of taken from the theme, in one scene. What counts:
 * <ul>
 *   <li>every node reached from the root (children, and every tab's content whether shown or not): its inline style
 *       ({@code setStyle}) holds no colour literal;</li>
 *   <li>every stylesheet on the scene or on any of those nodes, except the two palette files: no declaration holds a
 *       colour literal, so colours are looked-up tokens (or {@code transparent});</li>
 *   <li>the palette files ({@code elexon-light.css}, {@code elexon-dark.css}) only define tokens (every property
 *       starts with {@code -color-});</li>
 *   <li>every {@code -color-*} token an app stylesheet refers to is defined, by the user-agent theme (AtlantaFX) or
 *       a palette file, so no reference silently falls back to nothing.</li>
 * </ul>
 * A colour literal is a {@code #hex} value, an {@code rgb(a)}/{@code hsb(a)} function, or a word JavaFX reads as a
 * named colour ({@code white}, {@code red}, ...); {@code transparent} is allowed.
 */
final class HardCodedColours {

    private static final Pattern BLOCK = Pattern.compile("\\{([^}]*)}");
    private static final Pattern DECLARATION = Pattern.compile("([-a-zA-Z0-9]+)\\s*:\\s*([^;]+)");
    private static final Pattern FUNCTION = Pattern.compile("(?i)\\b(rgba?|hsba?)\\s*\\(");
    private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{3,8}\\b");
    private static final Pattern WORD = Pattern.compile("(?<![-\\w#])[a-zA-Z]+(?![-\\w(])");
    private static final Pattern TOKEN_USE = Pattern.compile("-color-[a-z0-9-]+");
    private static final Set<String> PALETTES = Set.of("elexon-light.css", "elexon-dark.css");

    private HardCodedColours() {
    }

    /** One line per colour written as a value; empty when everything comes from the theme. */
    static List<String> in(Scene scene) {
        List<String> found = new ArrayList<>();
        Set<String> sheets = new LinkedHashSet<>(scene.getStylesheets());
        visit(scene.getRoot(), found, sheets);
        Set<String> defined = new TreeSet<>(tokensDefined(read(Application.getUserAgentStylesheet())));
        List<String> appSheets = new ArrayList<>();
        for (String sheet : sheets) {
            String text = read(sheet);
            if (PALETTES.stream().anyMatch(sheet::endsWith)) {
                for (String[] d : declarations(text)) {
                    if (!d[0].startsWith("-color-")) {
                        found.add(sheet + ": the palette sets " + d[0] + " instead of only defining tokens");
                    }
                }
                defined.addAll(tokensDefined(text));
            } else {
                appSheets.add(sheet);
                for (String[] d : declarations(text)) {
                    literals(d[1]).forEach(l -> found.add(sheet + ": " + d[0] + " is " + l));
                }
            }
        }
        for (String sheet : appSheets) {
            Matcher use = TOKEN_USE.matcher(strip(read(sheet)));
            while (use.find()) {
                if (!defined.contains(use.group())) {
                    found.add(sheet + ": " + use.group() + " is not defined by the theme");
                }
            }
        }
        return found;
    }

    /** The colour literals in one CSS value. */
    static List<String> literals(String value) {
        List<String> out = new ArrayList<>();
        Matcher hex = HEX.matcher(value);
        while (hex.find()) {
            out.add(hex.group());
        }
        Matcher function = FUNCTION.matcher(value);
        while (function.find()) {
            out.add(function.group(1) + "(...)");
        }
        String withoutFunctions = FUNCTION.matcher(value).replaceAll("x(");
        Matcher word = WORD.matcher(withoutFunctions);
        while (word.find()) {
            String w = word.group();
            if (!w.equalsIgnoreCase("transparent") && !w.matches("(?i)[0-9a-f]+") && isNamedColour(w)) {
                out.add(w);
            }
        }
        return out;
    }

    private static boolean isNamedColour(String word) {
        try {
            Color.web(word);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static void visit(Node node, List<String> found, Set<String> sheets) {
        String style = node.getStyle();
        if (style != null && !style.isBlank()) {
            literals(style).forEach(l -> found.add(describe(node) + " has the inline colour " + l));
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                if (tab.getContent() != null) {
                    visit(tab.getContent(), found, sheets);
                }
            }
        }
        if (node instanceof Parent parent) {
            sheets.addAll(parent.getStylesheets());
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, found, sheets);
            }
        }
    }

    private static String describe(Node node) {
        return node.getClass().getSimpleName() + (node.getId() == null ? "" : "#" + node.getId()) + node.getStyleClass();
    }

    private static Set<String> tokensDefined(String css) {
        Set<String> out = new TreeSet<>();
        for (String[] d : declarations(css)) {
            if (d[0].startsWith("-color-")) {
                out.add(d[0]);
            }
        }
        return out;
    }

    private static List<String[]> declarations(String css) {
        List<String[]> out = new ArrayList<>();
        Matcher block = BLOCK.matcher(strip(css));
        while (block.find()) {
            Matcher d = DECLARATION.matcher(block.group(1));
            while (d.find()) {
                out.add(new String[] {d.group(1).trim(), d.group(2).trim()});
            }
        }
        return out;
    }

    private static String strip(String css) {
        return css.replaceAll("(?s)/\\*.*?\\*/", "");
    }

    private static String read(String url) {
        // AtlantaFX names its user-agent stylesheet by class-path resource, the app's sheets by URL.
        try (InputStream in = url.startsWith("/") ? HardCodedColours.class.getResourceAsStream(url) : URI.create(url).toURL().openStream()) {
            if (in == null) {
                throw new IOException("no such resource");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("Could not read the stylesheet " + url, e));
        }
    }
}
