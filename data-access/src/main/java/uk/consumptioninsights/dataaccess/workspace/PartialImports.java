package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds and removes imports that never finished: workspaces in a folder whose {@link UnfinishedImport} mark is still
 * there. Only a workspace with a mark is ever touched (a complete import has none), and only when no running process
 * holds the mark (an import still at work) or the database (DuckDB locks the file of a workspace it has open).
 */
public final class PartialImports {

    private static final Logger LOG = LoggerFactory.getLogger(PartialImports.class);

    /**
     * What a sweep did.
     *
     * @param removed   partial imports whose files are gone
     * @param inUse     partial imports kept because a running process holds them
     * @param failed    partial imports some of whose files could not be deleted; the mark stays, so the next sweep
     *                  tries again
     */
    public record Sweep(List<Path> removed, List<Path> inUse, List<Path> failed) {

        public Sweep {
            removed = List.copyOf(removed);
            inUse = List.copyOf(inUse);
            failed = List.copyOf(failed);
        }
    }

    private PartialImports() {
    }

    /** The database of every marked workspace in {@code folder}, in name order; none when the folder does not exist. */
    public static List<Path> find(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        List<Path> found = new ArrayList<>();
        try (DirectoryStream<Path> marks = Files.newDirectoryStream(folder,
                "*" + WorkspaceFiles.DATABASE_EXTENSION + WorkspaceFiles.IMPORTING_EXTENSION)) {
            for (Path mark : marks) {
                String name = mark.getFileName().toString();
                found.add(mark.resolveSibling(name.substring(0, name.length() - WorkspaceFiles.IMPORTING_EXTENSION.length())));
            }
        }
        found.sort(null);
        return found;
    }

    /**
     * Removes every partial import in {@code folder} that no running process holds, and logs each one found.
     *
     * @param ownImports databases this process is importing into, left alone without looking at their files: a lock
     *                   test on a file this process has open would release this process's own lock on it
     */
    public static Sweep sweep(Path folder, Set<Path> ownImports) {
        Objects.requireNonNull(ownImports, "ownImports");
        List<Path> removed = new ArrayList<>();
        List<Path> inUse = new ArrayList<>();
        List<Path> failed = new ArrayList<>();
        List<Path> found;
        try {
            found = find(folder);
        } catch (IOException e) {
            LOG.warn("Could not look for partial imports in {} ({}); they stay until the next start", folder, e.getMessage());
            return new Sweep(removed, inUse, failed);
        }
        Set<Path> own = new HashSet<>();
        ownImports.forEach(path -> own.add(path.toAbsolutePath().normalize()));
        for (Path database : found) {
            if (own.contains(database.toAbsolutePath().normalize())) {
                continue;
            }
            switch (removeUnlessHeld(database)) {
                case REMOVED -> removed.add(database);
                case IN_USE -> inUse.add(database);
                case FAILED -> failed.add(database);
            }
        }
        if (!found.isEmpty()) {
            LOG.info("Partial imports in {}: {} removed, {} still in use, {} could not be removed", folder, removed.size(),
                    inUse.size(), failed.size());
        }
        return new Sweep(removed, inUse, failed);
    }

    private enum Outcome { REMOVED, IN_USE, FAILED }

    private static Outcome removeUnlessHeld(Path database) {
        WorkspaceFiles files = WorkspaceFiles.of(database);
        try (FileChannel mark = FileChannel.open(files.unfinishedImportMark(), StandardOpenOption.WRITE)) {
            FileLock held = tryLock(mark);
            if (held == null) {
                LOG.info("Kept the partial import {}: a running workbench is still importing into it", database);
                return Outcome.IN_USE;
            }
            if (databaseOpenElsewhere(database)) {
                LOG.info("Kept the partial import {}: another program has the workspace open. Close it; the next start "
                        + "of the workbench removes the workspace", database);
                return Outcome.IN_USE;
            }
            // Everything but the mark goes while the mark is held, so no other sweep can start on the same workspace.
            try {
                files.deleteAllButMark();
            } catch (IOException e) {
                LOG.warn("Could not remove all files of the partial import {} ({}). Close any program using them; the "
                        + "next start of the workbench tries again", database, e.getMessage());
                return Outcome.FAILED;
            } finally {
                held.release();
            }
        } catch (NoSuchFileException e) {
            return Outcome.REMOVED; // another sweep finished it first
        } catch (IOException e) {
            LOG.warn("Could not check the partial import {} ({}); it stays until the next start", database, e.getMessage());
            return Outcome.FAILED;
        }
        try {
            Files.deleteIfExists(files.unfinishedImportMark());
        } catch (IOException e) {
            LOG.warn("Removed the partial import {} but not its mark {} ({}); delete that file by hand", database,
                    files.unfinishedImportMark(), e.getMessage());
            return Outcome.FAILED;
        }
        LOG.info("Removed the partial import {}: its import never finished (the workbench was closed by force or the "
                + "machine stopped)", database);
        return Outcome.REMOVED;
    }

    /** The lock, or null when another process holds it (or this one does, through another channel). */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null;
        }
    }

    private static boolean databaseOpenElsewhere(Path database) {
        if (!Files.exists(database)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(database, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            FileLock lock = tryLock(channel);
            if (lock == null) {
                return true;
            }
            lock.release();
            return false;
        } catch (IOException e) {
            // Cannot even open it to look (another program holds it exclusively): treat it as open.
            return true;
        }
    }
}
