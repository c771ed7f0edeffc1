package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Set;

/**
 * The workspace's pseudonymisation secret: 32 random bytes in a file only the user can read. Losing it only means
 * new pseudonyms on the next rebuild; it never leaves the machine.
 */
public final class WorkspaceKey {

    private static final int KEY_BYTES = 32;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private WorkspaceKey() {
    }

    public static byte[] loadOrCreate(Path file) {
        try {
            if (Files.exists(file)) {
                byte[] key = Files.readAllBytes(file);
                if (key.length == KEY_BYTES) {
                    return key;
                }
                throw new IllegalStateException("The workspace key " + file + " is damaged (" + key.length
                        + " bytes). Delete the workspace folder to start a fresh workspace.");
            }
            byte[] key = new byte[KEY_BYTES];
            new SecureRandom().nextBytes(key);
            Files.createDirectories(file.getParent());
            try {
                if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
                    Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
                } else {
                    Files.createFile(file);
                }
            } catch (FileAlreadyExistsException raced) {
                return loadOrCreate(file);
            }
            Files.write(file, key, StandardOpenOption.TRUNCATE_EXISTING);
            return key;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read or create the workspace key at " + file, e);
        }
    }
}
