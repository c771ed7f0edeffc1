package uk.consumptioninsights.app.governance;

import uk.consumptioninsights.model.access.PurposeRole;

/** One purpose role explained: what it sees and which relations it read in this session. */
public record RoleItem(PurposeRole role, String name, String meterIdentity, String granularity, String minimumGroup,
                       String reads, String description, boolean current) {
}
