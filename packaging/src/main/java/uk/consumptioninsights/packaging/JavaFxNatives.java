package uk.consumptioninsights.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * Copies the JavaFX native libraries out of the platform jars into the jlinked runtime's library folder. jlink keeps
 * them only as resources, and JavaFX would then unpack them into {@code ~/.openjfx/cache} on the first start (slower,
 * and a write into the user's home); from the runtime folder they load directly.
 * Usage: {@code JavaFxNatives <folder of JavaFX jars> <runtime image>}.
 */
public final class JavaFxNatives {

    private JavaFxNatives() {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            throw new IllegalArgumentException("Usage: JavaFxNatives <folder of JavaFX jars> <runtime image>");
        }
        boolean windows = TargetPlatform.current().os().equals("windows");
        Path libraries = Path.of(args[1]).resolve(windows ? "bin" : "lib");
        int copied = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "javafx-*.jar")) {
            for (Path jar : jars) {
                try (ZipFile zip = new ZipFile(jar.toFile())) {
                    for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                        ZipEntry entry = e.nextElement();
                        // The natives sit at the jar's root (libglass.so, glass.dll, libprism_es2.dylib, ...).
                        if (!entry.isDirectory() && !entry.getName().contains("/") && TargetPlatform.isNativeLibrary(entry.getName())) {
                            try (InputStream in = zip.getInputStream(entry)) {
                                Files.copy(in, libraries.resolve(entry.getName()), StandardCopyOption.REPLACE_EXISTING);
                            }
                            copied++;
                        }
                    }
                }
            }
        }
        System.out.printf("Copied %d JavaFX native libraries into %s%n", copied, libraries);
    }
}
