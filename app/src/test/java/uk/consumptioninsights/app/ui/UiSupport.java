package uk.consumptioninsights.app.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.text.ParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.chart.XYChart;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.Tooltip;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.scene.text.Text;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.AppContext;
import uk.consumptioninsights.app.shell.ShellViewModel;

/** Helpers for the TestFX tests: FX-thread reads, settling, scene-graph text, numbers as displayed, snapshots. */
final class UiSupport {

    private UiSupport() {
    }

    static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX read failed", e);
        }
    }

    /** Waits until the source is READY, a query is published and no background task is left. */
    static void awaitSettled(AppContext context, long seconds) throws Exception {
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(() ->
                context.shell().state() == ShellViewModel.WorkspaceState.READY
                        && context.session().query() != null
                        && context.runner().activity().inFlight() == 0));
        WaitForAsyncUtils.waitForFxEvents();
        // Layout may ask for a different point budget once the chart has its size; let that settle too.
        WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, () -> fx(() -> context.runner().activity().inFlight() == 0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    static long parseCount(String shown) {
        try {
            return NumberFormat.getIntegerInstance(Locale.UK).parse(shown.trim()).longValue();
        } catch (ParseException e) {
            throw new AssertionError("Not a number as displayed: '" + shown + "'", e);
        }
    }

    static double parseKwh(String shown) {
        String number = shown.replace("kWh", "").trim();
        try {
            return NumberFormat.getNumberInstance(Locale.UK).parse(number).doubleValue();
        } catch (ParseException e) {
            throw new AssertionError("Not a kWh figure as displayed: '" + shown + "'", e);
        }
    }

    /** Every piece of text a person could see or reveal in the scene: labels, texts, inputs, list and table data. */
    static List<String> allText(Scene scene) {
        List<String> out = new ArrayList<>();
        visit(scene.getRoot(), out);
        return out;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void visit(Node node, List<String> out) {
        if (node instanceof Labeled labeled) {
            add(out, labeled.getText());
        }
        if (node instanceof Text text) {
            add(out, text.getText());
        }
        if (node instanceof TextInputControl input) {
            add(out, input.getText());
        }
        // Tooltip.install keeps the tooltip in the node's properties (chart markers use it).
        if (node.getProperties().get("javafx.scene.control.Tooltip") instanceof Tooltip installed) {
            add(out, installed.getText());
        }
        if (node instanceof Control control && control.getTooltip() != null) {
            add(out, control.getTooltip().getText());
        }
        if (node instanceof ComboBox combo) {
            for (Object item : combo.getItems()) {
                add(out, String.valueOf(item));
                add(out, combo.getConverter() == null ? null : combo.getConverter().toString(item));
            }
            add(out, String.valueOf(combo.getValue()));
        }
        if (node instanceof ListView list) {
            for (Object item : list.getItems()) {
                add(out, String.valueOf(item));
            }
        }
        if (node instanceof TableView table) {
            for (TableColumn column : flatten((List) table.getColumns())) {
                add(out, column.getText());
                for (int i = 0; i < table.getItems().size(); i++) {
                    add(out, String.valueOf(column.getCellData(i)));
                }
            }
            Node placeholder = table.getPlaceholder();
            if (placeholder != null) {
                visit(placeholder, out);
            }
        }
        if (node instanceof XYChart<?, ?> chart) {
            for (XYChart.Series<?, ?> series : chart.getData()) {
                add(out, series.getName());
            }
        }
        if (node instanceof MenuBar bar) {
            for (Menu menu : bar.getMenus()) {
                add(out, menu.getText());
                for (MenuItem item : menu.getItems()) {
                    add(out, item.getText());
                }
            }
        }
        if (node instanceof TabPane tabs) {
            for (Tab tab : tabs.getTabs()) {
                add(out, tab.getText());
                if (tab.getContent() != null) {
                    visit(tab.getContent(), out);
                }
            }
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, out);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static List<TableColumn> flatten(List columns) {
        List<TableColumn> all = new ArrayList<>();
        for (Object item : columns) {
            TableColumn column = (TableColumn) item;
            all.add(column);
            all.addAll(flatten(column.getColumns()));
        }
        return all;
    }

    private static void add(List<String> out, String text) {
        if (text != null && !text.isEmpty()) {
            out.add(text);
        }
    }

    /** Writes the scene as a PNG, for people to look at. */
    static Path snapshot(Scene scene, String name) throws IOException {
        WritableImage image = fx(() -> scene.snapshot(null));
        int width = (int) image.getWidth();
        int height = (int) image.getHeight();
        int[] argb = new int[width * height];
        image.getPixelReader().getPixels(0, 0, width, height, PixelFormat.getIntArgbInstance(), argb, 0, width);
        BufferedImage out = new BufferedImage(width, height, BufferedImage.TYPE_INT_ARGB);
        out.setRGB(0, 0, width, height, argb, 0, width);
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        ImageIO.write(out, "png", file.toFile());
        return file;
    }
}
