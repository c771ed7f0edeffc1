package uk.consumptioninsights.app.session;

import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.task.LatestLoad;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.app.task.Work;

/**
 * The one way a source reaches the screen, whatever kind it is (the local workspace, an imported CSV, a share, a
 * Databricks warehouse): it is opened off the UI thread, handed to the shell, and released when nobody claims it
 * (the opening failed, was cancelled, or a newer one took over). Only the newest opening counts.
 *
 * <p>The dialogs depend on this, not on the shell: they learn here whether a source is shown yet and which.
 */
public final class SourceSwitch {

    private static final Logger LOG = LoggerFactory.getLogger(SourceSwitch.class);

    /**
     * How one kind of source is opened and what it becomes on screen.
     *
     * @param open     opens it, off the UI thread; throws {@link java.util.concurrent.CancellationException} when cancelled
     * @param describe the source to show, read off the UI thread right after opening
     * @param discard  lets go of what {@code open} returned when it is never shown (may delete an unfinished workspace)
     * @param isDefault true for the source the workbench starts with (the synthetic workspace)
     */
    public record Opening<T>(String title, Work<T> open, Function<T, OpenedSource> describe, Consumer<T> discard,
                             boolean isDefault) {

        public Opening {
            Objects.requireNonNull(title, "title");
            Objects.requireNonNull(open, "open");
            Objects.requireNonNull(describe, "describe");
            Objects.requireNonNull(discard, "discard");
        }

        public Opening(String title, Work<T> open, Function<T, OpenedSource> describe, Consumer<T> discard) {
            this(title, open, describe, discard, false);
        }
    }

    /** What the one who asked does with the answer: one of these runs, on the UI thread. */
    public interface Outcome<T> {

        /** {@code source} is now shown; {@code opened} is what the opening returned (a report, a share, a check). */
        void shown(T opened, OpenedSource source);

        void failed(Throwable error);

        void cancelled();

        /** A newer opening took over before this one finished; what this one opened is released. */
        default void superseded() {
            cancelled();
        }

        /** An outcome from three callbacks; a newer opening taking over counts as cancelled. */
        static <T> Outcome<T> of(BiConsumer<T, OpenedSource> shown, Consumer<Throwable> failed, Runnable cancelled) {
            return new Outcome<>() {
                @Override
                public void shown(T opened, OpenedSource source) {
                    shown.accept(opened, source);
                }

                @Override
                public void failed(Throwable error) {
                    failed.accept(error);
                }

                @Override
                public void cancelled() {
                    cancelled.run();
                }
            };
        }
    }

    /** Shows a source: the shell. */
    public interface Receiver {
        void show(OpenedSource next, boolean isDefault);
    }

    /** One opening in flight: its outcome and what it opened until someone claims it. */
    private static final class Pending {
        private final Outcome<?> outcome;
        private final boolean isDefault;
        private Runnable unclaimed;
        private boolean abandoned;
        private TaskHandle handle = TaskHandle.NONE;

        Pending(Outcome<?> outcome, boolean isDefault) {
            this.outcome = outcome;
            this.isDefault = isDefault;
        }

        /** From the background thread, as soon as something is open. */
        synchronized void offer(Runnable discard) {
            if (abandoned) {
                discard.run();
            } else {
                unclaimed = discard;
            }
        }

        /** On success: nothing left to release. */
        synchronized boolean claim() {
            unclaimed = null;
            return !abandoned;
        }

        /** On failure, cancel or a newer opening: whatever was opened, or is yet to open, is released. */
        void abandon() {
            Runnable discard;
            synchronized (this) {
                abandoned = true;
                discard = unclaimed;
                unclaimed = null;
            }
            if (discard != null) {
                discard.run();
            }
        }
    }

    private final LatestLoad latest;
    private Receiver receiver = (next, isDefault) -> { };
    private Runnable defaultRequest = () -> { };
    private Pending pending;

    private final ReadOnlyObjectWrapper<OpenedSource> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyBooleanWrapper preparing = new ReadOnlyBooleanWrapper(this, "preparing", true);
    private final ReadOnlyBooleanWrapper defaultShown = new ReadOnlyBooleanWrapper(this, "defaultShown", false);
    private final ReadOnlyBooleanWrapper openingDefault = new ReadOnlyBooleanWrapper(this, "openingDefault", false);

    public SourceSwitch(TaskRunner runner) {
        this.latest = new LatestLoad(runner, false);
    }

    /** The shell: it receives every source once opened. */
    public void showIn(Receiver receiver) {
        this.receiver = Objects.requireNonNull(receiver, "receiver");
    }

