package uk.consumptioninsights.app;

import java.time.LocalDate;
import java.util.function.UnaryOperator;
import uk.consumptioninsights.app.anomalies.AnomaliesViewModel;
import uk.consumptioninsights.app.consumption.ConsumptionViewModel;
import uk.consumptioninsights.app.governance.GovernanceViewModel;
import uk.consumptioninsights.app.overview.OverviewViewModel;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.task.FxTaskRunner;
import uk.consumptioninsights.app.workspace.LocalWorkspaceOpener;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.model.synthetic.InjectionRates;

/**
 * The composition root: builds every service and view-model by hand, with constructor injection and no framework.
 * Create it on the FX thread; {@link #close()} stops background work and closes the workspace.
 */
public final class AppContext implements AutoCloseable {

    /** Worker threads: enough for the tabs to load side by side on a 2-core machine. */
    static final int WORKER_THREADS = 3;

    private final AppConfig config;
    private final Settings settings;
    private final FxTaskRunner runner;
    private final WorkbenchSession session;
    private final ActiveSource source;
    private final LocalWorkspaceOpener opener;
    private final ShellViewModel shell;
    private final OverviewViewModel overview;
    private final ConsumptionViewModel consumption;
    private final AnomaliesViewModel anomalies;
    private final GovernanceViewModel governance;

    private AppContext(AppConfig config, Settings settings, UnaryOperator<ConsumptionSource> decorator) {
        this.config = config;
        this.settings = settings;
        this.runner = new FxTaskRunner(WORKER_THREADS);
        this.session = new WorkbenchSession();
        this.source = new ActiveSource();
        this.opener = new LocalWorkspaceOpener(config.workspaceFile(), config.fleet(), InjectionRates.defaults(), decorator);
        LocalDate fallbackDay = config.fleet().lastDay();
        this.shell = new ShellViewModel(source, opener, runner, session, settings, fallbackDay);
        this.overview = new OverviewViewModel(source, runner, session);
        this.consumption = new ConsumptionViewModel(source, runner, session);
        this.anomalies = new AnomaliesViewModel(source, runner, session);
        this.governance = new GovernanceViewModel(source, runner, session);
    }

    /** The app as launched: system-property configuration, settings in java.util.prefs. */
    public static AppContext create() {
        return new AppContext(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), UnaryOperator.identity());
    }

    /** @param decorator wraps the opened source, e.g. to inject faults in a test */
    public static AppContext create(AppConfig config, Settings settings, UnaryOperator<ConsumptionSource> decorator) {
        return new AppContext(config, settings, decorator);
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

    @Override
    public void close() {
        runner.close();
        opener.close();
    }
}
