package uk.consumptioninsights.dataaccess.provider;

import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.dataaccess.forest.ChampionCheck;
import uk.consumptioninsights.dataaccess.provider.failure.FailureCategory;
import uk.consumptioninsights.dataaccess.query.CatalogConsumptionSource;
import uk.consumptioninsights.dataaccess.query.ConsumptionQueries;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.query.SqlDialect;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
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
    private final ChampionScoring champion;
    private volatile List<PurposeRole> readableRoles = List.of(PurposeRole.values());

    public WarehouseConsumptionSource(ProviderConnector connector) {
        super(new ConsumptionQueries(new SqlDialect.DatabricksSql(), namespace(connector.settings())));
        this.sessions = new WarehouseSessions(connector);
        this.engine = new WarehouseQueryEngine(sessions);
        ProviderConnectionSettings settings = connector.settings();
        this.descriptor = new SourceDescriptor(SourceKind.PROVIDER,
                settings.catalog().map(c -> c + ".").orElse("") + settings.schema().orElse(DEFAULT_SCHEMA),
                settings.host() + settings.httpPath());
        this.champion = new ChampionScoring(engine, queries(), namespace(settings));
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

    /** Notebook 05's champion forest, scored here on the features it wrote for the listed detections. */
    @Override
    public ChampionCheck champion(PurposeRole role, DateRange range) {
        return champion.check(role, range);
    }

    @Override
    public SourceDescriptor descriptor() {
        return descriptor;
    }

    /** Every purpose until {@link #probeReadableRoles()} has found which ones this identity may read. */
    @Override
    public List<PurposeRole> roles() {
        return readableRoles;
    }

    /**
     * Reads each purpose's view once and keeps the purposes this identity may read, so a researcher is not greeted by
     * the settlement view's refusal. Failures other than a missing privilege are thrown as they are; when no purpose is
     * readable, the first refusal is.
     */
    public List<PurposeRole> probeReadableRoles() {
        List<PurposeRole> readable = new ArrayList<>();
        SourceException firstRefusal = null;
        for (PurposeRole role : PurposeRole.values()) {
            try {
                availableRange(role);
                readable.add(role);
            } catch (SourceException e) {
                if (!(e.getCause() instanceof ProviderException refused) || !isRefusal(refused.failure().category())) {
                    throw e;
                }
                firstRefusal = firstRefusal == null ? e : firstRefusal;
            }
        }
        if (readable.isEmpty()) {
            throw firstRefusal;
        }
        readableRoles = List.copyOf(readable);
        return readableRoles;
    }

    private static boolean isRefusal(FailureCategory category) {
        return category == FailureCategory.MISSING_PRIVILEGE || category == FailureCategory.ACCESS_DENIED;
    }

    @Override
    public void close() {
        engine.close();
    }
}
