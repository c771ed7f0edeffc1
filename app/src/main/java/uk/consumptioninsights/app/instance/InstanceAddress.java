package uk.consumptioninsights.app.instance;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;

/**
 * Where the running workbench listens for a second launch's files: a loopback port and a random token, kept in a file
 * in the data home that only its owner can read, so no other user on the machine can send it files.
 */
record InstanceAddress(int port, String token) {

    static final String FILE_NAME = "instance.address";

    InstanceAddress {
        if (port <= 0 || port > 65535 || token.isBlank() || token.contains("\n")) {
            throw new IllegalArgumentException("not an instance address");
        }
    }

    /** Writes the address owner-only (the file is made private before the token goes into it). */
    void write(Path dataHome) throws IOException {
        Path target = dataHome.resolve(FILE_NAME);
        Path partial = Files.createTempFile(dataHome, "instance", ".tmp");
        try {
            OwnerOnly.file(partial);
            Files.writeString(partial, port + "\n" + token + "\n", StandardCharsets.UTF_8);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /** The address the running workbench wrote; empty when there is none or it cannot be read. */
    static Optional<InstanceAddress> read(Path dataHome) {
        try {
            List<String> lines = Files.readAllLines(dataHome.resolve(FILE_NAME), StandardCharsets.UTF_8);
            if (lines.size() < 2) {
                return Optional.empty();
            }
            return Optional.of(new InstanceAddress(Integer.parseInt(lines.get(0).trim()), lines.get(1).trim()));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
