package uk.consumptioninsights.app.importer;

import java.util.Locale;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.dataaccess.importer.FlaggedRow;

/** One row of the import report's second table: a line imported but kept flagged as implausible, and why. */
public record FlaggedLine(long line, String household, String halfHour, String kwh, String reason) {

    static FlaggedLine of(FlaggedRow row) {
        return new FlaggedLine(row.lineNumber(), row.householdId(), Formats.settlementPeriod(row.intervalStart()),
                String.format(Locale.UK, "%.3f", row.kwh()), row.reason());
    }
}
