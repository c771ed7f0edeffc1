package uk.consumptioninsights.app.sharing;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;

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

    /** The tables the workbench can read as {@code kind}, in the order listed: the first is what a load takes by default. */
    public List<ShareTableItem> usable(SharedTableKind kind) {
        return tables.stream().filter(t -> t.usable() && t.kind() == kind).toList();
    }
}
