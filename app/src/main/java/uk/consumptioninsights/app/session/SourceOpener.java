package uk.consumptioninsights.app.session;

import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.model.work.Progress;

/** Makes the source ready, however long that takes (the local workspace may be built first). Runs off the UI thread. */
public interface SourceOpener {

    /** What will be opened, e.g. the workspace file, shown while it is being prepared. */
    String target();

    /** Throws {@link java.util.concurrent.CancellationException} when the user cancelled. */
    ConsumptionSource open(Progress progress) throws Exception;

    /**
     * The workbench no longer shows {@code opened} (it switched to another source): close what it holds open, unless
     * {@link #open} handed it out again since. Returns at once; closing happens in the background. Does nothing by default.
     */
    default void release(ConsumptionSource opened) {
    }

    /** Governance of what {@link #open} returned; none by default. Call off the UI thread. */
    default GovernanceSource governance(ConsumptionSource opened) {
        return OpenedSource.NO_GOVERNANCE;
    }
}
