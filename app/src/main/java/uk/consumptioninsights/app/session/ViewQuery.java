package uk.consumptioninsights.app.session;

import java.util.Objects;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * What every tab shows right now: the purpose role and the settlement dates. A new generation with the same role
 * and range is a refresh (F5).
 */
public record ViewQuery(PurposeRole role, DateRange range, long generation) {

    public ViewQuery {
        Objects.requireNonNull(role, "role");
        Objects.requireNonNull(range, "range");
    }
}
