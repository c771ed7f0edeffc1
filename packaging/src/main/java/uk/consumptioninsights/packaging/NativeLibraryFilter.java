package uk.consumptioninsights.packaging;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;

/**
 * Rewrites the jars an installer ships without the native libraries for other platforms: the DuckDB driver alone
 * carries about 250 MB of natives for four platforms, JNA, JLine, Jansi and the Databricks driver a few MB more.
 * Usage: {@code NativeLibraryFilter <folder of jars> [os arch]} (default: this machine).
 */
public final class NativeLibraryFilter {

    private final TargetPlatform target;

    NativeLibraryFilter(TargetPlatform target) {
        this.target = target;
    }

    /** What one jar lost: the entries dropped and the bytes they held uncompressed. */
    record Stripped(Path jar, List<String> dropped, long bytes) {
    }

    public static void main(String[] args) throws IOException {
        if (args.length != 1 && args.length != 3) {
            throw new IllegalArgumentException("Usage: NativeLibraryFilter <folder of jars> [linux|windows|mac x86_64|aarch64]");
        }
        TargetPlatform target = args.length == 3 ? new TargetPlatform(args[1], args[2]) : TargetPlatform.current();
        NativeLibraryFilter filter = new NativeLibraryFilter(target);
        long total = 0;
        try (DirectoryStream<Path> jars = Files.newDirectoryStream(Path.of(args[0]), "*.jar")) {
            for (Path jar : jars) {
                Stripped result = filter.strip(jar);
                if (!result.dropped().isEmpty()) {
                    total += result.bytes();
                    System.out.printf("%s: dropped %d native libraries for other platforms (%.1f MB)%n",
                            jar.getFileName(), result.dropped().size(), result.bytes() / 1e6);
                }
            }
        }
        System.out.printf("Native libraries for other platforms than %s/%s: %.1f MB dropped%n", target.os(), target.arch(),
                total / 1e6);
    }

    /** Rewrites {@code jar} in place when it holds natives this platform cannot load; otherwise leaves it untouched. */
    Stripped strip(Path jar) throws IOException {
        List<String> dropped = new ArrayList<>();
        long bytes = 0;
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                ZipEntry entry = e.nextElement();
                if (!entry.isDirectory() && TargetPlatform.isNativeLibrary(entry.getName()) && !target.runs(entry.getName())) {
                    dropped.add(entry.getName());
                    bytes += Math.max(0, entry.getSize());
                }
            }
            if (dropped.isEmpty()) {
                return new Stripped(jar, dropped, 0);
            }
            Path rewritten = Files.createTempFile(jar.toAbsolutePath().getParent(), "stripped", ".jar");
            try (OutputStream file = Files.newOutputStream(rewritten); ZipOutputStream out = new ZipOutputStream(file)) {
                for (Enumeration<? extends ZipEntry> e = zip.entries(); e.hasMoreElements(); ) {
                    ZipEntry entry = e.nextElement();
                    if (dropped.contains(entry.getName())) {
                        continue;
                    }
                    ZipEntry copy = new ZipEntry(entry.getName());
                    copy.setTime(entry.getTime());
                    out.putNextEntry(copy);
                    try (InputStream in = zip.getInputStream(entry)) {
                        in.transferTo(out);
                    }
                    out.closeEntry();
                }
            }
            Files.move(rewritten, jar, StandardCopyOption.REPLACE_EXISTING);
        }
        return new Stripped(jar, List.copyOf(dropped), bytes);
    }
}
