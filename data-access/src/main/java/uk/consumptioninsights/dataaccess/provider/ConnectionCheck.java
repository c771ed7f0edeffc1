package uk.consumptioninsights.dataaccess.provider;

import java.time.Duration;
import java.util.List;

/**
 * What "Test connection" found: who the warehouse says we are, where the session starts, and the catalogs it lists.
 *
 * @param user     the identity the warehouse resolved the sign-in to
 * @param catalogs catalogs this identity can see, in the warehouse's order
 */
public record ConnectionCheck(String user, String currentCatalog, String currentSchema, List<String> catalogs,
                              Duration elapsed) {
    public ConnectionCheck {
        catalogs = List.copyOf(catalogs);
    }
}
