package uk.consumptioninsights.dataaccess.provider;

import java.util.List;
import uk.consumptioninsights.dataaccess.query.CatalogConsumptionSource;
import uk.consumptioninsights.dataaccess.query.ConsumptionQueries;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The provider's gold schema on a Databricks SQL warehouse as a {@link uk.consumptioninsights.dataaccess.source.ConsumptionSource}:
 * the same query catalog as the local workspace, in the Databricks dialect, over the purpose views of
 * {@code catalog.schema}. Unity Catalog enforces the grants, masks and row filters on those views.
 */
public final class WarehouseConsumptionSource extends CatalogConsumptionSource implements AutoCloseable {

    public static final String DEFAULT_SCHEMA = "gold";

    private final WarehouseSessions sessions;
    private final WarehouseQueryEngine engine;
    private final SourceDescriptor descriptor;

    public WarehouseConsumptionSource(ProviderConnector connector) {
        super(new ConsumptionQueries(new SqlDialect.DatabricksSql(), namespace(connector.settings())));
        this.sessions = new WarehouseSessions(connector);
        this.engine = new WarehouseQueryEngine(sessions);
        ProviderConnectionSettings settings = connector.settings();
        this.descriptor = new SourceDescriptor(SourceKind.PROVIDER,
                settings.catalog().map(c -> c + ".").orElse("") + settings.schema().orElse(DEFAULT_SCHEMA),
                settings.host() + settings.httpPath());
    }

    /** The quoted catalog.schema of the purpose views. */
    public static String namespace(ProviderConnectionSettings settings) {
        SqlDialect dialect = new SqlDialect.DatabricksSql();
        String schema = dialect.quote(settings.schema().orElse(DEFAULT_SCHEMA));
        return settings.catalog().map(c -> dialect.quote(c) + "." + schema).orElse(schema);
    }

    /** The warehouse sessions this source queries through; governance questions share them. */
    public WarehouseSessions sessions() {
        return sessions;
    }

    @Override
    protected QueryEngine engine() {
        return engine;
    }

    @Override
    public SourceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public List<PurposeRole> roles() {
        return List.of(PurposeRole.values());
    }

    @Override
    public void close() {
        engine.close();
    }
}
