package uk.consumptioninsights.app.sharing;

import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;
import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.controls.Banners;
import uk.consumptioninsights.app.controls.TextColumns;
import uk.consumptioninsights.app.controls.RestrictedPane;
import uk.consumptioninsights.dataaccess.governance.TableColumns;

/**
 * The Data Sharing tab as the provider sees it: the gold schema on the left; on the right the shares, the chosen
 * share's recipients and objects, and the chosen object's columns beside the provider table they come from. Binds to
 * {@link ProviderSharingViewModel}; no logic beyond keeping selections in step.
 */
public final class ProviderSharingView {

    private static final double ROW = 30;
    private static final PseudoClass NOT_SHARED = PseudoClass.getPseudoClass("not-shared");
    private static final PseudoClass SHARED_ONLY = PseudoClass.getPseudoClass("shared-only");

    private final VBox root = new VBox();

    public ProviderSharingView(ProviderSharingViewModel vm) {
        Label title = new Label("Data sharing");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("What the provider holds beside what each share's recipients receive, column by column.");
        subtitle.getStyleClass().add("page-subtitle");
        Label busy = new Label("Reading…");
        busy.setId("sharingBusy");
        busy.getStyleClass().add("busy-note");
        Banners.shownWhen(busy, vm.loadingProperty().or(vm.pickingProperty()));
        HBox heading = new HBox(14, title, subtitle, busy);
        heading.setAlignment(Pos.BASELINE_LEFT);

        VBox gold = RestrictedPane.of("goldSchema", "Provider gold schema", vm.goldSchema(), goldTree(vm));
        gold.setMinWidth(240);
        VBox.setVgrow(gold, Priority.ALWAYS);

        VBox received = new VBox(14, shares(vm), recipientsAndObjects(vm), comparison(vm));
        SplitPane split = new SplitPane(gold, received);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3);
        split.getStyleClass().add("plain-split");
        VBox.setVgrow(split, Priority.ALWAYS);

