package uk.consumptioninsights.dataaccess.governance;

/** A recipient's privilege on a share ({@code SHOW GRANTS ON SHARE}). */
public record ShareGrant(String share, String recipient, String privilege) {
}
