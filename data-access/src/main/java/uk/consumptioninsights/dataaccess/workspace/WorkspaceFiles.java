package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The files of one workspace, all named after its database and kept in its folder: the DuckDB database, its
 * pseudonymisation key, DuckDB's write-ahead log and spill folder, the import report and the mark of an unfinished
 * import. For {@code lcl-20261122T0015.duckdb}: {@code lcl-20261122T0015.key}, {@code .duckdb.wal}, {@code .duckdb.tmp},
 * {@code lcl-20261122T0015.import-report.csv} and {@code lcl-20261122T0015.duckdb.importing}.
 */
public record WorkspaceFiles(Path database) {

    static final String DATABASE_EXTENSION = ".duckdb";
    static final String IMPORTING_EXTENSION = ".importing";

    public WorkspaceFiles {
        Objects.requireNonNull(database, "database");
    }

    public static WorkspaceFiles of(Path database) {
        return new WorkspaceFiles(database);
    }

    public Path key() {
        return LocalWorkspace.keyFileFor(database);
    }

    public Path writeAheadLog() {
        return sibling(name() + ".wal");
    }

    /** Where DuckDB spills what does not fit in memory. */
    public Path spillFolder() {
        return sibling(name() + ".tmp");
    }

    /** Every line an import rejected or kept flagged, with its line number and reason. */
    public Path importReport() {
        return sibling(stem() + ".import-report.csv");
    }

    /** Present while an import is writing the workspace; see {@link UnfinishedImport}. */
    public Path unfinishedImportMark() {
        return sibling(name() + IMPORTING_EXTENSION);
    }

    /** Every file of the workspace, the unfinished-import mark last. */
    public List<Path> all() {
        return List.of(database, key(), writeAheadLog(), spillFolder(), importReport(), unfinishedImportMark());
    }

    public boolean anyExists() {
        return all().stream().anyMatch(Files::exists);
    }

    /**
     * Deletes every file of the workspace, the mark last: when a deletion fails the mark stays, so a partial import is
     * still recognised and its removal can be finished later. The workspace must be closed.
     *
     * @throws IOException naming the first file that could not be deleted; the others are tried all the same
     */
    public void delete() throws IOException {
        deleteAllButMark();
        Files.deleteIfExists(unfinishedImportMark());
    }

    /** Deletes every file of the workspace except the unfinished-import mark, trying each even when one fails. */
    public void deleteAllButMark() throws IOException {
        IOException failure = null;
        for (Path path : all()) {
            if (path.equals(unfinishedImportMark())) {
                continue;
            }
            try {
                deleteRecursively(path);
            } catch (IOException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    private String name() {
        return database.getFileName().toString();
    }

    private String stem() {
        String name = name();
        return name.endsWith(DATABASE_EXTENSION) ? name.substring(0, name.length() - DATABASE_EXTENSION.length()) : name;
    }

    private Path sibling(String name) {
        return database.resolveSibling(name);
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
