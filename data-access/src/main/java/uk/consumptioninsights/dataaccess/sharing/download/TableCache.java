package uk.consumptioninsights.dataaccess.sharing.download;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/**
 * The on-disk cache: {@code <root>/<tableId>/<fileId>.parquet} plus one manifest per table version and subset.
 * Server ids become file names only when they are plainly safe; anything else is hashed, so an id can never reach
 * outside the cache folder. Every write goes to a temporary name first and is then moved into place.
 */
public final class TableCache {

    private static final Logger LOG = LoggerFactory.getLogger(TableCache.class);
    private static final Pattern SAFE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final String MANIFEST_PREFIX = "manifest-";
    /** Temporary files this old are left over from a crash, not a download in progress. */
    private static final Duration STALE_TEMPORARY = Duration.ofHours(6);
    private static final Map<Path, ReentrantLock> LOCKS = new ConcurrentHashMap<>();

    private final Path root;

    public TableCache(Path root) {
        this.root = root.toAbsolutePath().normalize();
    }

    public Path root() {
        return root;
    }

    public Path tableDir(String tableId) {
        return root.resolve(safeName(tableId));
    }

    /**
     * Where a table's change files go: a folder of its own, so pruning the table's snapshot files never removes change
     * files someone is still reading.
     */
    public Path changesDir(String tableId) {
        return tableDir(tableId).resolve("changes");
    }

    public static String fileName(String fileId) {
        return safeName(fileId) + ".parquet";
    }

    /** One download or prune of a table's folder at a time, within this process. */
    public ReentrantLock lock(String tableId) {
        return LOCKS.computeIfAbsent(tableDir(tableId), dir -> new ReentrantLock());
    }

    /**
     * Waits for the table's folder and holds it (release with {@code unlock()}); a user who cancels while another
     * download holds it ends the wait.
     */
    public ReentrantLock hold(String tableId) {
        ReentrantLock lock = lock(tableId);
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new CancellationException("Cancelled by the user");
        }
        return lock;
    }

    /** True when {@code file} exists with exactly {@code size} bytes: a file is only ever moved in complete. */
    public static boolean isComplete(Path file, long size) {
        try {
            return Files.isRegularFile(file) && Files.size(file) == size;
        } catch (IOException e) {
            return false;
        }
    }

    /** A temporary name next to {@code target}, so the final move stays on one file system. */
    public static Path temporaryFor(Path target) {
        return target.resolveSibling("." + target.getFileName() + ".part-" + java.util.UUID.randomUUID());
    }

    /** Moves a finished temporary file into place, atomically where the file system allows. */
    public static void moveIntoPlace(Path temporary, Path target) throws IOException {
        try {
            Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    public void prepare(String tableId) {
        try {
            Files.createDirectories(tableDir(tableId));
        } catch (IOException e) {
            throw unwritable(e);
        }
    }

    public Path manifestPath(String tableId, String subsetKey, long version) {
        return tableDir(tableId).resolve(MANIFEST_PREFIX + subsetKey + "-v" + String.format("%020d", version)
                + ".json");
    }

    public Optional<CacheManifest> manifest(String tableId, String subsetKey, long version) {
        return read(manifestPath(tableId, subsetKey, version));
    }

    /** Writes the manifest last and atomically: until it exists, the version does not count as cached. */
    public void write(String tableId, CacheManifest manifest) {
        Path target = manifestPath(tableId, manifest.snapshot().options().subsetKey(), manifest.snapshot().version());
        Path temporary = temporaryFor(target);
        try {
            Files.writeString(temporary, manifest.toJson(), StandardCharsets.UTF_8);
            moveIntoPlace(temporary, target);
        } catch (IOException e) {
            deleteQuietly(temporary);
            throw unwritable(e);
        }
    }

    /**
     * The newest complete manifest for this table and subset from this endpoint (or exactly {@code version}), found
     * without any network access.
     */
    public Optional<CacheManifest> newest(String endpoint, SharedTable table, String subsetKey,
                                          OptionalLong version) {
        if (!Files.isDirectory(root)) {
            return Optional.empty();
        }
        CacheManifest best = null;
        try (DirectoryStream<Path> tables = Files.newDirectoryStream(root, Files::isDirectory)) {
            for (Path dir : tables) {
                for (Path path : manifests(dir, subsetKey)) {
                    Optional<CacheManifest> manifest = read(path);
                    if (manifest.isEmpty()) {
                        continue;
                    }
                    CacheManifest m = manifest.get();
                    boolean matches = m.endpoint().equals(endpoint) && m.snapshot().table().equals(table)
                            && (version.isEmpty() || m.snapshot().version() == version.getAsLong());
                    if (matches && (best == null || m.snapshot().version() > best.snapshot().version())) {
                        best = m;
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not look through the cache folder {}: {}", root, e.toString());
        }
        return Optional.ofNullable(best);
    }

    /**
     * After {@code kept} was written: drops older manifests of the same subset, then every data file no remaining
     * manifest names, and temporaries left over from crashes. Keeps the cache to what can still be opened.
     */
    public void prune(String tableId, CacheManifest kept) {
        Path dir = tableDir(tableId);
        String subset = kept.snapshot().options().subsetKey();
        Set<String> referenced = new HashSet<>();
        try {
            for (Path path : manifests(dir, subset)) {
                Optional<CacheManifest> m = read(path);
                if (m.isPresent() && m.get().snapshot().version() < kept.snapshot().version()) {
                    Files.deleteIfExists(path);
                }
            }
            for (Path path : manifests(dir, null)) {
                read(path).ifPresent(m -> referenced.addAll(m.fileNames().values()));
            }
            Instant staleBefore = Instant.now().minus(STALE_TEMPORARY);
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
                for (Path file : files) {
                    String name = file.getFileName().toString();
                    boolean orphan = name.endsWith(".parquet") && !name.startsWith(".") && !referenced.contains(name);
                    boolean staleTemporary = name.startsWith(".") && name.contains(".part-")
                            && Files.getLastModifiedTime(file).toInstant().isBefore(staleBefore);
                    if (orphan || staleTemporary) {
                        Files.deleteIfExists(file);
                    }
                }
            }
        } catch (IOException e) {
            LOG.warn("Could not tidy the cache folder {}: {}", dir, e.toString());
        }
    }

    private static List<Path> manifests(Path dir, String subsetKey) throws IOException {
        List<Path> found = new ArrayList<>();
        if (!Files.isDirectory(dir)) {
            return found;
        }
        String prefix = subsetKey == null ? MANIFEST_PREFIX : MANIFEST_PREFIX + subsetKey + "-v";
        try (DirectoryStream<Path> paths = Files.newDirectoryStream(dir,
                p -> p.getFileName().toString().startsWith(prefix) && p.getFileName().toString().endsWith(".json"))) {
            paths.forEach(found::add);
        }
        return found;
    }

    private static Optional<CacheManifest> read(Path path) {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        try {
            return Optional.of(CacheManifest.fromJson(Files.readString(path, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Ignoring the unreadable cache manifest {}", path);
            return Optional.empty();
        }
    }

    static void deleteQuietly(Path path) {
        try {
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", path, e.toString());
        }
    }

    SharingException unwritable(IOException e) {
        return SharingException.of(Category.CACHE, "The workbench cannot write to its download cache at " + root
                + " (" + e.getClass().getSimpleName() + "). Free some disk space or check the folder's permissions.",
                e);
    }

    private static String safeName(String id) {
        if (SAFE_NAME.matcher(id).matches()) {
            return id;
        }
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(id.getBytes(StandardCharsets.UTF_8));
            return "h-" + HexFormat.of().formatHex(digest, 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
