package uk.consumptioninsights.app.importer;

import uk.consumptioninsights.dataaccess.importer.RejectedRow;

/** One row of the import report's table: a line of the file that was not imported, and why. */
public record RejectedLine(long line, String reason, String rawText) {

    static RejectedLine of(RejectedRow row) {
        return new RejectedLine(row.lineNumber(), row.reason(), row.rawLine());
    }
}
