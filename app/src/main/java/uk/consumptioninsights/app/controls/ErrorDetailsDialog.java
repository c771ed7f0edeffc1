package uk.consumptioninsights.app.controls;

import atlantafx.base.theme.Styles;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.value.ObservableValue;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;
import javafx.stage.Window;
import uk.consumptioninsights.app.common.UserMessage;

/**
 * The details of one failure: what happened, what to do, the technical details (selectable, and copied whole by
 * Copy details) and the log folder, which Open log folder shows in the file manager without blocking the window.
 */
public final class ErrorDetailsDialog {

    private final Stage stage = new Stage();
    private final Label opening = new Label();

    private ErrorDetailsDialog(Window owner, UserMessage message, Function<Path, CompletableFuture<Void>> openFolder) {
        stage.setTitle("What went wrong");
        if (owner != null) {
            stage.initOwner(owner);
        }
        Label happenedTitle = new Label("What happened");
        happenedTitle.getStyleClass().add("section-title");
        Label happened = new Label(message.whatHappened());
        happened.setId("errorWhatHappened");
        happened.setWrapText(true);
        Label todoTitle = new Label("What to do");
        todoTitle.getStyleClass().add("section-title");
        Label todo = new Label(message.whatToDo());
        todo.setId("errorWhatToDo");
        todo.setWrapText(true);
        Label detailsTitle = new Label("Details for support");
        detailsTitle.getStyleClass().add("section-title");
        TextArea details = new TextArea(message.details());
        details.setId("errorDetailsText");
        details.setEditable(false);
        details.setWrapText(true);
        details.setPrefRowCount(5);
        Label folder = new Label("Log folder: " + message.logFolder());
        folder.setId("errorLogFolder");
        folder.setWrapText(true);
        folder.getStyleClass().add("hint");
        opening.setId("errorOpenFolderNote");
        opening.getStyleClass().add("hint");
        opening.setWrapText(true);

        Button copy = new Button("Copy details");
        copy.setId("copyErrorDetails");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(message.copyText());
            Clipboard.getSystemClipboard().setContent(content);
            opening.setText("Copied.");
        });
        Button open = new Button("Open log folder");
        open.setId("openLogFolder");
        open.setOnAction(e -> {
            opening.setText("Opening " + message.logFolder() + "…");
            openFolder.apply(message.logFolder()).whenComplete((done, error) -> Platform.runLater(() -> opening.setText(
                    error == null ? "" : "Could not open the folder here; its path is above.")));
        });
        Button close = new Button("Close");
        close.setId("closeErrorDetails");
        close.setDefaultButton(true);
        close.getStyleClass().add(Styles.ACCENT);
        close.setOnAction(e -> stage.hide());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox buttons = new HBox(8, copy, open, gap, close);

        VBox root = new VBox(8, happenedTitle, happened, todoTitle, todo, detailsTitle, details, folder, opening, buttons);
        root.setId("errorDetails");
        root.getStyleClass().add("page");
        root.setPrefWidth(620);
        Scene scene = new Scene(root);
        if (owner != null && owner.getScene() != null) {
            scene.getStylesheets().setAll(owner.getScene().getStylesheets());
        } else {
            scene.getStylesheets().add(FeatureStylesheet.url(FeatureStylesheet.class, "controls.css"));
        }
        scene.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ESCAPE) {
                stage.hide();
            }
        });
        stage.setScene(scene);
    }

    /** A small flat "Details…" button that shows the details of {@code message}'s current value beside its window. */
    public static Button detailsButton(String id, ObservableValue<UserMessage> message) {
        Button details = new Button("Details…");
        details.setId(id);
        details.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        details.setMinWidth(Region.USE_PREF_SIZE);
        details.setOnAction(e -> {
            if (message.getValue() != null) {
                show(details.getScene() == null ? null : details.getScene().getWindow(), message.getValue());
            }
        });
        return details;
    }

    /** Shows the details of {@code message} beside {@code owner} (or on its own when there is none). */
    public static Stage show(Window owner, UserMessage message) {
        return show(owner, message, LogFolderOpener::open);
    }

    static Stage show(Window owner, UserMessage message, Function<Path, CompletableFuture<Void>> openFolder) {
        ErrorDetailsDialog dialog = new ErrorDetailsDialog(owner, message, openFolder);
        dialog.stage.show();
        return dialog.stage;
    }
}
