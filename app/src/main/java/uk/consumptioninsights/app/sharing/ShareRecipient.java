package uk.consumptioninsights.app.sharing;

import java.nio.file.Path;
import java.util.Optional;
import uk.consumptioninsights.model.work.Progress;

/**
 * Reads a Delta Sharing profile, lists what it grants, and loads chosen tables as a recipient source. Implemented in
 * the workspace package over the protocol client and a recipient workspace; the view-model knows only this. Every
 * method but {@link #release} runs off the UI thread and throws a {@link uk.consumptioninsights.dataaccess.source.SourceException}
 * (or the client's exception) with a user-facing message, or {@link java.util.concurrent.CancellationException}.
 */
public interface ShareRecipient {

    /** Reads the profile and lists every table it reaches, with what the workbench can do with each. */
    ShareCatalog browse(Path profile, Progress progress) throws Exception;

    /** Downloads the chosen tables (or reuses the cached files of the same version) and opens them as a source. */
    OpenedShare load(ShareCatalog catalog, ShareTableItem consumption, Optional<ShareTableItem> anomalies, Progress progress)
            throws Exception;

    /** The workbench shows another source now: close the share's workspace, keeping its files. Returns at once. */
    void release(OpenedShare share);
}
