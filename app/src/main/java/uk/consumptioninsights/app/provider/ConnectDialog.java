package uk.consumptioninsights.app.provider;

import atlantafx.base.theme.Styles;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.TitledPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import uk.consumptioninsights.app.controls.Banners;

/**
 * The connect dialog and its File menu item (Ctrl+Shift+D). Enter connects, Esc cancels what runs or closes the
 * dialog; every label has a mnemonic. Binds to {@link ConnectDialogViewModel}; no logic.
 */
public final class ConnectDialog {

    static final String TITLE = "Connect to Databricks";

    private final ConnectDialogViewModel vm;
    private final Window owner;
    private final MenuItem menuItem;
    private final Map<ConnectionField, Control> fields = new EnumMap<>(ConnectionField.class);
    private Stage stage;

    public ConnectDialog(ConnectDialogViewModel vm, Window owner) {
        this.vm = vm;
        this.owner = owner;
        this.menuItem = new MenuItem("Connect to _Databricks…");
        menuItem.setId("connectDatabricksMenuItem");
        menuItem.setAccelerator(new KeyCodeCombination(KeyCode.D, KeyCombination.SHORTCUT_DOWN, KeyCombination.SHIFT_DOWN));
        menuItem.setOnAction(e -> vm.open());
        vm.dialogOpenProperty().addListener((o, was, open) -> {
            if (open) {
                stage().show();
                stage.toFront();
            } else if (stage != null) {
                stage.hide();
            }
        });
    }

    public List<MenuItem> fileMenuItems() {
        return List.of(menuItem);
    }

    /** The dialog's window once it has been opened, for tests. */
    Stage window() {
        return stage;
    }

    private Stage stage() {
        if (stage == null) {
            stage = build();
        }
        return stage;
    }

    private Stage build() {
        Stage window = new Stage();
        window.setTitle(TITLE);
        if (owner != null) {
            window.initOwner(owner);
        }

        ComboBox<String> profiles = new ComboBox<>(vm.profiles());
        profiles.setId("connectProfiles");
        profiles.setPromptText("Saved connections");
        profiles.setMaxWidth(Double.MAX_VALUE);
        Button load = new Button("_Load");
        load.setId("connectLoadProfile");
        load.disableProperty().bind(profiles.valueProperty().isNull().or(vm.busyProperty()));
        load.setOnAction(e -> vm.loadProfile(profiles.getValue()));
        HBox.setHgrow(profiles, Priority.ALWAYS);
        HBox profileRow = new HBox(8, profiles, load);

        TextField host = text("connectHost", "adb-1234567890123456.7.azuredatabricks.net", vm.hostProperty());
        TextField httpPath = text("connectHttpPath", "/sql/1.0/warehouses/abc123", vm.httpPathProperty());
        ComboBox<String> catalog = editableChoice("connectCatalog", vm.catalogs());
        catalog.getEditor().textProperty().bindBidirectional(vm.catalogProperty());
        ComboBox<String> schema = editableChoice("connectSchema", vm.schemas());
        schema.getEditor().textProperty().bindBidirectional(vm.schemaProperty());
        Button listSchemas = new Button("List sc_hemas");
        listSchemas.setId("connectListSchemas");
        listSchemas.disableProperty().bind(vm.busyProperty());
        listSchemas.setOnAction(e -> vm.loadSchemas());
        HBox.setHgrow(schema, Priority.ALWAYS);
        HBox schemaRow = new HBox(8, schema, listSchemas);

        ComboBox<SignInMethod> signIn = new ComboBox<>();
        signIn.getItems().setAll(SignInMethod.values());
        signIn.setId("connectSignIn");
        signIn.setMaxWidth(Double.MAX_VALUE);
        signIn.valueProperty().bindBidirectional(vm.signInMethodProperty());
        TextField clientId = text("connectClientId", "Application (client) id", vm.clientIdProperty());
        PasswordField secret = new PasswordField();
        secret.setId("connectSecret");
        secret.textProperty().bindBidirectional(vm.secretProperty());
        Label secretLabel = new Label();
        secretLabel.setId("connectSecretLabel");
        Runnable showSignIn = () -> {
            SignInMethod method = vm.signInMethodProperty().get();
            secretLabel.setText("_" + (method.needsSecret() ? method.secretLabel() : "Secret (not needed)"));
            secret.setDisable(!method.needsSecret());
            clientId.setDisable(!method.usesClientId());
        };
        vm.signInMethodProperty().addListener((o, old, now) -> showSignIn.run());
        showSignIn.run();

        TextField profileName = text("connectProfileName", "e.g. Settlement production", vm.profileNameProperty());
        CheckBox remember = new CheckBox("_Remember the secret in the OS credential store");
        remember.setId("connectRememberSecret");
        remember.selectedProperty().bindBidirectional(vm.rememberSecretProperty());
        Spinner<Integer> connectTimeout = seconds("connectTimeout", vm.connectTimeoutSecondsProperty().get(), 3600);
        connectTimeout.getValueFactory().valueProperty().bindBidirectional(vm.connectTimeoutSecondsProperty());
        Spinner<Integer> queryTimeout = seconds("queryTimeout", vm.queryTimeoutSecondsProperty().get(), 86_400);
        queryTimeout.getValueFactory().valueProperty().bindBidirectional(vm.queryTimeoutSecondsProperty());

        fields.put(ConnectionField.HOST, host);
        fields.put(ConnectionField.HTTP_PATH, httpPath);
        fields.put(ConnectionField.CATALOG, catalog);
        fields.put(ConnectionField.SCHEMA, schema);
        fields.put(ConnectionField.CLIENT_ID, clientId);
        fields.put(ConnectionField.SECRET, secret);
        fields.put(ConnectionField.PROFILE_NAME, profileName);
        fields.put(ConnectionField.CONNECT_TIMEOUT, connectTimeout);
        fields.put(ConnectionField.QUERY_TIMEOUT, queryTimeout);
        vm.invalidFieldProperty().addListener((o, old, now) -> {
            fields.values().forEach(field -> field.pseudoClassStateChanged(Styles.STATE_DANGER, false));
            if (now != null) {
                Control field = fields.get(now);
                field.pseudoClassStateChanged(Styles.STATE_DANGER, true);
                field.requestFocus();
            }
        });

        GridPane form = new GridPane();
        form.setHgap(10);
        form.setVgap(8);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow());
        int row = 0;
        form.addRow(row++, mnemonic("Saved _connection", profiles), profileRow);
        form.addRow(row++, mnemonic("_Host", host), host);
        form.addRow(row++, mnemonic("HTTP _path", httpPath), httpPath);
        form.addRow(row++, mnemonic("C_atalog", catalog), catalog);
        form.addRow(row++, mnemonic("_Schema", schema), schemaRow);
        form.addRow(row++, mnemonic("Sign-_in", signIn), signIn);
        form.addRow(row++, mnemonic("Client _id", clientId), clientId);
        secretLabel.setMnemonicParsing(true);
        secretLabel.setLabelFor(secret);
        secretLabel.getStyleClass().add("field-label");
        form.addRow(row++, secretLabel, secret);
        form.addRow(row++, mnemonic("Profile _name", profileName), profileName);
        form.add(remember, 1, row++);
        form.addRow(row++, mnemonic("Connect time_out (s)", connectTimeout), connectTimeout);
        form.addRow(row, mnemonic("_Query timeout (s)", queryTimeout), queryTimeout);

