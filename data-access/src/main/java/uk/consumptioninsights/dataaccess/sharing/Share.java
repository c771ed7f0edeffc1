package uk.consumptioninsights.dataaccess.sharing;

/**
 * A share as the server describes it (protocol, "Get Share").
 *
 * @param id the server's id for the share, or null when it sends none (the protocol makes it optional)
 */
public record Share(String name, String id) {
}
