package uk.consumptioninsights.app.importer;

import java.nio.file.Path;
import uk.consumptioninsights.model.work.Progress;

/**
 * Imports a meter CSV into a new workspace of its own and owns the workspaces it made. Implemented in the workspace
 * package (which may use JDBC); the view-model knows only this.
 */
public interface MeterCsvImporter {

    /**
     * Reads {@code csv} into a new workspace file and opens it as a source. Runs off the UI thread and reports the bytes
     * read through {@code progress}. On failure or cancel ({@link java.util.concurrent.CancellationException}) nothing
     * is left behind: the new workspace file and its key are deleted before this throws.
     */
    ImportedSource importCsv(Path csv, Progress progress) throws Exception;

    /** The workbench shows another source now: close the workspace, keeping its file. Returns at once. */
    void release(ImportedSource imported);

    /** The import was cancelled after it finished: close the workspace and delete its files. Returns at once. */
    void discard(ImportedSource imported);
}
