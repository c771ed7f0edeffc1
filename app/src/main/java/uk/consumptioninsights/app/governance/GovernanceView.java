package uk.consumptioninsights.app.governance;

import atlantafx.base.theme.Styles;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/** What each purpose role may see and which relations it read, and the meters as the current role sees them. */
import uk.consumptioninsights.app.controls.TextColumns;

public final class GovernanceView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current-role");

    private final VBox root = new VBox();

    public GovernanceView(GovernanceViewModel vm) {
        Label title = new Label("Governance");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Each purpose sees only the meter identity and detail it needs.");
        subtitle.getStyleClass().add("page-subtitle");
        HBox heading = new HBox(14, title, subtitle);
        heading.setAlignment(Pos.BASELINE_LEFT);

        TableView<RoleItem> roles = new TableView<>(vm.roles());
        roles.setId("rolesTable");
        roles.getColumns().addAll(List.of(
                unsorted(TextColumns.of("Purpose", RoleItem::name, 150)),
                unsorted(TextColumns.of("Meter identity", RoleItem::meterIdentity, 150)),
                unsorted(TextColumns.of("Detail", RoleItem::granularity, 310)),
                unsorted(TextColumns.of("Minimum group", RoleItem::minimumGroup, 120)),
                unsorted(TextColumns.of("Reads (from the last queries)", RoleItem::reads, 380))));
        roles.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        roles.setRowFactory(table -> new TableRow<>() {
            @Override
            protected void updateItem(RoleItem item, boolean empty) {
                super.updateItem(item, empty);
                pseudoClassStateChanged(CURRENT, !empty && item != null && item.current());
                setTooltip(empty || item == null ? null : new Tooltip(item.description()));
            }
        });
        roles.setFixedCellSize(36);
        roles.setPrefHeight(36 * 4 + 48);
        roles.setMinHeight(Region.USE_PREF_SIZE);

        Button use = new Button("Use selected purpose");
        use.setId("useRole");
        use.getStyleClass().add(Styles.ACCENT);
        use.disableProperty().bind(roles.getSelectionModel().selectedItemProperty().isNull());
        use.setOnAction(e -> vm.useRole(roles.getSelectionModel().getSelectedItem().role()));
        Label reads = new Label();
        reads.setId("governanceReads");
        reads.getStyleClass().add("page-subtitle");
        reads.textProperty().bind(Bindings.createStringBinding(
                () -> vm.currentRoleProperty().get() == null ? "" : vm.currentRoleProperty().get().displayName()
                        + " reads " + vm.currentReadsProperty().get(),
                vm.currentRoleProperty(), vm.currentReadsProperty()));
        reads.setWrapText(true);
        HBox actions = new HBox(14, use, reads);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label metersTitle = new Label();
        metersTitle.getStyleClass().add("section-title");
        metersTitle.textProperty().bind(Bindings.createStringBinding(
                () -> "Meters as " + (vm.currentRoleProperty().get() == null ? "" : vm.currentRoleProperty().get().displayName())
                        + " sees them", vm.currentRoleProperty()));
        Label count = new Label();
        count.setId("governanceMeterCount");
        count.getStyleClass().add("page-subtitle");
        count.textProperty().bind(vm.meterCountTextProperty());
        HBox metersHeading = new HBox(14, metersTitle, count);
        metersHeading.setAlignment(Pos.BASELINE_LEFT);
        Label note = new Label();
        note.setId("governanceMetersNote");
        note.getStyleClass().add("note");
        note.setWrapText(true);
        note.setMaxWidth(Double.MAX_VALUE);
        note.textProperty().bind(vm.metersNoteProperty());

        TableView<MeterItem> meters = new TableView<>(vm.meters());
        meters.setId("metersTable");
        TableColumn<MeterItem, String> meter = unsorted(TextColumns.of("MPAN", MeterItem::meter, 240));
        meter.textProperty().bind(vm.meterColumnTitleProperty());
        meters.getColumns().addAll(List.of(meter, unsorted(TextColumns.of("GSP group", MeterItem::gspGroup, 110)),
                unsorted(TextColumns.of("Region", MeterItem::region, 260))));
        meters.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.metersNoteProperty());
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        meters.setPlaceholder(placeholder);
        VBox.setVgrow(meters, Priority.ALWAYS);
        meters.visibleProperty().bind(vm.metersAvailableProperty());
        meters.managedProperty().bind(meters.visibleProperty());

        root.getStyleClass().add("page");
        root.getChildren().addAll(heading, roles, actions, metersHeading, note, meters);
    }


    public Node root() {
        return root;
    }

    /** Governance tables keep the order the view-model gives: roles in purpose order, meters by GSP group. */
    private static <T> TableColumn<T, String> unsorted(TableColumn<T, String> column) {
        column.setSortable(false);
        return column;
    }
}
