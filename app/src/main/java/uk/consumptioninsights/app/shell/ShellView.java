package uk.consumptioninsights.app.shell;

import javafx.beans.property.ObjectProperty;
import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.time.format.FormatStyle;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DateCell;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.OverrunStyle;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.converter.LocalDateStringConverter;
import uk.consumptioninsights.app.controls.FeatureStylesheet;
import uk.consumptioninsights.app.about.AboutDialog;
import uk.consumptioninsights.app.about.AboutInfo;
import uk.consumptioninsights.app.controls.Banners;
import uk.consumptioninsights.app.controls.ErrorDetailsDialog;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The main window: header with the active source, purpose and dates; an error banner; the feature tabs (hidden
 * behind a preparing panel until the source is READY); and a status bar with progress and Cancel. Code-first, binds
 * to {@link ShellViewModel} only.
 *
 * <p>Keyboard: every shortcut is a menu accelerator, so the menus list them: Ctrl+1..4 switch tabs, F5 refreshes,
 * Esc cancels the running task (an import too), Ctrl+Q quits, and features add their own to the File menu (Ctrl+I
 * imports); menus have mnemonics (Alt+F, Alt+V, Alt+H).
 */
public final class ShellView {

    /** A feature page and its tab title. */
    public record Page(String id, String title, Node content) {
    }

    private final ShellViewModel vm;
    private final Runnable onQuit;
    private final BorderPane root = FeatureStylesheet.added(new BorderPane(), ShellView.class, "shell.css");
    private final TabPane tabs = new TabPane();
    private Menu viewMenu;

    public ShellView(ShellViewModel vm, List<Page> pages, Runnable onQuit) {
        this(vm, pages, List.of(), List.of(), onQuit);
    }

    /**
     * @param fileItems items other features add to the File menu, above Quit
     * @param notices   bars other features show under the error banner (each hides itself when empty)
     */
    public ShellView(ShellViewModel vm, List<Page> pages, List<MenuItem> fileItems, List<Node> notices, Runnable onQuit) {
        this.vm = vm;
        this.onQuit = onQuit;
        root.getStyleClass().add("workbench");
        VBox top = new VBox(menuBar(fileItems), header(), roleStrip(), errorBanner());
        top.getChildren().addAll(notices);
        root.setTop(top);
        root.setCenter(center(pages));
        root.setBottom(StatusBar.of(vm));
    }

    public Parent root() {
        return root;
    }

    public TabPane tabs() {
        return tabs;
    }

    /** Adds items other parts of the window own (the theme) to the end of the View menu, after a separator. */
    public void addToViewMenu(MenuItem... items) {
        viewMenu.getItems().add(new SeparatorMenuItem());
        viewMenu.getItems().addAll(items);
    }

    private MenuBar menuBar(List<MenuItem> fileItems) {
        MenuItem quit = new MenuItem("_Quit");
        quit.setAccelerator(new KeyCodeCombination(KeyCode.Q, KeyCombination.SHORTCUT_DOWN));
        quit.setOnAction(e -> onQuit.run());
        Menu file = new Menu("_File");
        file.getItems().addAll(fileItems);
        if (!fileItems.isEmpty()) {
            file.getItems().add(new SeparatorMenuItem());
        }
        file.getItems().add(quit);

        MenuItem refresh = new MenuItem("_Refresh");
        refresh.setId("refreshMenuItem");
        refresh.setAccelerator(new KeyCodeCombination(KeyCode.F5));
        refresh.setOnAction(e -> vm.refresh());
        MenuItem cancel = new MenuItem("_Cancel running task");
        cancel.setId("cancelMenuItem");
        cancel.setAccelerator(new KeyCodeCombination(KeyCode.ESCAPE));
        cancel.setOnAction(e -> vm.cancel());
        cancel.disableProperty().bind(vm.activity().runningProperty().not());
        Menu view = new Menu("_View", null, refresh, cancel, new SeparatorMenuItem());
        viewMenu = view;
        String[] names = {"_Overview", "C_onsumption", "_Anomalies", "_Governance & Consent", "_Data Sharing"};
        for (int i = 0; i < names.length; i++) {
            int index = i;
            MenuItem go = new MenuItem(names[i]);
            go.setAccelerator(new KeyCodeCombination(KeyCode.valueOf("DIGIT" + (i + 1)), KeyCombination.SHORTCUT_DOWN));
            go.setOnAction(e -> tabs.getSelectionModel().select(index));
            view.getItems().add(go);
        }

        MenuItem about = new MenuItem("_About");
        about.setOnAction(e -> showAbout());
        Menu help = new Menu("_Help", null, about);
        MenuBar bar = new MenuBar(file, view, help);
        bar.setUseSystemMenuBar(true);
        return bar;
    }