        Label message = Banners.statusLine("connectMessage", vm.messageProperty(), vm.failedProperty());
        message.setMinHeight(Region.USE_PREF_SIZE);
        Label detailText = new Label();
        detailText.setId("connectDetailsText");
        detailText.setWrapText(true);
        detailText.getStyleClass().add("detail-facts");
        detailText.textProperty().bind(vm.detailsProperty());
        TitledPane details = new TitledPane("Details", detailText);
        details.setId("connectDetails");
        details.setExpanded(false);
        details.visibleProperty().bind(vm.detailsProperty().isNotEmpty());
        details.managedProperty().bind(details.visibleProperty());

        ProgressIndicator busy = new ProgressIndicator();
        busy.setId("connectBusy");
        busy.setPrefSize(22, 22);
        busy.visibleProperty().bind(vm.busyProperty());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button save = new Button("Sa_ve profile");
        save.setId("connectSaveProfile");
        save.disableProperty().bind(vm.busyProperty());
        save.setOnAction(e -> vm.saveProfile());
        Button test = new Button("_Test connection");
        test.setId("connectTest");
        test.disableProperty().bind(vm.canConnectProperty().not());
        test.setOnAction(e -> vm.testConnection());
        Button cancel = new Button("Cancel");
        cancel.setId("connectCancel");
        cancel.setCancelButton(true);
        cancel.setOnAction(e -> {
            if (vm.busyProperty().get()) {
                vm.cancel();
            } else {
                vm.close();
            }
        });
        Button connect = new Button("_Connect");
        connect.setId("connectButton");
        connect.setDefaultButton(true);
        connect.getStyleClass().add(Styles.ACCENT);
        connect.disableProperty().bind(vm.canConnectProperty().not());
        connect.setOnAction(e -> vm.connect());
        HBox buttons = new HBox(10, busy, spacer, save, test, cancel, connect);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        Label title = new Label(TITLE);
        title.getStyleClass().add("section-title");
        Label hint = new Label("The warehouse's host and HTTP path are on its Connection details tab. Tokens and client "
                + "secrets are kept only in the OS credential store, never in a file.");
        hint.getStyleClass().add("hint");
        hint.setWrapText(true);
        // The buttons sit above the outcome, so a long message or opened details never push them out of reach.
        VBox root = new VBox(10, title, hint, form, buttons, message, details);
        root.getStyleClass().add("page");
        root.setPrefWidth(660);
        Scene scene = new Scene(root);
        details.expandedProperty().addListener((o, was, expanded) -> window.sizeToScene());
        vm.detailsProperty().addListener((o, old, now) -> window.sizeToScene());
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        }
        // Esc cancels what runs, and closes the dialog otherwise; the Cancel button is the one place that decides.
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                cancel.fire();
                e.consume();
            }
        });
        window.setScene(scene);
        window.setOnCloseRequest(e -> vm.close());
        return window;
    }

    private static TextField text(String id, String prompt, StringProperty property) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        return field;
    }

    private static ComboBox<String> editableChoice(String id, ObservableList<String> items) {
        ComboBox<String> combo = new ComboBox<>(items);
        combo.setId(id);
        combo.setEditable(true);
        combo.setMaxWidth(Double.MAX_VALUE);
        return combo;
    }

    private static Spinner<Integer> seconds(String id, int initial, int max) {
        Spinner<Integer> spinner = new Spinner<>(1, max, Math.max(1, Math.min(initial, max)));
        spinner.setId(id);
        spinner.setEditable(true);
        return spinner;
    }

    private static Label mnemonic(String text, Node target) {
        Label label = new Label(text);
        label.setMnemonicParsing(true);
        label.setLabelFor(target);
        label.getStyleClass().add("field-label");
        return label;
    }

    private static ColumnConstraints grow() {
        ColumnConstraints column = new ColumnConstraints();
        column.setHgrow(Priority.ALWAYS);
        return column;
    }
}
