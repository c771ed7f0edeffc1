package uk.consumptioninsights.app.anomalies;

import atlantafx.base.theme.Styles;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import javafx.beans.property.ObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.dataaccess.source.AnomalyOrigin;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.Severity;

/** Pickers for type, severity, GSP group, day and origin, each with an "any" choice, bound to the view-model's filter. */
final class AnomalyFilterBar {

    /** A picker entry: a value, or null for "any", with its words. */
    record Choice<T>(T value, String label) {
        @Override
        public String toString() {
            return label;
        }
    }

    private final HBox root;

    AnomalyFilterBar(AnomaliesViewModel vm) {
        ComboBox<Choice<AnomalyType>> type = picker("typeFilter", "All types", vm.typeFilterProperty(),
                Arrays.asList(AnomalyType.values()), AnomalyType::label);
        ComboBox<Choice<Severity>> severity = picker("severityFilter", "Any severity", vm.severityFilterProperty(),
                Arrays.asList(Severity.values()), Severity::displayName);
        ComboBox<Choice<String>> gsp = picker("gspFilter", "All GSP groups", vm.gspFilterProperty(), vm.gspOptions(),
                AnomalyRowFormat::gspLabel);
        ComboBox<Choice<LocalDate>> day = picker("dayFilter", "Every day", vm.dayFilterProperty(), vm.dayOptions(),
                Formats::day);
        ComboBox<Choice<AnomalyOrigin>> origin = picker("originFilter", "Source and local", vm.originFilterProperty(),
                Arrays.asList(AnomalyOrigin.values()), o -> o.displayName() + " only");
        gsp.setPrefWidth(200);
        Button clear = new Button("Clear filters");
        clear.setId("clearFilters");
        clear.getStyleClass().add(Styles.BUTTON_OUTLINED);
        clear.setOnAction(e -> vm.clearFilters());
        clear.disableProperty().bind(vm.filterProperty().isEqualTo(AnomalyFilter.ANY));
        Label caption = new Label("FILTER");
        caption.getStyleClass().add("field-label");
        root = new HBox(caption, type, severity, gsp, day, origin, clear);
        root.getStyleClass().add("toolbar-row");
    }

    Node node() {
        return root;
    }

    /**
     * A picker over {@code values} plus "any". It follows the property both ways; when the values change (a new
     * listing) the choice is kept.
     */
    private static <T> ComboBox<Choice<T>> picker(String id, String anyLabel, ObjectProperty<T> target, List<T> values,
                                                  Function<T, String> words) {
        ComboBox<Choice<T>> box = new ComboBox<>();
        box.setId(id);
        Runnable fill = () -> {
            List<Choice<T>> choices = new ArrayList<>();
            choices.add(new Choice<>(null, anyLabel));
            for (T value : values) {
                choices.add(new Choice<>(value, words.apply(value)));
            }
            box.getItems().setAll(choices);
            select(box, target.get());
        };
        fill.run();
        if (values instanceof ObservableList<T> observable) {
            observable.addListener((ListChangeListener<T>) change -> fill.run());
        }
        box.valueProperty().addListener((o, old, choice) -> {
            T value = choice == null ? null : choice.value();
            if (!Objects.equals(value, target.get())) {
                target.set(value);
            }
        });
        target.addListener((o, old, value) -> select(box, value));
        return box;
    }

    private static <T> void select(ComboBox<Choice<T>> box, T value) {
        for (Choice<T> choice : box.getItems()) {
            if (Objects.equals(choice.value(), value)) {
                if (box.getValue() != choice) {
                    box.setValue(choice);
                }
                return;
            }
        }
    }
}
