package uk.consumptioninsights.dataaccess.source;

import uk.consumptioninsights.model.meter.GspGroup;

/**
 * A meter the user may pick, as the role sees it.
 *
 * @param key   what queries use: the MPAN for Settlement, the pseudonym otherwise
 * @param label what the UI shows
 */
public record MeterChoice(String key, String label, GspGroup gspGroup) {
}
