package uk.consumptioninsights.app.common;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.collections.ObservableList;

/**
 * One governance section as a view binds to it: its rows when the identity may read them, otherwise an inline notice
 * saying what was refused. Read-only; the owning view-model fills it.
 */
public interface RestrictedRows<T> {

    /** Empty while denied, failed or not loaded yet. */
    ObservableList<T> rows();

    /** True when the engine refused the question or it could not be answered: show the notice, not the table. */
    ReadOnlyBooleanProperty deniedProperty();

    /** "Your access does not allow this" or "Could not read this"; empty unless denied. */
    ReadOnlyStringProperty noticeTitleProperty();

    /** The source's own words on what is lacking and whom to ask; empty unless denied. */
    ReadOnlyStringProperty noticeProperty();

    /** What was asked, e.g. {@code SHOW GRANTS ON TABLE main.gold.v_settlement_half_hourly}; empty before an answer. */
    ReadOnlyStringProperty statementProperty();

    /** "3 grants", "Not readable", or empty before an answer. */
    ReadOnlyStringProperty summaryProperty();

    default boolean isDenied() {
        return deniedProperty().get();
    }
}