    private void showAbout() {
        AboutDialog.show(root.getScene() == null ? null : root.getScene().getWindow(), ShellViewModel.APP_NAME,
                vm.sourceTitleProperty().get(), AboutInfo.fromBuild());
    }

    private Node header() {
        Label mark = new Label("CI");
        StackPane brandMark = new StackPane(mark);
        brandMark.getStyleClass().add("brand-mark");

        Label title = new Label(ShellViewModel.APP_NAME);
        title.getStyleClass().add("app-title");
        Label eyebrow = new Label("ACTIVE SOURCE");
        eyebrow.getStyleClass().add("eyebrow");
        Label sourceTitle = new Label();
        sourceTitle.setId("activeSourceTitle");
        sourceTitle.getStyleClass().add("source-chip");
        sourceTitle.textProperty().bind(vm.sourceTitleProperty());
        Label location = new Label();
        location.setId("activeSourceLocation");
        location.getStyleClass().add("source-location");
        location.textProperty().bind(vm.sourceLocationProperty());
        location.setTextOverrun(OverrunStyle.CENTER_ELLIPSIS);
        location.setMinWidth(80);
        Tooltip locationTip = new Tooltip();
        locationTip.textProperty().bind(vm.sourceLocationProperty());
        location.setTooltip(locationTip);
        sourceTitle.setMinWidth(120);
        eyebrow.setMinWidth(Region.USE_PREF_SIZE);
        HBox sourceLine = new HBox(8, eyebrow, sourceTitle);
        sourceLine.setAlignment(Pos.CENTER_LEFT);
        sourceLine.setMinWidth(0);
        VBox brand = new VBox(3, title, sourceLine, location);
        brand.setMinWidth(0);
        HBox brandRow = new HBox(12, brandMark, brand);
        brandRow.setAlignment(Pos.CENTER_LEFT);
        brandRow.setMinWidth(0);
        HBox.setHgrow(brandRow, Priority.ALWAYS);

        ComboBox<PurposeRole> role = new ComboBox<>(vm.roles());
        role.setId("roleSelector");
        role.valueProperty().bindBidirectional(vm.roleProperty());
        role.setConverter(new StringConverter<>() {
            @Override
            public String toString(PurposeRole value) {
                return value == null ? "" : value.displayName();
            }

            @Override
            public PurposeRole fromString(String text) {
                return null;
            }
        });
        role.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PurposeRole item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.displayName());
                setTooltip(empty || item == null ? null : new Tooltip(item.description()));
            }
        });
        role.setPrefWidth(190);
        Tooltip roleTip = new Tooltip();
        roleTip.textProperty().bind(vm.roleDescriptionProperty());
        roleTip.setWrapText(true);
        roleTip.setMaxWidth(360);
        role.setTooltip(roleTip);

        DatePicker from = datePicker("fromDate", vm.fromDateProperty());
        DatePicker to = datePicker("toDate", vm.toDateProperty());

        HBox header = new HBox(brandRow, field("Purpose", role), field("From", from), field("To", to));
        header.getStyleClass().add("app-header");
        return header;
    }

    private DatePicker datePicker(String id, ObjectProperty<LocalDate> value) {
        DatePicker picker = new DatePicker();
        picker.setId(id);
        picker.setConverter(new LocalDateStringConverter(FormatStyle.MEDIUM, Formats.LOCALE, null));
        picker.valueProperty().bindBidirectional(value);
        picker.setDayCellFactory(p -> new DateCell() {
            @Override
            public void updateItem(LocalDate item, boolean empty) {
                super.updateItem(item, empty);
                setDisable(empty || !vm.isSelectable(item));
            }
        });
        picker.setPrefWidth(150);
        picker.disableProperty().bind(vm.stateProperty().isNotEqualTo(ShellViewModel.WorkspaceState.READY));
        return picker;
    }

    private static VBox field(String label, Node control) {
        Label caption = new Label(label.toUpperCase(Formats.LOCALE));
        caption.getStyleClass().add("field-label");
        VBox box = new VBox(caption, control);
        box.getStyleClass().add("field");
        box.setMinWidth(Region.USE_PREF_SIZE);
        if (control instanceof Region region) {
            region.setMinWidth(Region.USE_PREF_SIZE);
        }
        return box;
    }

    private Node roleStrip() {
        Label name = new Label();
        name.getStyleClass().add("role-name");
        name.textProperty().bind(Bindings.createStringBinding(
                () -> vm.roleProperty().get() == null ? "" : vm.roleProperty().get().displayName(), vm.roleProperty()));
        Label description = new Label();
        description.setId("roleDescription");
        description.getStyleClass().add("role-description");
        description.textProperty().bind(vm.roleDescriptionProperty());
        description.setWrapText(true);
        HBox.setHgrow(description, Priority.ALWAYS);
        description.setMaxWidth(Double.MAX_VALUE);
        Label rangeNote = new Label();
        rangeNote.setId("rangeNote");
        rangeNote.getStyleClass().add("range-note");
        rangeNote.textProperty().bind(vm.rangeNoteProperty());
        rangeNote.setMinWidth(Region.USE_PREF_SIZE);
        HBox strip = new HBox(name, description, rangeNote);
        strip.getStyleClass().add("role-strip");
        return strip;
    }

    private Node errorBanner() {
        Label title = new Label("Something went wrong");
        title.getStyleClass().add("error-title");
        title.setMinWidth(Region.USE_PREF_SIZE);
        Label message = new Label();
        message.setId("errorMessage");
        message.getStyleClass().add("error-text");
        message.setWrapText(true);
        message.textProperty().bind(vm.errorMessageProperty());
        message.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(message, Priority.ALWAYS);
        HBox banner = new HBox(title, message, ErrorDetailsDialog.detailsButton("errorDetailsButton", vm.session().errorProperty()),
                Banners.dismissButton("dismissError", vm::dismissError));
        banner.setId("errorBanner");
        banner.getStyleClass().add("error-banner");
        return Banners.shownWhen(banner, vm.errorMessageProperty().isNotEmpty());
    }

    private Node center(List<Page> pages) {
        tabs.setId("mainTabs");
        tabs.getStyleClass().add("main-tabs");
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        for (Page page : pages) {
            Tab tab = new Tab(page.title(), page.content());
            tab.setId(page.id());
            tabs.getTabs().add(tab);
        }
        tabs.visibleProperty().bind(vm.stateProperty().isEqualTo(ShellViewModel.WorkspaceState.READY));

        Label title = new Label();
        title.setId("preparingTitle");
        title.getStyleClass().add("preparing-title");
        title.textProperty().bind(vm.stateTitleProperty());
        Label detail = new Label();
        detail.setId("preparingMessage");
        detail.getStyleClass().add("preparing-detail");
        detail.setWrapText(true);
        detail.textProperty().bind(vm.stateMessageProperty());
        Label step = new Label();
        step.setId("preparingStep");
        step.getStyleClass().add("status-message");
        step.textProperty().bind(vm.activity().messageProperty());
        ProgressBar progress = new ProgressBar();
        progress.setPrefWidth(420);
        progress.progressProperty().bind(vm.activity().progressProperty());
        VBox running = new VBox(8, progress, step);
        running.setAlignment(Pos.CENTER);
        running.visibleProperty().bind(vm.stateProperty().isEqualTo(ShellViewModel.WorkspaceState.PREPARING));
        running.managedProperty().bind(running.visibleProperty());

        Button cancel = new Button("Cancel");
        cancel.setId("preparingCancel");
        cancel.getStyleClass().add(Styles.BUTTON_OUTLINED);
        cancel.setOnAction(e -> vm.cancel());
        cancel.visibleProperty().bind(running.visibleProperty());
        cancel.managedProperty().bind(cancel.visibleProperty());
        Button retry = new Button("Retry");
        retry.setId("retryButton");
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setOnAction(e -> vm.refresh());
        retry.visibleProperty().bind(running.visibleProperty().not());
        retry.managedProperty().bind(retry.visibleProperty());

        VBox card = new VBox(title, detail, running, new HBox(10, cancel, retry));
        ((HBox) card.getChildren().get(3)).setAlignment(Pos.CENTER);
        card.getStyleClass().add("preparing-card");
        VBox overlay = new VBox(card);
        overlay.setId("preparingOverlay");
        overlay.getStyleClass().add("preparing-overlay");
        overlay.visibleProperty().bind(tabs.visibleProperty().not());
        return new StackPane(tabs, overlay);
    }
}
