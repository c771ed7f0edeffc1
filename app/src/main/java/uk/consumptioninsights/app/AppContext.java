package uk.consumptioninsights.app;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.anomalies.AnomaliesViewModel;
import uk.consumptioninsights.app.consumption.ConsumptionViewModel;
import uk.consumptioninsights.app.governance.GovernanceViewModel;
import uk.consumptioninsights.app.session.SourceSwitch;
import uk.consumptioninsights.app.sharing.ProviderSharingViewModel;
import uk.consumptioninsights.app.importer.ImportViewModel;
import uk.consumptioninsights.app.overview.OverviewViewModel;
import uk.consumptioninsights.app.provider.ConnectDialogViewModel;
import uk.consumptioninsights.app.source.DatabricksWarehouses;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.sharing.ShareRefreshViewModel;
import uk.consumptioninsights.app.sharing.ShareViewModel;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.task.FxTaskRunner;
import uk.consumptioninsights.app.source.ImportedWorkspaces;
import uk.consumptioninsights.app.source.LocalWorkspaceOpener;
import uk.consumptioninsights.app.source.LocalWorkspaceRescoring;
import uk.consumptioninsights.app.source.RecipientRefreshes;
import uk.consumptioninsights.app.source.RecipientShares;
import uk.consumptioninsights.dataaccess.provider.ConnectionProfiles;
import uk.consumptioninsights.dataaccess.recipient.ChangeFeed;
import uk.consumptioninsights.dataaccess.recipient.DeltaSharingChangeFeed;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.OsCredentialStore;
import uk.consumptioninsights.dataaccess.provider.credentials.ProviderCredentials;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.workspace.PartialImports;
import uk.consumptioninsights.model.synthetic.InjectionRates;

/**
 * The composition root: builds every service and view-model by hand, with constructor injection and no framework.
 * Create it on the FX thread; {@link #close()} stops background work and closes every workspace.
 */
public final class AppContext implements AutoCloseable {

    /** Worker threads: enough for the tabs to load side by side on a 2-core machine. */
    static final int WORKER_THREADS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(AppContext.class);

    private final AppConfig config;
    private final Settings settings;
    private final FxTaskRunner runner;
    /**
     * Closes workspaces the workbench switched away from, and at start removes imports cut short: one thread, never
     * cancelled by Esc.
     */
    private final ExecutorService closer;
    private final WorkbenchSession session;
    private final ActiveSource source;
    private final LocalWorkspaceOpener opener;
    private final ImportedWorkspaces imports;
    private final CompletableFuture<PartialImports.Sweep> partialImportSweep;
    private final ShellViewModel shell;
    private final OverviewViewModel overview;
    private final ConsumptionViewModel consumption;
    private final AnomaliesViewModel anomalies;
    private final GovernanceViewModel governance;
    private final ProviderSharingViewModel providerSharing;
    private final ImportViewModel importer;
    private final RecipientShares recipients;
    private final ShareViewModel shares;
    private final Optional<ShareRefreshViewModel> shareRefresh;
    private final DatabricksWarehouses warehouses;
    private final ConnectDialogViewModel connect;

    /**
     * How the app reaches Databricks: the credential store for saved secrets, and driver properties that replace the
     * defaults (a loopback test workspace needs {@code ssl=0}; the app itself passes none).
     */
    public record ProviderWiring(CredentialStore credentialStore, Map<String, String> driverOverrides) {
        public static ProviderWiring system() {
            return new ProviderWiring(new OsCredentialStore(), Map.of());
        }
    }

    /**
     * How a recipient's Refresh reads a share's change data feed: an adapter over the protocol client (which the app
     * opens and closes per refresh). Empty offers no Refresh (a test may leave it out).
     */
    public record RecipientWiring(Optional<Function<DeltaSharingClient, ChangeFeed>> changeFeeds) {
        public static RecipientWiring system() {
            return new RecipientWiring(Optional.of(DeltaSharingChangeFeed::new));
        }
    }

