package uk.consumptioninsights.app.source;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.importer.ImportedSource;
import uk.consumptioninsights.app.importer.MeterCsvImporter;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;
import uk.consumptioninsights.dataaccess.importer.LondonCsvImport;
import uk.consumptioninsights.dataaccess.governance.WorkspaceGovernance;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;
import uk.consumptioninsights.dataaccess.workspace.PartialImports;
import uk.consumptioninsights.dataaccess.workspace.UnfinishedImport;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceFiles;
import uk.consumptioninsights.model.work.Progress;

/**
 * Imports meter CSVs into new DuckDB workspaces in one folder (the data home's {@code workspaces}), one workspace per
 * import, named after the file and the time: {@code lcl_100_households_2013-20261122T0015.duckdb}, with the import report
 * beside it ({@code .import-report.csv}) when lines were rejected or flagged. Keeps each open while it is shown; a failed
 * or cancelled import leaves no file behind, and one cut short (the workbench killed mid-import) stays marked as
 * unfinished until {@link #sweepPartialImports()} removes it at the next start.
 */
public final class ImportedWorkspaces implements MeterCsvImporter, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ImportedWorkspaces.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmm", Locale.ROOT);
    private static final String EXTENSION = ".duckdb";
    private static final int MAX_SUFFIX = 1000;

    private final Path folder;
    private final UnaryOperator<ConsumptionSource> decorator;
    private final Clock clock;
    private final Executor closer;
    private final Map<Path, LocalWorkspace> open = new ConcurrentHashMap<>();
    /** Names handed to imports still running, so two imports in the same minute never share a file. */
    private final Set<Path> reserved = ConcurrentHashMap.newKeySet();

    /**
     * @param folder    where new workspaces go
     * @param decorator wraps each imported source; identity in the app, a fault injector in tests
     * @param clock     names the files; the system clock in its zone in the app
     * @param closer    where {@link #release} and {@link #discard} close workspaces, off the UI thread
     */
    public ImportedWorkspaces(Path folder, UnaryOperator<ConsumptionSource> decorator, Clock clock, Executor closer) {
        this.folder = folder;
        this.decorator = decorator;
        this.clock = clock;
        this.closer = closer;
    }

    public Path folder() {
        return folder;
    }

    @Override
    public ImportedSource importCsv(Path csv, Progress progress) throws Exception {
        Path target = reserveTarget(csv);
        String name = String.valueOf(csv.getFileName());
        LOG.info("Importing {} into the new workspace {}", csv, target);
        UnfinishedImport unfinished = null;
        LocalWorkspace workspace = null;
        boolean kept = false;
        try {
            progress.report(0, "Creating the workspace " + target.getFileName());
            // Marked before the workspace exists: whatever happens from here on, a cut-short import is recognisable.
            unfinished = beginMarked(target, name);
            workspace = LocalWorkspace.open(target);
            progress.report(0, "Checking " + name);
            CsvImportReport report = new LondonCsvImport().importFile(csv, workspace, progress.slice(0, 0.99));
            progress.checkCancelled();
            unfinished.complete();
            ConsumptionSource source = decorator.apply(new WorkspaceConsumptionSource(workspace));
            open.put(target, workspace);
            kept = true;
            LOG.info("Imported {}: {}", csv, report.summary());
            return new ImportedSource(source, new WorkspaceGovernance(workspace), report, target);
        } catch (SQLException e) {
            throw new SourceException("The readings of " + name + " could not be written to a new workspace in " + folder
                    + ". Check that the disk has space and the folder can be written to, then import the file again.", e);
        } catch (UncheckedIOException e) {
            throw new SourceException("A new workspace for " + name + " could not be created in " + folder
                    + ". Check that the folder can be written to, then import the file again.", e);
        } finally {
            if (!kept) {
                releaseMark(unfinished);
                deleteWorkspace(target, workspace);
            }
            reserved.remove(target);
        }
    }

    /**
     * Removes the workspaces of imports that never finished (the workbench was killed, or the machine stopped, while
     * importing), leaving alone this workbench's own imports and any that another running workbench holds. For the
     * start: see {@link PartialImports}.
     */
    public PartialImports.Sweep sweepPartialImports() {
        Set<Path> own = new HashSet<>(reserved);
        own.addAll(open.keySet());
        return PartialImports.sweep(folder, own);
    }

    @Override
    public void release(ImportedSource imported) {
        Path file = imported.workspaceFile();
        later(() -> {
            LocalWorkspace workspace = open.remove(file);
            if (workspace != null) {
                LOG.info("Closing the imported workspace {}: another source is shown", file);
                WorkspaceClosing.quietly(file, workspace);
            }
        });
    }

    @Override
    public void discard(ImportedSource imported) {
        Path file = imported.workspaceFile();
        later(() -> deleteWorkspace(file, open.remove(file)));
    }

    /** The open imported workspace at {@code file}, for diagnostics and tests. */
    public Optional<LocalWorkspace> workspace(Path file) {
        return Optional.ofNullable(open.get(file));
    }

    /** Closes every imported workspace still open. */
    @Override
    public void close() {
        WorkspaceClosing.all(open);
    }

    private void later(Runnable work) {
        WorkspaceClosing.later(closer, work);
    }

    /** A workspace file name no file in the folder has yet: the CSV's name, the minute, and a number if need be. */
    synchronized Path reserveTarget(Path csv) {
        String base = baseName(csv) + "-" + STAMP.format(LocalDateTime.now(clock));
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            Path candidate = folder.resolve(base + (n == 1 ? "" : "-" + n) + EXTENSION);
            if (!reserved.contains(candidate) && !open.containsKey(candidate) && !WorkspaceFiles.of(candidate).anyExists()) {
                reserved.add(candidate);
                return candidate;
            }
        }
        throw new SourceException("There are too many workspaces named " + base + " in " + folder
                + ". Wait a minute or remove old imports, then try again.");
    }

    /** "lcl_100_households_2013.csv.gz" → "lcl_100_households_2013"; characters a file name may not hold become '_'. */
    static String baseName(Path csv) {
        String name = String.valueOf(csv.getFileName());
        String lower = name.toLowerCase(Locale.ROOT);
        for (String suffix : new String[] {".csv.gz", ".gz", ".csv"}) {
            if (lower.endsWith(suffix)) {
                name = name.substring(0, name.length() - suffix.length());
                break;
            }
        }
        name = name.replaceAll("[^A-Za-z0-9._-]", "_").replaceAll("^\\.+", "");
        return name.isEmpty() ? "import" : name;
    }

    private UnfinishedImport beginMarked(Path target, String name) {
        try {
            if (!Files.isDirectory(folder)) {
                OwnerOnly.folder(folder);
            }
            return UnfinishedImport.begin(target, name);
        } catch (IOException e) {
            throw new SourceException("A new workspace for " + name + " could not be created in " + folder + " ("
                    + e.getMessage() + "). Check that the folder can be written to, then import the file again.", e);
        }
    }

    /** Lets go of the mark's lock; the mark itself goes last, with the workspace's other files. */
    private static void releaseMark(UnfinishedImport unfinished) {
        if (unfinished == null) {
            return;
        }
        try {
            unfinished.close();
        } catch (IOException e) {
            LOG.warn("Could not release the import mark {} ({})", unfinished.mark(), e.getMessage());
        }
    }

    private static void deleteWorkspace(Path file, LocalWorkspace workspace) {
        if (workspace != null) {
            WorkspaceClosing.quietly(file, workspace);
        }
        try {
            WorkspaceFiles.of(file).delete();
            LOG.info("Removed the unfinished workspace {}", file);
        } catch (IOException e) {
            LOG.warn("Could not delete every file of the unfinished workspace {} ({}). While its import mark is there "
                    + "the next start removes what is left; otherwise delete the files named {}.* by hand", file,
                    e.getMessage(), file.getFileName());
        }
    }
}
