package uk.consumptioninsights.app.source;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.provider.WarehouseAccess;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.dataaccess.provider.ConnectionCheck;
import uk.consumptioninsights.dataaccess.provider.ProviderConnectionSettings;
import uk.consumptioninsights.dataaccess.provider.ProviderConnector;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.governance.WarehouseGovernance;
import uk.consumptioninsights.dataaccess.provider.WarehouseConsumptionSource;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;

/**
 * Databricks SQL warehouses through the official driver. Keeps the sources it opened until the shell lets go of them,
 * and closes those still open on {@link #close()}.
 */
public final class DatabricksWarehouses implements WarehouseAccess, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DatabricksWarehouses.class);

    private final Map<String, String> driverOverrides;
    private final UnaryOperator<ConsumptionSource> decorator;
    private final Executor closer;
    private final Set<WarehouseConsumptionSource> open = ConcurrentHashMap.newKeySet();

    /**
     * @param driverOverrides extra driver properties, e.g. {@code ssl=0} for a loopback test workspace; never secrets
     * @param decorator       wraps an opened source, e.g. to inject faults in a test
     * @param closer          closes released sources off the UI thread
     */
    public DatabricksWarehouses(Map<String, String> driverOverrides, UnaryOperator<ConsumptionSource> decorator,
                                Executor closer) {
        this.driverOverrides = Map.copyOf(driverOverrides);
        this.decorator = decorator;
        this.closer = closer;
    }

    @Override
    public ConnectionCheck check(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
        ProviderConnector connector = new ProviderConnector(settings, secret, driverOverrides);
        ConnectionCheck check = connector.check();
        try (WarehouseConsumptionSource source = new WarehouseConsumptionSource(connector)) {
            source.probeReadableRoles();
        }
        return check;
    }

    @Override
    public List<String> schemas(ProviderConnectionSettings settings, Optional<ProviderSecret> secret, String catalog) {
        return new ProviderConnector(settings, secret, driverOverrides).schemas(catalog);
    }

    @Override
    public OpenedWarehouse open(ProviderConnectionSettings settings, Optional<ProviderSecret> secret) {
        ProviderConnector connector = new ProviderConnector(settings, secret, driverOverrides);
        ConnectionCheck check = connector.check();
        WarehouseConsumptionSource source = new WarehouseConsumptionSource(connector);
        open.add(source);
        try {
            source.probeReadableRoles();
            // Governance asks Unity Catalog through the same sessions, about the same catalog and gold schema.
            WarehouseGovernance governance = new WarehouseGovernance(source.sessions(), settings.catalog(),
                    settings.schema().orElse(WarehouseConsumptionSource.DEFAULT_SCHEMA));
            OpenedSource opened = OpenedSource.of(decorator.apply(source), governance, () -> release(source));
            LOG.info("Connected to the Databricks warehouse {}{}", settings.host(), settings.httpPath());
            return new OpenedWarehouse(check, opened);
        } catch (RuntimeException e) {
            release(source);
            throw e;
        }
    }

    private void release(WarehouseConsumptionSource source) {
        if (open.remove(source)) {
            try {
                closer.execute(source::close);
            } catch (RejectedExecutionException e) {
                // The app is closing and its closer has stopped: close here instead.
                source.close();
            }
        }
    }

    @Override
    public void close() {
        for (WarehouseConsumptionSource source : List.copyOf(open)) {
            open.remove(source);
            source.close();
        }
    }
}
