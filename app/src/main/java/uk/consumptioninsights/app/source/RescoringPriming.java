package uk.consumptioninsights.app.source;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceFleetReader;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.anomaly.detect.Detection;
import uk.consumptioninsights.model.anomaly.detect.FleetWindow;
import uk.consumptioninsights.model.anomaly.detect.Rescoring;
import uk.consumptioninsights.model.work.Progress;

/**
 * Reads and scores up to {@value #SAMPLE_READINGS} readings of the workspace (every n-th meter) on a low-priority
 * background thread, as soon as a rescorable workspace is shown, and throws the result away. The first "Rescore
 * locally" of a session otherwise pays for the JVM compiling the reading and scoring code, and for the workspace's
 * first full scan, while it runs; real readings (rather than made-up data) warm them on the data they will see.
 * Nothing is written; the workspace is only read, like any tab reads it.
 */
final class RescoringPriming {

    private static final Logger LOG = LoggerFactory.getLogger(RescoringPriming.class);
    /**
     * About the default workspace (2,000 meters × 90 days, 8.6 M readings), read whole. Measured in the app on a busy
     * 2-core machine, alternating: priming 500 of its meters left the first click at 3.7–4.1 s, priming all of them
     * 3.1–3.4 s, against 2.4–3.0 s for later clicks. A larger workspace is sampled to this many readings, which bounds
     * the memory and the time the priming takes.
     */
    static final long SAMPLE_READINGS = 9_000_000;
    /** Meters primed where the workspace has no meter-day rollup to size the sample by (a recipient's copy). */
    static final int FALLBACK_METERS = 500;
    /**
     * Passes over the sample. One pass left the first full rescoring 2.6 s against 1.6 s warm (FirstRescoringPhases);
     * the compiler wants more calls than one pass gives before it compiles the hot loops fully; two gave 2.0-2.2 s,
     * three no better.
     */
    static final int PASSES = 2;
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private RescoringPriming() {
    }

    /** Starts the priming on this workspace, once per process; later calls do nothing. */
    static void startOnce(LocalWorkspace workspace) {
        if (!STARTED.compareAndSet(false, true)) {
            return;
        }
        Thread thread = new Thread(() -> primeQuietly(workspace), "ciw-rescoring-priming");
        thread.setDaemon(true);
        thread.setPriority(Thread.MIN_PRIORITY);
        thread.start();
    }

    private static void primeQuietly(LocalWorkspace workspace) {
        try {
            long started = System.nanoTime();
            List<Detection> found = prime(workspace);
            LOG.debug("Rescoring primed in {} ms ({} detections on the sample)", (System.nanoTime() - started) / 1_000_000,
                    found.size());
        } catch (SQLException | RuntimeException e) {
            // Priming only saves time; a failure here (the workspace closed meanwhile) changes nothing an analyst sees.
            LOG.debug("Priming the rescoring failed", e);
        }
    }

    /** The detections on the sample of the workspace (empty when it has no readings); for tests. */
    static List<Detection> prime(LocalWorkspace workspace) throws SQLException {
        List<Detection> found = List.of();
        for (int pass = 0; pass < PASSES; pass++) {
            FleetWindow sample = WorkspaceFleetReader.sampleOfReadings(workspace, SAMPLE_READINGS, FALLBACK_METERS);
            if (sample == null) {
                return List.of();
            }
            found = new Rescoring().run(sample, Progress.NONE);
        }
        return found;
    }
}
