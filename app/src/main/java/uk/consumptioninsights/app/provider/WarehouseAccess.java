package uk.consumptioninsights.app.provider;

import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.dataaccess.provider.ConnectionCheck;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;

/**
 * What the connect dialog asks of a Databricks warehouse. Every call does network IO: run it off the UI thread. Failures
 * are {@link uk.consumptioninsights.dataaccess.provider.ProviderException}s (possibly wrapped) with a classified message.
 */
public interface WarehouseAccess {

    /**
     * Signs in, asks who we are and which catalogs are visible, then reads the settlement purpose view of the chosen
     * catalog and schema, so a missing SELECT shows up now rather than on the first chart.
     */
    ConnectionCheck check(ProviderConnectionSettings settings, Optional<ProviderSecret> secret);

    List<String> schemas(ProviderConnectionSettings settings, Optional<ProviderSecret> secret, String catalog);

    /** Checks as {@link #check} does, then opens the warehouse as a source for the shell. */
    OpenedWarehouse open(ProviderConnectionSettings settings, Optional<ProviderSecret> secret);

    /** A warehouse ready to show, and who it signed in as. */
    record OpenedWarehouse(ConnectionCheck check, OpenedSource source) {
    }
}
