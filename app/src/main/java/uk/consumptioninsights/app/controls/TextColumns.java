package uk.consumptioninsights.app.controls;

import java.util.function.Function;
import javafx.beans.property.SimpleStringProperty;
import javafx.scene.control.TableColumn;

/** Read-only text columns for the workbench's tables: a title, what each row shows, and a preferred width. */
public final class TextColumns {

    private TextColumns() {
    }

    public static <T> TableColumn<T, String> of(String title, Function<T, String> value, double width) {
        TableColumn<T, String> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new SimpleStringProperty(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        return column;
    }
}
