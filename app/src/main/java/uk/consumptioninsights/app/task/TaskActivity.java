package uk.consumptioninsights.app.task;

import java.util.ArrayList;
import java.util.List;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

/**
 * The status bar's view of the runner: the latest visible task's message and progress, and how many tasks are in
 * flight. Only the runner updates it, always on its UI thread; everything here is plain JavaFX beans, no toolkit.
 */
public final class TaskActivity {

    public static final String IDLE_MESSAGE = "Ready";
    /** Progress value for "running, amount unknown", as {@code ProgressIndicator.INDETERMINATE_PROGRESS}. */
    public static final double INDETERMINATE = -1;

    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(this, "running", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", IDLE_MESSAGE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(this, "progress", 0);
    private final ReadOnlyIntegerWrapper inFlight = new ReadOnlyIntegerWrapper(this, "inFlight", 0);
    private final List<Entry> visible = new ArrayList<>();

    /** One task as the status bar knows it. */
    final class Entry {
        private final String title;
        private final boolean quiet;
        private String detail;
        private double fraction = INDETERMINATE;

        private Entry(String title, boolean quiet) {
            this.title = title;
            this.quiet = quiet;
        }
    }

    Entry begin(String title, boolean quiet) {
        Entry entry = new Entry(title, quiet);
        inFlight.set(inFlight.get() + 1);
        if (!quiet) {
            visible.add(entry);
            show();
        }
        return entry;
    }

    void update(Entry entry, double fraction, String detail) {
        if (fraction >= 0) {
            entry.fraction = Math.min(1, fraction);
        }
        if (detail != null && !detail.isBlank()) {
            entry.detail = detail;
        }
        if (!entry.quiet) {
            show();
        }
    }

    void end(Entry entry) {
        inFlight.set(Math.max(0, inFlight.get() - 1));
        if (!entry.quiet && visible.remove(entry)) {
            show();
        }
    }

    private void show() {
        if (visible.isEmpty()) {
            running.set(false);
            message.set(IDLE_MESSAGE);
            progress.set(0);
            return;
        }
        Entry latest = visible.get(visible.size() - 1);
        running.set(true);
        message.set(latest.detail == null ? latest.title : latest.detail);
        progress.set(latest.fraction);
    }

    /** True while a task the user should know about is running (quiet tasks do not count). */
    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public boolean isRunning() {
        return running.get();
    }

    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** 0..1, or {@link #INDETERMINATE}. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    /** Every queued or running task, quiet ones included: zero means the UI has settled. */
    public ReadOnlyIntegerProperty inFlightProperty() {
        return inFlight.getReadOnlyProperty();
    }

    public int inFlight() {
        return inFlight.get();
    }
}
