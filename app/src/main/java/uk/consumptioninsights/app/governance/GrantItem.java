package uk.consumptioninsights.app.governance;

/** One privilege on (or above) a purpose view, as the table lists it. */
public record GrantItem(String principal, String privilege, String objectType, String object) {
}