    /** What {@link #requestDefault} does: the shell's way back to the synthetic workspace. */
    public void onDefaultRequested(Runnable request) {
        this.defaultRequest = Objects.requireNonNull(request, "request");
    }

    /** File → Open synthetic workspace, from wherever it is asked. */
    public void requestDefault() {
        defaultRequest.run();
    }

    /**
     * Opens a source in the background and shows it once open. A newer call takes over: the older one is cancelled,
     * its outcome hears {@link Outcome#superseded()}, and whatever it opened is released.
     */
    public <T> TaskHandle open(Opening<T> opening, Outcome<T> outcome) {
        if (pending != null) {
            Pending overtaken = pending;
            pending = null;
            overtaken.abandon();
            overtaken.outcome.superseded();
        }
        Pending mine = new Pending(outcome, opening.isDefault());
        pending = mine;
        openingDefault.set(opening.isDefault());
        if (shown.get() == null) {
            preparing.set(true);
        }
        mine.handle = latest.start(opening.title(), progress -> {
                    T opened = opening.open().run(progress);
                    mine.offer(() -> opening.discard().accept(opened));
                    OpenedSource source = opening.describe().apply(opened);
                    progress.checkCancelled();
                    return new Ready<>(opened, source);
                },
                ready -> {
                    settle(mine, false);
                    if (mine.claim()) {
                        handOver(ready.source(), opening.isDefault());
                        outcome.shown(ready.opened(), ready.source());
                    }
                },
                error -> {
                    settle(mine, true);
                    mine.abandon();
                    outcome.failed(error);
                },
                () -> {
                    settle(mine, true);
                    mine.abandon();
                    outcome.cancelled();
                });
        return mine.handle;
    }

    private record Ready<T>(T opened, OpenedSource source) {
    }

    /** The opening {@code done} has ended; when it showed nothing and none is left, preparing is over too. */
    private void settle(Pending done, boolean showsNothing) {
        if (pending == done) {
            pending = null;
            openingDefault.set(false);
            if (showsNothing && shown.get() == null) {
                preparing.set(false);
            }
        }
    }

    /** Shows a source opened elsewhere (already in the background); call on the UI thread. */
    public void handOver(OpenedSource next, boolean isDefault) {
        defaultShown.set(isDefault);
        shown.set(next);
        LOG.debug("Handing {} to the shell", next.descriptor().title());
        receiver.show(next, isDefault);
        // Last: whoever waits for the first source finds it shown.
        preparing.set(false);
    }

    /** Stops the opening in flight, if any; its outcome hears {@link Outcome#cancelled()}. */
    public void cancel() {
        if (pending != null) {
            pending.handle.cancel();
        }
    }

    /** Lets go of a source no longer shown; a failure to close is logged, never shown. */
    public static void release(OpenedSource old) {
        if (old == null) {
            return;
        }
        try {
            old.release().run();
        } catch (RuntimeException e) {
            LOG.warn("Could not release {}", old.descriptor().location(), e);
        }
    }

    /**
     * Runs {@code action} once the first preparation has finished, successfully or not (at once if it has): for files
     * named on the command line, which need a source to fall back on.
     */
    public void whenPrepared(Runnable action) {
        if (!preparing.get()) {
            action.run();
            return;
        }
        // On the read-only side, which hears of a change after the bindings the dialogs made on it.
        ReadOnlyBooleanProperty watched = preparing.getReadOnlyProperty();
        watched.addListener(new ChangeListener<>() {
            @Override
            public void changed(ObservableValue<? extends Boolean> o, Boolean old, Boolean now) {
                if (!now) {
                    watched.removeListener(this);
                    action.run();
                }
            }
        });
    }

    /** The title of the source on screen, for "still showing …"; empty before the first one. */
    public String shownTitle() {
        OpenedSource now = shown.get();
        return now == null ? "" : now.descriptor().title();
    }

    /** The source on screen; null until the first one is shown. */
    public ReadOnlyObjectProperty<OpenedSource> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** True until the first source is shown or its preparation has ended (failed or cancelled), and during a retry. */
    public ReadOnlyBooleanProperty preparingProperty() {
        return preparing.getReadOnlyProperty();
    }

    /** True while the source shown is the default one (the synthetic workspace). */
    public ReadOnlyBooleanProperty defaultShownProperty() {
        return defaultShown.getReadOnlyProperty();
    }

    /** True while the opening in flight is the default source's. */
    public ReadOnlyBooleanProperty openingDefaultProperty() {
        return openingDefault.getReadOnlyProperty();
    }
}
