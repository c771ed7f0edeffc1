package uk.consumptioninsights.dataaccess.workspace;

/** Whether a workspace may be shown: only READY ones are complete. */
public enum WorkspaceStatus {
    /** Nothing written yet. */
    EMPTY,
    /** A build started and did not finish (cancelled, crashed or still running): never shown as data. */
    BUILDING,
    READY
}
