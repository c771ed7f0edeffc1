package uk.consumptioninsights.app.governance;

import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import java.util.List;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.controls.FeatureStylesheet;
import uk.consumptioninsights.app.controls.Banners;
import uk.consumptioninsights.app.controls.RestrictedPane;
import uk.consumptioninsights.app.controls.TextColumns;

/**
 * What each purpose role may see and which relations it read, the grants, masks, row filters and audit log the engine
 * holds for the current role's views, and the meters as that role sees them. Binds to {@link GovernanceViewModel}.
 */
public final class GovernanceView {

    private static final PseudoClass CURRENT = PseudoClass.getPseudoClass("current-role");

    private static final double ROW = 30;

    private final ScrollPane root = FeatureStylesheet.added(new ScrollPane(), GovernanceView.class, "governance.css");

    public GovernanceView(GovernanceViewModel vm) {
        Label title = new Label("Governance & Consent");
        title.getStyleClass().add("page-title");
        Label subtitle = new Label("Each purpose sees only the meter identity and detail it needs.");
        subtitle.getStyleClass().add("page-subtitle");
        HBox heading = new HBox(14, title, subtitle);
        heading.setAlignment(Pos.BASELINE_LEFT);

        TableView<RoleItem> roles = new TableView<>(vm.roles());
        roles.setId("rolesTable");
        roles.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Purpose", RoleItem::name, 150)),
                RestrictedPane.unsorted(TextColumns.of("Meter identity", RoleItem::meterIdentity, 150)),
                RestrictedPane.unsorted(TextColumns.of("Detail", RoleItem::granularity, 310)),
                RestrictedPane.unsorted(TextColumns.of("Minimum group", RoleItem::minimumGroup, 120)),
                RestrictedPane.unsorted(TextColumns.of("Reads (from the last queries)", RoleItem::reads, 380))));
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
        TableColumn<MeterItem, String> meter = RestrictedPane.unsorted(TextColumns.of("MPAN", MeterItem::meter, 240));
        meter.textProperty().bind(vm.meterColumnTitleProperty());
        meters.getColumns().addAll(List.of(meter, RestrictedPane.unsorted(TextColumns.of("GSP group", MeterItem::gspGroup, 110)),
                RestrictedPane.unsorted(TextColumns.of("Region", MeterItem::region, 260))));
        meters.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label placeholder = new Label();
        placeholder.textProperty().bind(vm.metersNoteProperty());
        placeholder.setWrapText(true);
        placeholder.setMaxWidth(520);
        meters.setPlaceholder(placeholder);
        meters.setPrefHeight(ROW * 8 + 40);
        meters.setMinHeight(Region.USE_PREF_SIZE);
        meters.visibleProperty().bind(vm.metersAvailableProperty());
        meters.managedProperty().bind(meters.visibleProperty());

        VBox page = new VBox();
        page.getStyleClass().add("page");
        page.getChildren().addAll(heading, roles, actions, enforcementHeading(vm), grants(vm), masksAndFilters(vm),
                audit(vm), metersHeading, note, meters);
        root.setContent(page);
        root.setFitToWidth(true);
        root.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        root.getStyleClass().add(Tweaks.EDGE_TO_EDGE);
    }

    private static Node enforcementHeading(GovernanceViewModel vm) {
        Label title = new Label();
        title.getStyleClass().add("section-title");
        title.textProperty().bind(Bindings.createStringBinding(
                () -> "As the engine enforces it on " + (vm.currentRoleProperty().get() == null ? "the role"
                        : vm.currentRoleProperty().get().displayName()) + "'s views", vm.currentRoleProperty()));
        Label busy = new Label("Reading grants, masks and the audit log…");
        busy.setId("governanceBusy");
        busy.getStyleClass().add("busy-note");
        Banners.shownWhen(busy, vm.loadingProperty());
        HBox heading = new HBox(14, title, busy);
        heading.setAlignment(Pos.BASELINE_LEFT);
        return heading;
    }

    private static Node grants(GovernanceViewModel vm) {
        TableView<GrantItem> table = table("grantsTable", vm.grants().rows(), "No grants on these views.", 6);
        table.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Principal", GrantItem::principal, 220)),
                RestrictedPane.unsorted(TextColumns.of("Privilege", GrantItem::privilege, 140)),
                RestrictedPane.unsorted(TextColumns.of("Object type", GrantItem::objectType, 110)),
                RestrictedPane.unsorted(TextColumns.of("Object", GrantItem::object, 380))));
        return RestrictedPane.of("grants", "Grants", vm.grants(), table);
    }

    private static Node masksAndFilters(GovernanceViewModel vm) {
        TableView<ColumnMaskItem> masks = table("columnMasksTable", vm.columnMasks().rows(), "No column masks.", 4);
        masks.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Table", ColumnMaskItem::table, 220)),
                RestrictedPane.unsorted(TextColumns.of("Column", ColumnMaskItem::column, 120)),
                RestrictedPane.unsorted(TextColumns.of("Mask function", ColumnMaskItem::maskFunction, 180)),
                RestrictedPane.unsorted(TextColumns.of("Using columns", ColumnMaskItem::usingColumns, 140))));
        TableView<RowFilterItem> filters = table("rowFiltersTable", vm.rowFilters().rows(), "No row filters.", 4);
        filters.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Table", RowFilterItem::table, 220)),
                RestrictedPane.unsorted(TextColumns.of("Filter function", RowFilterItem::filterFunction, 180)),
                RestrictedPane.unsorted(TextColumns.of("Columns", RowFilterItem::columns, 140))));
        VBox maskPane = RestrictedPane.of("columnMasks", "Column masks", vm.columnMasks(), masks);
        VBox filterPane = RestrictedPane.of("rowFilters", "Row filters", vm.rowFilters(), filters);
        HBox.setHgrow(maskPane, Priority.ALWAYS);
        HBox.setHgrow(filterPane, Priority.ALWAYS);
        maskPane.setMaxWidth(Double.MAX_VALUE);
        filterPane.setMaxWidth(Double.MAX_VALUE);
        return new HBox(16, maskPane, filterPane);
    }

    private static Node audit(GovernanceViewModel vm) {
        TableView<AuditItem> table = table("auditTable", vm.audit().rows(), "No reads of these views recorded.", 8);
        table.getColumns().addAll(List.of(
                RestrictedPane.unsorted(TextColumns.of("Time (London)", AuditItem::shownTime, 190)),
                RestrictedPane.unsorted(TextColumns.of("User", AuditItem::user, 200)),
                RestrictedPane.unsorted(TextColumns.of("Action", AuditItem::action, 130)),
                RestrictedPane.unsorted(TextColumns.of("Object", AuditItem::object, 320)),
                RestrictedPane.unsorted(TextColumns.of("Rows", AuditItem::rows, 100)),
                RestrictedPane.unsorted(TextColumns.of("Status", AuditItem::status, 80))));
        return RestrictedPane.of("audit", "Audit log", vm.audit(), table);
    }

    private static <T> TableView<T> table(String id, ObservableList<T> rows, String empty, int visibleRows) {
        TableView<T> table = new TableView<>(rows);
        table.setId(id);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label(empty));
        table.setFixedCellSize(ROW);
        table.setPrefHeight(ROW * visibleRows + 40);
        table.setMinHeight(Region.USE_PREF_SIZE);
        return table;
    }

    public Node root() {
        return root;
    }
}
