package uk.consumptioninsights.app.shell;

import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.model.work.Progress;

/** Makes the source ready, however long that takes (the local workspace may be built first). Runs off the UI thread. */
public interface SourceOpener {

    /** What will be opened, e.g. the workspace file, shown while it is being prepared. */
    String target();

    /** Throws {@link java.util.concurrent.CancellationException} when the user cancelled. */
    ConsumptionSource open(Progress progress) throws Exception;
}
