package uk.consumptioninsights.app.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
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
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.model.work.Progress;

/**
 * Imports meter CSVs into new DuckDB workspaces in one folder (the data home's {@code workspaces}), one workspace per
 * import, named after the file and the time: {@code lcl_100_households_2013-20261122T0015.duckdb}. Keeps each open
 * while it is shown; a failed or cancelled import leaves no file behind.
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
        LocalWorkspace workspace = null;
        boolean kept = false;
        try {
            progress.report(0, "Creating the workspace " + target.getFileName());
            workspace = LocalWorkspace.open(target);
            progress.report(0, "Checking " + name);
            CsvImportReport report = new LondonCsvImport().importFile(csv, workspace, progress.slice(0, 0.99));
            progress.checkCancelled();
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
                deleteWorkspace(target, workspace);
            }
            reserved.remove(target);
        }
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
        for (Path file : List.copyOf(open.keySet())) {
            LocalWorkspace workspace = open.remove(file);
            if (workspace != null) {
                WorkspaceClosing.quietly(file, workspace);
            }
        }
    }

    private void later(Runnable work) {
        WorkspaceClosing.later(closer, work);
    }

    /** A workspace file name no file in the folder has yet: the CSV's name, the minute, and a number if need be. */
    synchronized Path reserveTarget(Path csv) {
        String base = baseName(csv) + "-" + STAMP.format(LocalDateTime.now(clock));
        for (int n = 1; n <= MAX_SUFFIX; n++) {
            Path candidate = folder.resolve(base + (n == 1 ? "" : "-" + n) + EXTENSION);
            if (!reserved.contains(candidate) && !open.containsKey(candidate)
                    && companions(candidate).stream().noneMatch(Files::exists)) {
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

    /** The workspace file and what DuckDB and the workspace keep beside it: key, write-ahead log, spill folder. */
    static List<Path> companions(Path file) {
        String name = file.getFileName().toString();
        String stem = name.endsWith(EXTENSION) ? name.substring(0, name.length() - EXTENSION.length()) : name;
        return List.of(file, file.resolveSibling(stem + ".key"), file.resolveSibling(name + ".wal"),
                file.resolveSibling(name + ".tmp"));
    }

    private static void deleteWorkspace(Path file, LocalWorkspace workspace) {
        if (workspace != null) {
            WorkspaceClosing.quietly(file, workspace);
        }
        for (Path path : companions(file)) {
            try {
                deleteRecursively(path);
            } catch (IOException | UncheckedIOException e) {
                LOG.warn("Could not delete {} of an unfinished import; delete it by hand", path, e);
            }
        }
        LOG.info("Removed the unfinished workspace {}", file);
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (Files.isDirectory(path)) {
            try (Stream<Path> walk = Files.walk(path)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }

}
