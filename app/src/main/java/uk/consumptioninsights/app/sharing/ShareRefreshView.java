package uk.consumptioninsights.app.sharing;

import atlantafx.base.theme.Styles;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import uk.consumptioninsights.app.controls.Banners;

/**
 * File → Refresh shared tables… (Ctrl+Shift+R): a window with what the last refresh did, the copy's refresh history per
 * table, and Refresh / Cancel. Enter refreshes, Esc cancels a refresh (or closes the window). Binds to
 * {@link ShareRefreshViewModel}; no logic.
 */
public final class ShareRefreshView {

    private final ShareRefreshViewModel vm;
    private final VBox root;
    private final MenuItem menuItem;
    private Stage stage;

    public ShareRefreshView(ShareRefreshViewModel vm) {
        this.vm = vm;
        this.root = panel();
        this.menuItem = new MenuItem("_Refresh shared tables…");
        menuItem.setId("refreshShareMenuItem");
        menuItem.setAccelerator(new KeyCodeCombination(KeyCode.R, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        menuItem.disableProperty().bind(vm.canRefreshProperty().not());
        menuItem.setOnAction(e -> {
            show();
            vm.refresh();
        });
    }

    public MenuItem menuItem() {
        return menuItem;
    }

    /** The panel the window shows, to mount elsewhere (and in tests). */
    public VBox root() {
        return root;
    }

    private VBox panel() {
        Label title = new Label("Shared tables: refreshes");
        title.getStyleClass().add("section-title");
        Label message = Banners.statusLine("refreshMessage", vm.messageProperty(), vm.failedProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);

        TableView<RefreshHistoryItem> table = new TableView<>(vm.history());
        table.setId("refreshHistoryTable");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("No loads or refreshes of this share yet."));
        table.getColumns().add(column("Table", RefreshHistoryItem::table));
        table.getColumns().add(column("When", RefreshHistoryItem::when));
        table.getColumns().add(column("How", RefreshHistoryItem::how));
        table.getColumns().add(column("Versions", RefreshHistoryItem::versions));
        table.getColumns().add(column("Rows", RefreshHistoryItem::rows));
        table.getColumns().add(column("Note", RefreshHistoryItem::note));
        VBox.setVgrow(table, Priority.ALWAYS);

        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.refreshingProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button cancel = new Button("Cancel");
        cancel.setId("refreshCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.refreshingProperty().get()) {
                vm.cancel();
            } else if (stage != null) {
                stage.hide();
            }
        });
        Button refresh = new Button("Refresh");
        refresh.setId("refreshShare");
        refresh.setDefaultButton(true);
        refresh.getStyleClass().add(Styles.ACCENT);
        refresh.disableProperty().bind(vm.canRefreshProperty().not());
        refresh.setOnAction(e -> vm.refresh());
        HBox buttons = new HBox(10, busy, spacer, cancel, refresh);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        VBox panel = new VBox(10, title, message, table, buttons);
        panel.getStyleClass().add("page");
        panel.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel.fire();
                e.consume();
            }
        });
        return panel;
    }

    private static TableColumn<RefreshHistoryItem, String> column(String name, Function<RefreshHistoryItem, String> value) {
        TableColumn<RefreshHistoryItem, String> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyStringWrapper(value.apply(cell.getValue())));
        column.setSortable(false);
        return column;
    }

    /** Opens the window over {@code owner}'s, once, then brings it to the front. */
    public void show() {
        if (stage == null) {
            Window owner = menuItem.getParentPopup() == null ? null : menuItem.getParentPopup().getOwnerWindow();
            stage = new Stage();
            stage.setTitle("Delta Sharing: refresh");
            if (owner != null) {
                stage.initOwner(owner);
            }
            Scene scene = new Scene(root, 860, 420);
            if (owner != null && owner.getScene() != null) {
                scene.getStylesheets().setAll(owner.getScene().getStylesheets());
            }
            stage.setScene(scene);
            stage.setOnCloseRequest(e -> vm.cancel());
        }
        stage.show();
        stage.toFront();
    }
}
