package uk.consumptioninsights.app.importer;

import atlantafx.base.theme.Styles;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import uk.consumptioninsights.app.controls.Banners;

/**
 * The import feature's pieces of the main window: three File menu items (Import meter CSV… on Ctrl+I, Last import
 * report…, Open synthetic workspace), a notice under the header saying what the last import came to, and the report
 * window, shown after every successful import. Binds to {@link ImportViewModel}; no logic.
 */
public final class ImportView {

    static final String IMPORT_TITLE = "Import meter CSV";

    private final ImportViewModel vm;
    private final List<MenuItem> menuItems;
    private final HBox notice;
    private ImportReportWindow reportWindow;

    public ImportView(ImportViewModel vm) {
        this.vm = vm;
        this.menuItems = List.of(importItem(), reportItem(), syntheticItem());
        this.notice = noticeBar();
        vm.lastReportProperty().addListener((o, old, report) -> {
            if (report != null) {
                showReport();
            }
        });
    }

    /** For the File menu, in order. */
    public List<MenuItem> fileMenuItems() {
        return menuItems;
    }

    /** The notice bar, placed under the header; hidden while there is nothing to say. */
    public Node notice() {
        return notice;
    }

    private MenuItem importItem() {
        MenuItem item = new MenuItem("_Import meter CSV…");
        item.setId("importCsvMenuItem");
        item.setAccelerator(new KeyCodeCombination(KeyCode.I, KeyCombination.SHORTCUT_DOWN));
        item.disableProperty().bind(vm.canImportProperty().not());
        item.setOnAction(e -> chooseAndImport());
        return item;
    }

    private MenuItem reportItem() {
        MenuItem item = new MenuItem("_Last import report…");
        item.setId("lastImportReportMenuItem");
        item.disableProperty().bind(vm.lastReportProperty().isNull());
        item.setOnAction(e -> showReport());
        return item;
    }

    private MenuItem syntheticItem() {
        MenuItem item = new MenuItem("Open _synthetic workspace");
        item.setId("openSyntheticMenuItem");
        item.disableProperty().bind(vm.canOpenSyntheticProperty().not());
        item.setOnAction(e -> vm.openSyntheticWorkspace());
        return item;
    }

    /** The native file chooser, then the import. The chooser cannot run headless; tests call the view-model. */
    public void chooseAndImport() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(IMPORT_TITLE);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Meter readings (*.csv, *.csv.gz)", "*.csv", "*.csv.gz"),
                new FileChooser.ExtensionFilter("CSV (*.csv)", "*.csv"),
                new FileChooser.ExtensionFilter("Compressed CSV (*.csv.gz)", "*.csv.gz"));
        vm.initialFolder().map(Path::toFile).filter(File::isDirectory).ifPresent(chooser::setInitialDirectory);
        File chosen = chooser.showOpenDialog(owner());
        if (chosen != null) {
            vm.importFile(chosen.toPath());
        }
    }

    /** Shows the last import's report window, bringing it to the front. */
    public void showReport() {
        if (vm.lastReportProperty().get() == null) {
            return;
        }
        if (reportWindow == null) {
            reportWindow = new ImportReportWindow(vm, owner());
        }
        reportWindow.show();
    }

    private Window owner() {
        return notice.getScene() == null ? null : notice.getScene().getWindow();
    }

    private HBox noticeBar() {
        Label message = new Label();
        message.setId("importNoticeMessage");
        message.getStyleClass().add("import-notice-text");
        message.setWrapText(true);
        message.setMinHeight(Region.USE_PREF_SIZE);
        message.textProperty().bind(vm.noticeProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        Button report = new Button("Show report");
        report.setId("showImportReport");
        report.getStyleClass().addAll(Styles.SMALL, Styles.BUTTON_OUTLINED);
        report.setOnAction(e -> showReport());
        Banners.shownWhen(report, vm.lastReportProperty().isNotNull());
        report.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(message, report, Banners.dismissButton("dismissImportNotice", vm::dismissNotice));
        bar.setId("importNotice");
        bar.getStyleClass().add("import-notice");
        return Banners.shownWhen(bar, vm.noticeProperty().isNotEmpty());
    }
}
