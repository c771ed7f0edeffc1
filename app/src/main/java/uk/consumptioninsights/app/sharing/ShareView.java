package uk.consumptioninsights.app.sharing;

import java.io.File;
import java.util.List;
import java.util.Locale;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import uk.consumptioninsights.app.controls.Banners;

/**
 * The share feature's pieces of the main window: File → Open share profile… (Ctrl+Shift+O), a {@code .share} file
 * dropped anywhere on the window, the token-expiry banner, and the share browser window. Binds to
 * {@link ShareViewModel}; no logic.
 */
public final class ShareView {

    static final String CHOOSER_TITLE = "Open share profile";

    private final ShareViewModel vm;
    private final MenuItem openItem;
    private final HBox banner;
    private ShareBrowserWindow browser;

    public ShareView(ShareViewModel vm) {
        this.vm = vm;
        this.openItem = openItem();
        this.banner = tokenBanner();
        vm.browserOpenProperty().addListener((o, was, open) -> {
            if (open) {
                browser().show();
            } else if (browser != null) {
                browser.hide();
            }
        });
    }

    public List<MenuItem> fileMenuItems() {
        return List.of(openItem);
    }

    public Node banner() {
        return banner;
    }

    /** Accepts {@code .share} files dragged onto the window. */
    public void acceptDrops(Scene scene) {
        scene.addEventHandler(DragEvent.DRAG_OVER, e -> {
            if (e.getDragboard().hasFiles() && e.getDragboard().getFiles().stream().anyMatch(ShareView::isProfile)) {
                e.acceptTransferModes(TransferMode.COPY);
                e.consume();
            }
        });
        scene.addEventHandler(DragEvent.DRAG_DROPPED, e -> {
            File dropped = e.getDragboard().hasFiles()
                    ? e.getDragboard().getFiles().stream().filter(ShareView::isProfile).findFirst().orElse(null) : null;
            if (dropped != null) {
                vm.openProfile(dropped.toPath());
            }
            e.setDropCompleted(dropped != null);
            e.consume();
        });
    }

    static boolean isProfile(File file) {
        return file.getName().toLowerCase(Locale.ROOT).endsWith(".share");
    }

    private MenuItem openItem() {
        MenuItem item = new MenuItem("Open _share profile…");
        item.setId("openShareMenuItem");
        item.setAccelerator(new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        item.disableProperty().bind(vm.browsingProperty().or(vm.loadingProperty()));
        item.setOnAction(e -> chooseAndOpen());
        return item;
    }

    /** The native file chooser, then the profile. The chooser cannot run headless; tests call the view-model. */
    public void chooseAndOpen() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(CHOOSER_TITLE);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("Delta Sharing profile (*.share)", "*.share"),
                new FileChooser.ExtensionFilter("Any file", "*.*"));
        File chosen = chooser.showOpenDialog(owner());
        if (chosen != null) {
            vm.openProfile(chosen.toPath());
        }
    }

    private ShareBrowserWindow browser() {
        if (browser == null) {
            browser = new ShareBrowserWindow(vm, owner());
        }
        return browser;
    }

    private Window owner() {
        return banner.getScene() == null ? null : banner.getScene().getWindow();
    }

    private HBox tokenBanner() {
        Label text = new Label();
        text.setId("tokenNotice");
        text.getStyleClass().add("import-notice-text");
        text.setWrapText(true);
        text.setMinHeight(Region.USE_PREF_SIZE);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(vm.tokenNoticeProperty());
        HBox.setHgrow(text, Priority.ALWAYS);
        HBox bar = new HBox(text, Banners.dismissButton("dismissTokenNotice", vm::dismissTokenNotice));
        bar.setId("tokenBanner");
        bar.getStyleClass().addAll("import-notice", "token-notice");
        return Banners.shownWhen(bar, vm.tokenNoticeProperty().isNotEmpty());
    }

    /** The browser window once it exists, for tests. */
    ShareBrowserWindow browserWindow() {
        return browser;
    }
}
