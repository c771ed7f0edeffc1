package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.AclEntry;
import java.nio.file.attribute.AclEntryPermission;
import java.nio.file.attribute.AclEntryType;
import java.nio.file.attribute.AclFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.nio.file.attribute.UserPrincipal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps what the workbench writes readable by its user only: the data folder, workspaces, caches, reports and logs
 * hold raw MPANs and readings, so another account on the same machine must not be able to open or copy them. On POSIX
 * file systems folders are rwx------ and files rw-------; on Windows (ACL file systems) the user becomes the only
 * entry of the access list, with nothing inherited. Elsewhere nothing is changed.
 */
public final class OwnerOnly {

    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");

    private OwnerOnly() {
    }

    /** Creates {@code folder} and any missing parents, and makes {@code folder} owner-only (existing or new). */
    public static Path folder(Path folder) {
        try {
            Path absolute = folder.toAbsolutePath();
            if (!Files.isDirectory(absolute)) {
                if (isPosix(absolute.getFileSystem())) {
                    Files.createDirectories(absolute, PosixFilePermissions.asFileAttribute(FOLDER));
                } else {
                    Files.createDirectories(absolute);
                }
            }
            restrict(absolute, true);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create the private folder " + folder, e);
        }
    }

    /** Makes an existing file owner-only; a missing file is left missing. */
    public static void file(Path file) {
        try {
            if (Files.exists(file)) {
                restrict(file, false);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not make " + file + " private to its owner", e);
        }
    }

    private static void restrict(Path path, boolean folder) throws IOException {
        if (isPosix(path.getFileSystem())) {
            Files.setPosixFilePermissions(path, folder ? FOLDER : FILE);
            return;
        }
        AclFileAttributeView acl = Files.getFileAttributeView(path, AclFileAttributeView.class);
        if (acl != null) {
            UserPrincipal owner = Files.getOwner(path);
            acl.setAcl(List.of(AclEntry.newBuilder()
                    .setType(AclEntryType.ALLOW)
                    .setPrincipal(owner)
                    .setPermissions(EnumSet.allOf(AclEntryPermission.class))
                    .setFlags(folder ? EnumSet.of(java.nio.file.attribute.AclEntryFlag.FILE_INHERIT,
                            java.nio.file.attribute.AclEntryFlag.DIRECTORY_INHERIT) : EnumSet.noneOf(
                            java.nio.file.attribute.AclEntryFlag.class))
                    .build()));
        }
    }

    private static boolean isPosix(FileSystem fs) {
        return fs.supportedFileAttributeViews().contains("posix");
    }
}
