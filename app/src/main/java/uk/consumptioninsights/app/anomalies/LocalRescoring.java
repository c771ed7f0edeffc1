package uk.consumptioninsights.app.anomalies;

import java.util.Optional;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.model.work.Progress;

/**
 * Rescoring of the source shown now, when it is a local workspace. Keeps {@link AnomaliesViewModel} free of the
 * workspace, JDBC and the toolkit; the app implements it in its workspace package, tests with a fake.
 */
@FunctionalInterface
public interface LocalRescoring {

    /** No source can be rescored: for sources that are never local. */
    LocalRescoring NONE = Optional::empty;

    /** The rescorer for the active source, empty when it is not an open local workspace. Cheap: call on the UI thread. */
    Optional<Rescorer> forActiveSource();

    /**
     * A rescorable source is open, so a rescoring may be asked for soon: get ready for it without blocking (the app
     * has the detectors compiled in the background). Cheap: called on the UI thread. Does nothing by default.
     */
    default void prepare() {
    }

    /** One rescoring of one workspace: reads, scores, replaces the local detections. Runs off the UI thread. */
    @FunctionalInterface
    interface Rescorer {

        /**
         * Throws {@link java.util.concurrent.CancellationException} when cancelled; a cancelled or failed rescoring
         * leaves the previous detections in place.
         */
        RescoreSummary rescore(Progress progress) throws Exception;
    }
}