        root.getStyleClass().add("page");
        root.getChildren().addAll(heading, split);
    }

    public Node root() {
        return root;
    }

    private static TreeView<String> goldTree(ProviderSharingViewModel vm) {
        TreeView<String> tree = new TreeView<>();
        tree.setId("goldSchemaTree");
        tree.setShowRoot(false);
        Runnable rebuild = () -> {
            TreeItem<String> top = new TreeItem<>("gold");
            for (TableColumns table : vm.goldSchema().rows()) {
                TreeItem<String> item = new TreeItem<>(table.table() + "  ·  " + table.columns().size()
                        + (table.columns().size() == 1 ? " column" : " columns"));
                for (TableColumns.Column column : table.columns()) {
                    item.getChildren().add(new TreeItem<>(column.name() + "  " + column.type()));
                }
                top.getChildren().add(item);
            }
            tree.setRoot(top);
        };
        vm.goldSchema().rows().addListener((ListChangeListener<TableColumns>) c -> rebuild.run());
        rebuild.run();
        tree.setPrefHeight(400);
        return tree;
    }

    private static Node shares(ProviderSharingViewModel vm) {
        ListView<String> list = new ListView<>(vm.shares().rows());
        list.setId("sharesList");
        list.setPlaceholder(new Label("No shares."));
        list.setPrefHeight(ROW * 3 + 6);
        list.setMinHeight(Region.USE_PREF_SIZE);
        keepInStep(list.getSelectionModel().selectedItemProperty(), vm.selectedShareProperty(), vm.shares().rows(),
                list.getSelectionModel()::select, vm::selectShare);
        return RestrictedPane.of("shares", "Shares", vm.shares(), list);
    }

    private static Node recipientsAndObjects(ProviderSharingViewModel vm) {
        TableView<ShareRecipientItem> recipients = table("shareRecipientsTable", vm.recipients().rows(), "No recipients.", 4);
        recipients.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Recipient", ShareRecipientItem::recipient, 240)),
                RestrictedPane.unsorted(TextColumns.of("Privilege", ShareRecipientItem::privilege, 100))));
        TableView<SharedObjectItem> objects = table("sharedObjectsTable", vm.objects().rows(), "No objects in this share.", 4);
        objects.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Name recipients see", SharedObjectItem::name, 200)),
                RestrictedPane.unsorted(TextColumns.of("Type", SharedObjectItem::type, 70)),
                RestrictedPane.unsorted(TextColumns.of("Shared from", SharedObjectItem::sharedFrom, 230)),
                RestrictedPane.unsorted(TextColumns.of("Partitions", SharedObjectItem::partitions, 120))));
        keepInStep(objects.getSelectionModel().selectedItemProperty(), vm.selectedObjectProperty(), vm.objects().rows(),
                objects.getSelectionModel()::select, vm::selectObject);

        Label recipientsTitle = sectionTitle(vm, "Recipients", "Recipients of ");
        Label objectsTitle = sectionTitle(vm, "Objects", "Objects in ");
        VBox recipientPane = RestrictedPane.of("shareRecipients", recipientsTitle, vm.recipients(), recipients);
        VBox objectPane = RestrictedPane.of("sharedObjects", objectsTitle, vm.objects(), objects);
        recipientPane.setPrefWidth(400);
        recipientPane.setMinWidth(280);
        HBox.setHgrow(objectPane, Priority.ALWAYS);
        objectPane.setMaxWidth(Double.MAX_VALUE);
        return new HBox(16, recipientPane, objectPane);
    }

    private static Node comparison(ProviderSharingViewModel vm) {
        TableView<ColumnComparisonItem> table = table("columnComparisonTable", vm.comparison().rows(),
                "Pick an object to compare its columns with the provider's table.", 8);
        table.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Column", ColumnComparisonItem::column, 200)),
                RestrictedPane.unsorted(TextColumns.of("Provider type", ColumnComparisonItem::providerType, 140)),
                RestrictedPane.unsorted(TextColumns.of("Shared type", ColumnComparisonItem::sharedType, 140)),
                RestrictedPane.unsorted(TextColumns.of("In the share", ColumnComparisonItem::sharingLabel, 140))));
        // Pseudo-classes leave the styling of the marks to the stylesheet; the words carry the meaning on their own.
        table.setRowFactory(t -> new TableRow<>() {
            @Override
            protected void updateItem(ColumnComparisonItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(NOT_SHARED, !empty && item != null && item.sharing() == ColumnSharing.NOT_SHARED);
                pseudoClassStateChanged(SHARED_ONLY, !empty && item != null && item.sharing() == ColumnSharing.SHARED_ONLY);
            }
        });
        Label heading = new Label();
        heading.getStyleClass().add("section-title");
        heading.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedObjectProperty().get() == null
                ? "Columns: provider and share" : "Columns of " + vm.selectedObjectProperty().get().name()
                + ": provider and share", vm.selectedObjectProperty()));
        Label note = new Label();
        note.setId("columnComparisonNote");
        note.getStyleClass().add("page-subtitle");
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(vm.comparisonNoteProperty());
        Banners.shownWhen(note, vm.comparisonNoteProperty().isNotEmpty());
        VBox content = new VBox(6, note, table);
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox pane = RestrictedPane.of("columnComparison", heading, vm.comparison(), content);
        VBox.setVgrow(pane, Priority.ALWAYS);
        return pane;
    }

    /** "Recipients of elexon_consumption_share", or just "Recipients" before a share is picked. */
    private static Label sectionTitle(ProviderSharingViewModel vm, String alone, String prefix) {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.selectedShareProperty().get() == null
                ? alone : prefix + vm.selectedShareProperty().get(), vm.selectedShareProperty()));
        return title;
    }

    private static <T> TableView<T> table(String id, ObservableList<T> rows, String empty, int visibleRows) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(empty));
        table.setFixedCellSize(ROW);
        table.setPrefHeight(ROW * visibleRows + 40);
        table.setMinHeight(ROW * 2 + 40);
        return table;
    }

    /**
     * The user's pick goes to the view-model; the view-model's choice (first share, the pick kept across a reload)
     * comes back to the control. Refilled rows clear a control's selection, so it is restored from the view-model.
     */
    private static <T> void keepInStep(ObservableValue<T> picked, ObservableValue<T> chosen, ObservableList<T> rows,
                                       Consumer<T> select, Consumer<T> pick) {
        picked.addListener((o, old, value) -> {
            if (value != null && !Objects.equals(value, chosen.getValue())) {
                pick.accept(value);
            }
        });
        Runnable restore = () -> {
            T value = chosen.getValue();
            if (value != null && !Objects.equals(value, picked.getValue()) && rows.contains(value)) {
                select.accept(value);
            }
        };
        chosen.addListener((o, old, value) -> restore.run());
        rows.addListener((ListChangeListener<T>) c -> restore.run());
    }
}
