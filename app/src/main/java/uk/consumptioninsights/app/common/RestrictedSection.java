package uk.consumptioninsights.app.common;

import java.util.List;
import java.util.function.Function;
import java.util.function.IntFunction;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import uk.consumptioninsights.dataaccess.governance.Restricted;

/**
 * The writable side of a {@link RestrictedRows}, kept inside a view-model, which hands out only the read-only
 * interface. Used on the UI thread only.
 */
public final class RestrictedSection<T> implements RestrictedRows<T> {

    static final String DENIED_TITLE = "Your access does not allow this";
    static final String FAILED_TITLE = "Could not read this";

    private final ObservableList<T> rows = FXCollections.observableArrayList();
    private final ObservableList<T> readOnlyRows = FXCollections.unmodifiableObservableList(rows);
    private final ReadOnlyBooleanWrapper denied = new ReadOnlyBooleanWrapper(this, "denied", false);
    private final ReadOnlyStringWrapper noticeTitle = new ReadOnlyStringWrapper(this, "noticeTitle", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper statement = new ReadOnlyStringWrapper(this, "statement", "");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper(this, "summary", "");
    private final IntFunction<String> counted;

    /** @param counted words for a number of rows, e.g. {@code n -> n + " grants"} */
    public RestrictedSection(IntFunction<String> counted) {
        this.counted = counted;
    }

    /** Nothing known: the role or source changed and the new answer is not in yet. */
    public void clear() {
        rows.clear();
        denied.set(false);
        noticeTitle.set("");
        notice.set("");
        statement.set("");
        summary.set("");
    }

    /** Shows an answer of the governance source, each row turned into what the table shows. */
    public <S> void show(Restricted<List<S>> answer, Function<? super S, ? extends T> item) {
        if (answer instanceof Restricted.Available<List<S>> available) {
            showRows(available.value().stream().<T>map(item).toList(), available.statement());
        } else if (answer instanceof Restricted.Denied<List<S>> refused) {
            deny(refused.message(), refused.statement());
        }
    }

    /** As {@link #show(Restricted, Function)}, or the failure inline when asking failed. */
    public <S> void show(GovernanceAnswer<List<S>> asked, Function<? super S, ? extends T> item) {
        if (asked.answer() == null) {
            fail(asked.failure(), "");
        } else {
            show(asked.answer(), item);
        }
    }

    public void showRows(List<? extends T> items, String asked) {
        rows.setAll(items);
        denied.set(false);
        noticeTitle.set("");
        notice.set("");
        statement.set(text(asked));
        summary.set(counted.apply(items.size()));
    }

    /** The engine refused: an ordinary outcome, shown inline. */
    public void deny(String message, String asked) {
        refuse(DENIED_TITLE, message, asked);
    }

    /** The question could not be answered at all (the connection dropped, say); shown inline like a refusal. */
    public void fail(String message, String asked) {
        refuse(FAILED_TITLE, message, asked);
    }

    private void refuse(String title, String message, String asked) {
        rows.clear();
        denied.set(true);
        noticeTitle.set(title);
        notice.set(text(message));
        statement.set(text(asked));
        summary.set("Not readable");
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }

    @Override
    public ObservableList<T> rows() {
        return readOnlyRows;
    }

    @Override
    public ReadOnlyBooleanProperty deniedProperty() {
        return denied.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty noticeTitleProperty() {
        return noticeTitle.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty statementProperty() {
        return statement.getReadOnlyProperty();
    }

    @Override
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }
}
