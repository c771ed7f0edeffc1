package uk.consumptioninsights.app.controls;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import uk.consumptioninsights.app.common.RestrictedRows;

/**
 * A governance section on screen: a title with its count, then either the content (a table, a tree) or, when the
 * identity may not read it, an inline notice with the source's message and the refused statement. A refusal is an
 * ordinary answer here, so it is shown in place, never in the error banner.
 */
public final class RestrictedPane {

    private RestrictedPane() {
    }

    /**
     * Node ids: {@code id} for the section, {@code id + "Summary"}, {@code id + "Notice"} (the notice box),
     * {@code id + "NoticeText"} (the message), {@code id + "Refused"} (the refused statement) and
     * {@code id + "Statement"} (what an available answer was read with).
     */
    public static VBox of(String id, String title, RestrictedRows<?> section, Node content) {
        Label heading = new Label(title);
        heading.getStyleClass().add("section-title");
        return of(id, heading, section, content);
    }

    /** As {@link #of(String, String, RestrictedRows, Node)} with a heading the caller keeps up to date. */
    public static VBox of(String id, Label heading, RestrictedRows<?> section, Node content) {
        Label summary = new Label();
        summary.setId(id + "Summary");
        summary.getStyleClass().add("page-subtitle");
        summary.textProperty().bind(section.summaryProperty());
        HBox header = new HBox(14, heading, summary);
        header.setAlignment(Pos.BASELINE_LEFT);

        Label noticeTitle = new Label();
        noticeTitle.getStyleClass().addAll(Styles.TEXT_BOLD, Styles.WARNING);
        noticeTitle.textProperty().bind(section.noticeTitleProperty());
        Label notice = new Label();
        notice.setId(id + "NoticeText");
        notice.setWrapText(true);
        notice.setMinHeight(Region.USE_PREF_SIZE);
        notice.textProperty().bind(section.noticeProperty());
        Label refused = new Label();
        refused.setId(id + "Refused");
        refused.getStyleClass().add("hint");
        refused.setWrapText(true);
        refused.setMinHeight(Region.USE_PREF_SIZE);
        refused.textProperty().bind(Bindings.createStringBinding(
                () -> section.statementProperty().get().isEmpty() ? "" : "Refused: " + section.statementProperty().get(),
                section.statementProperty()));
        Banners.shownWhen(refused, section.statementProperty().isNotEmpty());
        VBox noticeBox = new VBox(4, noticeTitle, notice, refused);
        noticeBox.setId(id + "Notice");
        noticeBox.getStyleClass().add("note");
        noticeBox.setMaxWidth(Double.MAX_VALUE);
        Banners.shownWhen(noticeBox, section.deniedProperty());

        Banners.shownWhen(content, section.deniedProperty().not());
        Label statement = new Label();
        statement.setId(id + "Statement");
        statement.getStyleClass().add("hint");
        statement.setWrapText(true);
        statement.setMinHeight(Region.USE_PREF_SIZE);
        statement.textProperty().bind(Bindings.createStringBinding(
                () -> "Read with: " + section.statementProperty().get(), section.statementProperty()));
        Banners.shownWhen(statement, section.deniedProperty().not().and(section.statementProperty().isNotEmpty()));

        VBox box = new VBox(6, header, noticeBox, content, statement);
        box.setId(id);
        VBox.setVgrow(content, Priority.ALWAYS);
        return box;
    }

    /**
     * Governance tables keep the order the view-model gives (roles in purpose order, audit newest first); their lists
     * are read-only, so a sort click must not try to reorder them.
     */
    public static <T> TableColumn<T, String> unsorted(TableColumn<T, String> column) {
        column.setSortable(false);
        return column;
    }
}
