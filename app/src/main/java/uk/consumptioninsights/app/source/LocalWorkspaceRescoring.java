package uk.consumptioninsights.app.source;

import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.anomalies.LocalRescoring;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer.RescoreSummary;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

/**
 * Finds the open {@link LocalWorkspace} behind the active source (the synthetic one the opener holds, or an imported
 * one) by the file its descriptor names, and rescores it with {@link WorkspaceRescorer}.
 */
public final class LocalWorkspaceRescoring implements LocalRescoring {

    private static final Logger LOG = LoggerFactory.getLogger(LocalWorkspaceRescoring.class);

    private final ConsumptionSource active;
    private final LocalWorkspaceOpener opener;
    private final ImportedWorkspaces imports;
    private final RecipientShares recipients;

    /**
     * @param active the source every tab shows (the app's {@code ActiveSource}); only its descriptor is read
     */
    public LocalWorkspaceRescoring(ConsumptionSource active, LocalWorkspaceOpener opener, ImportedWorkspaces imports,
                                   RecipientShares recipients) {
        this.active = active;
        this.opener = opener;
        this.imports = imports;
        this.recipients = recipients;
    }

    @Override
    public Optional<Rescorer> forActiveSource() {
        return activeWorkspace().map(LocalWorkspaceRescoring::rescorer);
    }

    /** The open local workspace behind the active source, if it is one. */
    private Optional<LocalWorkspace> activeWorkspace() {
        SourceDescriptor descriptor;
        try {
            descriptor = active.descriptor();
        } catch (RuntimeException e) {
            // No source open yet.
            return Optional.empty();
        }
        if (descriptor != null && descriptor.kind() == SourceKind.RECIPIENT) {
            // A recipient's copy of a share is rescored locally like any workspace; the share itself is untouched.
            return recipients.workspaceShowing(descriptor);
        }
        if (descriptor == null || descriptor.kind() != SourceKind.LOCAL_WORKSPACE || descriptor.location() == null) {
            return Optional.empty();
        }
        return workspaceAt(descriptor.location());
    }

    @Override
    public void prepare() {
        activeWorkspace().ifPresent(RescoringPriming::startOnce);
    }

    private Optional<LocalWorkspace> workspaceAt(String location) {
        Path file;
        try {
            file = Path.of(location).toAbsolutePath().normalize();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
        Optional<LocalWorkspace> synthetic = opener.workspace().filter(w -> sameFile(w.file(), file));
        if (synthetic.isPresent()) {
            return synthetic;
        }
        Optional<LocalWorkspace> imported = imports.workspace(file);
        if (imported.isEmpty() && file.getFileName() != null) {
            imported = imports.workspace(imports.folder().resolve(file.getFileName()));
        }
        return imported.filter(w -> sameFile(w.file(), file));
    }

    private static boolean sameFile(Path a, Path b) {
        return a != null && a.toAbsolutePath().normalize().equals(b);
    }

    /** The rescoring of one open workspace, as the Anomalies tab runs it; the command line's {@code ciw rescore} too. */
    public static Rescorer rescorer(LocalWorkspace workspace) {
        return progress -> {
            LOG.info("Rescoring the workspace {}", workspace.file());
            try {
                RescoreSummary summary = new WorkspaceRescorer(workspace).rescore(progress);
                LOG.info("Rescored {}: {} readings, {} detections in {} ms", workspace.file(), summary.readings(),
                        summary.detections(), summary.elapsed().toMillis());
                return summary;
            } catch (SQLException e) {
                LOG.warn("Rescoring {} failed", workspace.file(), e);
                throw new SourceException("The workspace at " + workspace.file().toAbsolutePath() + " could not be "
                        + "rescored. The previous detections are kept.", e);
            }
        };
    }
}
