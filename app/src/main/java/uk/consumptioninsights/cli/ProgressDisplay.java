package uk.consumptioninsights.cli;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import uk.consumptioninsights.model.work.Progress;

/**
 * Long work's {@link Progress} on the command line: a progress bar on the terminal (stderr), nothing when output goes
 * to a file or a pipe or is JSON. Cancelled when Ctrl-C asks ({@link Cancellation}).
 */
final class ProgressDisplay implements Progress, AutoCloseable {

    private static final int STEPS = 1000;

    private final Cancellation cancellation;
    private final ProgressBar bar;
    private boolean closed;

    private ProgressDisplay(Cancellation cancellation, ProgressBar bar) {
        this.cancellation = cancellation;
        this.bar = bar;
    }

    /** A bar titled {@code task} when {@code shown}, otherwise silent. */
    static ProgressDisplay start(String task, boolean shown, Cancellation cancellation) {
        ProgressBar bar = shown ? new ProgressBarBuilder().setTaskName(task).setInitialMax(STEPS)
                .setStyle(ProgressBarStyle.ASCII).setUpdateIntervalMillis(200).continuousUpdate()
                .setMaxRenderedLength(100).hideEta().build() : null;
        return new ProgressDisplay(cancellation, bar);
    }

    /** Whether this process writes to a terminal a person watches. */
    static boolean onTerminal() {
        java.io.Console console = System.console();
        if (console == null) {
            return false;
        }
        // From Java 22 a console exists even when redirected; isTerminal() then says whether it is one.
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    @Override
    public void report(double fraction, String message) {
        if (bar == null || closed) {
            return;
        }
        bar.stepTo(Math.round(Math.max(0, Math.min(1, fraction)) * STEPS));
        if (message != null && !message.isBlank()) {
            bar.setExtraMessage(shorten(message));
        }
    }

    private static String shorten(String message) {
        String line = message.replaceAll("\\s+", " ").trim();
        return line.length() <= 40 ? line : line.substring(0, 39) + "…";
    }

    @Override
    public boolean isCancelled() {
        return cancellation.requested();
    }

    @Override
    public void close() {
        if (bar != null && !closed) {
            closed = true;
            bar.close();
        }
    }
}
