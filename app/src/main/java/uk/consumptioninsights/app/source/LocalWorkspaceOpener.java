package uk.consumptioninsights.app.source;

import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.logging.LogDirectory;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.dataaccess.generate.BuildReport;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import uk.consumptioninsights.dataaccess.governance.WorkspaceGovernance;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.StorageProblem;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Opens the local DuckDB workspace, building a synthetic fleet into it first when it is not READY (first launch, or
 * an earlier build that was cancelled or crashed). Holds the workspace open until the workbench switches to another
 * source ({@link #release}) or closes; {@link #open} opens it again when the workbench switches back.
 */
public final class LocalWorkspaceOpener implements SourceOpener, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWorkspaceOpener.class);

    private final Path file;
    private final FleetSettings fleet;
    private final InjectionRates rates;
    private final UnaryOperator<ConsumptionSource> decorator;
    private final Executor closer;
    private volatile LocalWorkspace workspace;
    private volatile BuildReport lastBuild;
    /** The source {@link #open} handed out last: only releasing that one closes the workspace. */
    private ConsumptionSource handedOut;

    /**
     * @param decorator wraps the opened source; identity in the app, a fault injector in tests
     */
    public LocalWorkspaceOpener(Path file, FleetSettings fleet, InjectionRates rates,
                                UnaryOperator<ConsumptionSource> decorator) {
        this(file, fleet, rates, decorator, Runnable::run);
    }

    /**
     * @param closer where {@link #release} closes the workspace, off the UI thread
     */
    public LocalWorkspaceOpener(Path file, FleetSettings fleet, InjectionRates rates,
                                UnaryOperator<ConsumptionSource> decorator, Executor closer) {
        this.file = file;
        this.fleet = fleet;
        this.rates = rates;
        this.decorator = decorator;
        this.closer = closer;
    }

    @Override
    public String target() {
        return file.toAbsolutePath().toString();
    }

    @Override
    public synchronized ConsumptionSource open(Progress progress) throws Exception {
        progress.report(0, "Opening the local workspace");
        lastBuild = null;
        try {
            if (workspace == null) {
                workspace = LocalWorkspace.open(file);
            }
            WorkspaceStatus status = workspace.status();
            if (status != WorkspaceStatus.READY) {
                LOG.info("Workspace {} is {}: building {} synthetic meters over {} days ({} to {})", file, status,
                        fleet.meterCount(), fleet.dayCount(), fleet.firstDay(), fleet.lastDay());
                progress.report(0.01, "Building a synthetic workspace: " + fleet.meterCount() + " meters, "
                        + fleet.dayCount() + " days");
                BuildReport report = new SyntheticWorkspaceBuilder(fleet, rates).build(workspace, progress.slice(0.02, 0.99));
                lastBuild = report;
                LOG.info("Workspace built: {} meters, {} days, {} readings in {} ms", report.meters(), report.days(),
                        report.readings(), report.total().toMillis());
            }
            progress.checkCancelled();
            progress.report(1, "Workspace ready");
            ConsumptionSource source = decorator.apply(new WorkspaceConsumptionSource(workspace));
            handedOut = source;
            return source;
        } catch (SQLException | UncheckedIOException e) {
            LOG.warn("Could not open or build the workspace {}", file, e);
            String what = "Opening the local workspace at " + file.toAbsolutePath();
            throw new SourceException(StorageProblem.of(e).map(p -> p.explain(what, e)).orElse(what
                    + " failed. The details are in the log file in " + LogDirectory.current() + "."), e);
        }
    }

    /** What the last {@link #open} built; empty when the workspace was complete already (or nothing was opened). */
    public Optional<BuildReport> lastBuild() {
        return Optional.ofNullable(lastBuild);
    }

    /** The workspace's own grants, masks and audit log of what the workbench read. */
    @Override
    public GovernanceSource governance(ConsumptionSource opened) {
        return workspace().<GovernanceSource>map(WorkspaceGovernance::new).orElse(OpenedSource.NO_GOVERNANCE);
    }

    /** The open workspace, once {@link #open} got that far. */
    public Optional<LocalWorkspace> workspace() {
        return Optional.ofNullable(workspace);
    }

    /** A connection to the open workspace, for diagnostics and tests; the caller closes it. */
    public Connection newConnection() throws SQLException {
        return workspace().orElseThrow(() -> new IllegalStateException("The workspace is not open")).newConnection();
    }

    /**
     * Closes the workspace (releasing DuckDB's file lock) unless {@link #open} handed out a newer source since
     * {@code opened}: that happens when the workbench returns to this workspace before the release ran. Returns at
     * once; closing waits for a running open and happens on the closer.
     */
    @Override
    public void release(ConsumptionSource opened) {
        WorkspaceClosing.later(closer, () -> closeIfStillHandedOut(opened));
    }

    private synchronized void closeIfStillHandedOut(ConsumptionSource opened) {
        if (opened == null || opened != handedOut) {
            return;
        }
        handedOut = null;
        LOG.info("Closing the workspace {}: another source is shown", file);
        close();
    }

    @Override
    public void close() {
        // Not synchronized: closing must not wait for a build that is still stopping.
        LocalWorkspace open = workspace;
        workspace = null;
        if (open != null) {
            try {
                open.close();
            } catch (SQLException | RuntimeException e) {
                LOG.warn("Could not close the workspace {}", file, e);
            }
        }
    }
}
