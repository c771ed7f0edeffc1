package uk.consumptioninsights.app.sharing;

import java.nio.file.Path;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;

/**
 * Shared tables loaded into a recipient workspace, ready to be shown.
 *
 * @param summary e.g. "Loaded 1,234,560 readings (version 7) and 312 anomalies; 12 of 40 files came from the cache."
 */
public record OpenedShare(ConsumptionSource source, GovernanceSource governance, Path workspaceFile, String summary) {
}
