package uk.consumptioninsights.app.sharing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What a profile grants: its tables, where they are served from, and when its token stops working.
 *
 * @param endpoint   the sharing server's address without any secret, for display
 * @param expiresAt  when the profile's token expires; empty when the profile says it never does
 */
public record ShareCatalog(Path profile, String endpoint, Optional<Instant> expiresAt, List<ShareTableItem> tables) {

    public ShareCatalog {
        tables = List.copyOf(tables);
    }
}