    private AppContext(AppConfig config, Settings settings, UnaryOperator<ConsumptionSource> decorator,
                       ProviderWiring provider, RecipientWiring recipient) {
        this.config = config;
        config.keepPrivate();
        this.settings = settings;
        this.runner = new FxTaskRunner(WORKER_THREADS);
        this.closer = Executors.newSingleThreadExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ciw-workspace-closer");
            thread.setDaemon(true);
            return thread;
        });
        this.session = new WorkbenchSession();
        this.source = new ActiveSource();
        this.opener = new LocalWorkspaceOpener(config.workspaceFile(), config.fleet(), InjectionRates.defaults(), decorator,
                closer);
        this.imports = new ImportedWorkspaces(config.importFolder(), decorator, Clock.systemDefaultZone(), closer);
        // Off the FX thread: deleting a partial workspace of some gigabytes must not hold up the window.
        this.partialImportSweep = CompletableFuture.supplyAsync(imports::sweepPartialImports, closer);
        partialImportSweep.exceptionally(error -> {
            LOG.warn("The start-up sweep of unfinished imports in {} stopped ({}); they stay until the next start",
                    config.importFolder(), error.toString());
            return null;
        });
        LocalDate fallbackDay = config.fleet().lastDay();
        SourceSwitch sources = new SourceSwitch(runner);
        this.shell = new ShellViewModel(source, sources, opener, runner, session, settings, fallbackDay);
        this.overview = new OverviewViewModel(source, runner, session);
        this.consumption = new ConsumptionViewModel(source, runner, session);
        this.recipients = new RecipientShares(config.recipientFolder(), decorator, closer);
        this.anomalies = new AnomaliesViewModel(source, runner, session,
                new LocalWorkspaceRescoring(source, opener, imports, recipients));
        this.governance = new GovernanceViewModel(source, runner, session);
        this.providerSharing = new ProviderSharingViewModel(source, runner, session);
        this.importer = new ImportViewModel(imports, sources, session, settings);
        this.shares = new ShareViewModel(recipients, sources, runner, session, Clock.systemUTC());
        this.shareRefresh = recipient.changeFeeds().map(feeds -> new ShareRefreshViewModel(
                new RecipientRefreshes(recipients, feeds, Clock.systemUTC()), shares.shownProperty(), runner,
                shell::refresh));
        this.warehouses = new DatabricksWarehouses(provider.driverOverrides(), decorator, closer);
        this.connect = new ConnectDialogViewModel(warehouses, new ConnectionProfiles(config.connectionsFolder()),
                new ProviderCredentials(provider.credentialStore()), sources, runner, session, settings);
    }

    /** The app as launched: system-property configuration, settings in java.util.prefs. */
    public static AppContext create() {
        return new AppContext(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), UnaryOperator.identity(),
                ProviderWiring.system(), RecipientWiring.system());
    }

    /** @param decorator wraps the opened source, e.g. to inject faults in a test */
    public static AppContext create(AppConfig config, Settings settings, UnaryOperator<ConsumptionSource> decorator) {
        return new AppContext(config, settings, decorator, ProviderWiring.system(), RecipientWiring.system());
    }

    /** As {@link #create(AppConfig, Settings, UnaryOperator)}, reaching Databricks as {@code provider} says. */
    public static AppContext create(AppConfig config, Settings settings, UnaryOperator<ConsumptionSource> decorator,
                                    ProviderWiring provider) {
        return new AppContext(config, settings, decorator, provider, RecipientWiring.system());
    }

    /** As {@link #create(AppConfig, Settings, UnaryOperator, ProviderWiring)}, refreshing shares as {@code recipient} says. */
    public static AppContext create(AppConfig config, Settings settings, UnaryOperator<ConsumptionSource> decorator,
                                    ProviderWiring provider, RecipientWiring recipient) {
        return new AppContext(config, settings, decorator, provider, recipient);
    }

    public AppConfig config() {
        return config;
    }

    public Settings settings() {
        return settings;
    }

    public FxTaskRunner runner() {
        return runner;
    }

    public WorkbenchSession session() {
        return session;
    }

    public LocalWorkspaceOpener workspace() {
        return opener;
    }

    /** The workspaces imports created, open while shown. */
    public ImportedWorkspaces importedWorkspaces() {
        return imports;
    }

    /** The start-up removal of imports that never finished (see {@link ImportedWorkspaces#sweepPartialImports()}). */
    public CompletableFuture<PartialImports.Sweep> partialImportSweep() {
        return partialImportSweep;
    }

    public ShellViewModel shell() {
        return shell;
    }

    public OverviewViewModel overview() {
        return overview;
    }

    public ConsumptionViewModel consumption() {
        return consumption;
    }

    public AnomaliesViewModel anomalies() {
        return anomalies;
    }

    public GovernanceViewModel governance() {
        return governance;
    }

    public ProviderSharingViewModel providerSharing() {
        return providerSharing;
    }

    public ImportViewModel importer() {
        return importer;
    }

    /** File → Open share profile…: the Delta Sharing recipient. */
    public ShareViewModel shares() {
        return shares;
    }

    /** Refresh for the shown share; empty while the wiring has no change feed to read shares with. */
    public Optional<ShareRefreshViewModel> shareRefresh() {
        return shareRefresh;
    }

    /** File → Connect to Databricks…: the provider's warehouse. */
    public ConnectDialogViewModel connect() {
        return connect;
    }

    /** The recipients' workspaces, open while their share is shown. */
    public RecipientShares recipients() {
        return recipients;
    }

    @Override
    public void close() {
        runner.close();
        closer.shutdown();
        try {
            if (!closer.awaitTermination(5, TimeUnit.SECONDS)) {
                LOG.warn("Closing workspaces took longer than 5 s; closing the rest now");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        opener.close();
        imports.close();
        recipients.close();
        warehouses.close();
    }
}
