package uk.consumptioninsights.app.importer;

import java.nio.file.Path;
import java.util.Optional;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.SourceSwitch;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;

/**
 * File → Import meter CSV…: reads a Low Carbon London export into a new workspace in the background (progress by bytes
 * read, Esc cancels), then makes the workbench show it and keeps the import report. The source shown before stays
 * until the import has succeeded, and stays for good when it fails or is cancelled; the unfinished workspace is
 * deleted then. Also File → Open synthetic workspace, which goes back to the default source.
 */
public final class ImportViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ImportViewModel.class);

    private final MeterCsvImporter importer;
    private final SourceSwitch sources;
    private final WorkbenchSession session;
    private final Settings settings;

    private final ReadOnlyBooleanWrapper importing = new ReadOnlyBooleanWrapper(this, "importing", false);
    private final ReadOnlyStringWrapper importingFile = new ReadOnlyStringWrapper(this, "importingFile");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyBooleanWrapper canImport = new ReadOnlyBooleanWrapper(this, "canImport");
    private final ReadOnlyBooleanWrapper canOpenSynthetic = new ReadOnlyBooleanWrapper(this, "canOpenSynthetic");
    private final ReadOnlyObjectWrapper<ImportReport> lastReport = new ReadOnlyObjectWrapper<>(this, "lastReport");
    private final ReadOnlyStringWrapper reportTitle = new ReadOnlyStringWrapper(this, "reportTitle", "No import yet");
    private final ReadOnlyStringWrapper reportSummary = new ReadOnlyStringWrapper(this, "reportSummary", "");
    private final ReadOnlyStringWrapper reportWorkspace = new ReadOnlyStringWrapper(this, "reportWorkspace", "");
    private final ReadOnlyStringWrapper rejectedTitle = new ReadOnlyStringWrapper(this, "rejectedTitle", "Rejected rows");
    private final ReadOnlyStringWrapper flaggedTitle = new ReadOnlyStringWrapper(this, "flaggedTitle",
            "Kept, flagged as implausible (not counted in totals or charts)");
    private final ObservableList<RejectedLine> rejected = FXCollections.observableArrayList();
    private final ObservableList<RejectedLine> readOnlyRejected = FXCollections.unmodifiableObservableList(rejected);
    private final ObservableList<FlaggedLine> flagged = FXCollections.observableArrayList();
    private final ObservableList<FlaggedLine> readOnlyFlagged = FXCollections.unmodifiableObservableList(flagged);
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice");

    private TaskHandle current = TaskHandle.NONE;

    public ImportViewModel(MeterCsvImporter importer, SourceSwitch sources, WorkbenchSession session, Settings settings) {
        this.importer = importer;
        this.sources = sources;
        this.session = session;
        this.settings = settings;
        busy.bind(importing.or(sources.openingDefaultProperty()));
        canImport.bind(busy.not().and(sources.preparingProperty().not()));
        canOpenSynthetic.bind(busy.not().and(sources.shownProperty().isNotNull()).and(sources.defaultShownProperty().not()));
    }

    /**
     * Imports {@code csv} into a new workspace in the background and, once it is complete, shows it. False when it
     * cannot start now (another import or switch is running, or the first source is still being prepared).
     */
    public boolean importFile(Path csv) {
        if (csv == null) {
            return false;
        }
        String name = String.valueOf(csv.getFileName());
        if (!canImport.get()) {
            notice.set("Wait for the running import or switch to finish (or press Esc to cancel it), then import "
                    + name + " again.");
            return false;
        }
        Path folder = csv.toAbsolutePath().getParent();
        if (folder != null) {
            settings.saveLastImportFolder(folder);
        }
        importing.set(true);
        importingFile.set(name);
        notice.set(null);
        session.dismissError();
        LOG.info("Importing {}", csv);
        // What the seam opens is released if never shown: an unfinished import is deleted, not just closed.
        current = sources.open(new SourceSwitch.Opening<>("Importing " + name + " into a new workspace",
                        progress -> importer.importCsv(csv, progress),
                        imported -> OpenedSource.of(imported.source(), imported.governance(), () -> importer.release(imported)),
                        importer::discard),
                SourceSwitch.Outcome.of((imported, opened) -> {
                    done();
                    ImportReport report = ImportReport.of(imported);
                    showReport(report);
                    notice.set(successNotice(report));
                }, error -> {
                    done();
                    session.reportLastingError(UserMessages.describe(error, "import " + name) + " Nothing was imported; still showing "
                            + sources.shownTitle() + ".");
                }, () -> {
                    done();
                    notice.set("The import of " + name + " was cancelled and its unfinished workspace removed. Still showing "
                            + sources.shownTitle() + ".");
                }));
        return true;
    }

    /**
     * For a file named on the command line: imports it as soon as the window has a source, i.e. once the first
     * preparation has finished (or at once if it has).
     */
    public void importWhenReady(Path csv) {
        sources.whenPrepared(() -> importFile(csv));
    }

    /** File → Open synthetic workspace. */
    public void openSyntheticWorkspace() {
        if (canOpenSynthetic.get()) {
            notice.set(null);
            sources.requestDefault();
        }
    }

    /** Stops the running import (Esc and the status bar's Cancel stop it too, with everything else). */
    public void cancel() {
        current.cancel();
    }

    public void dismissNotice() {
        notice.set(null);
    }

    /** Where the file chooser opens: the folder of the last import, if remembered. */
    public Optional<Path> initialFolder() {
        return settings.lastImportFolder();
    }

    private void done() {
        importing.set(false);
        importingFile.set(null);
    }

    private void showReport(ImportReport report) {
        rejected.setAll(report.rejected());
        flagged.setAll(report.flagged());
        reportTitle.set("Import of " + report.fileName());
        reportSummary.set(report.summary());
        reportWorkspace.set(report.workspaceFile().toAbsolutePath().toString());
        rejectedTitle.set(report.rejectedTitle());
        flaggedTitle.set(report.flaggedTitle());
        lastReport.set(report); // last: whoever listens sees the rest already set
    }

    private static String successNotice(ImportReport report) {
        CsvImportReport details = report.details();
        String rejects = details.rejectedCount() == 0 ? "no rows rejected"
                : Formats.count(details.rejectedCount()) + (details.rejectedCount() == 1 ? " row" : " rows")
                + " rejected (see the import report)";
        if (details.flaggedCount() > 0) {
            rejects += ", " + Formats.count(details.flaggedCount()) + (details.flaggedCount() == 1 ? " reading" : " readings")
                    + " kept but flagged as implausible";
        }
        return "Imported " + report.fileName() + " into a new workspace: " + Formats.count(details.readingsImported())
                + " readings for " + Formats.count(details.households())
                + (details.households() == 1 ? " household, " : " households, ") + rejects + ".";
    }

    /** True while an import runs. */
    public ReadOnlyBooleanProperty importingProperty() {
        return importing.getReadOnlyProperty();
    }

    /** The file being imported, null when none is. */
    public ReadOnlyStringProperty importingFileProperty() {
        return importingFile.getReadOnlyProperty();
    }

    /** True while an import or a switch back to the synthetic workspace runs. */
    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canImportProperty() {
        return canImport.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty canOpenSyntheticProperty() {
        return canOpenSynthetic.getReadOnlyProperty();
    }

    /** The report of the last successful import, null before one; a new value for every import. */
    public ReadOnlyObjectProperty<ImportReport> lastReportProperty() {
        return lastReport.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty reportTitleProperty() {
        return reportTitle.getReadOnlyProperty();
    }

    /** The report's summary sentence. */
    public ReadOnlyStringProperty reportSummaryProperty() {
        return reportSummary.getReadOnlyProperty();
    }

    /** The new workspace file of the last import. */
    public ReadOnlyStringProperty reportWorkspaceProperty() {
        return reportWorkspace.getReadOnlyProperty();
    }

    /** Over the rejected rows table: says when it lists only the first of them, and where all of them are. */
    public ReadOnlyStringProperty rejectedTitleProperty() {
        return rejectedTitle.getReadOnlyProperty();
    }

    /** Over the flagged readings table, likewise. */
    public ReadOnlyStringProperty flaggedTitleProperty() {
        return flaggedTitle.getReadOnlyProperty();
    }

    /** The first rejected lines of the last import, in file order (the report file lists them all). */
    public ObservableList<RejectedLine> rejectedLines() {
        return readOnlyRejected;
    }

    /** The lines of the last import kept but flagged as implausible (the first of them), in file order. */
    public ObservableList<FlaggedLine> flaggedLines() {
        return readOnlyFlagged;
    }

    /** What the last import or switch came to, for the notice under the header; null when there is nothing to say. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }
}
