package uk.consumptioninsights.app.sharing;

/** A recipient of the chosen share and the privilege it holds on it. */
public record ShareRecipientItem(String recipient, String privilege) {
}
