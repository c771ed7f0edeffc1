package uk.consumptioninsights.packaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-platform jar rewrite, on jars laid out as the bundled ones are (entry names copied from them). */
class NativeLibraryFilterTest {

    /** Native entries as DuckDB, JNA, JLine/Jansi and the Databricks driver name them. */
    private static final List<String> NATIVES = List.of(
            "libduckdb_java.so_linux_amd64", "libduckdb_java.so_linux_arm64", "libduckdb_java.so_osx_universal",
            "libduckdb_java.so_windows_amd64",
            "com/sun/jna/linux-x86-64/libjnidispatch.so", "com/sun/jna/linux-x86/libjnidispatch.so",
            "com/sun/jna/linux-aarch64/libjnidispatch.so", "com/sun/jna/win32-x86-64/jnidispatch.dll",
            "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib", "com/sun/jna/aix-ppc64/libjnidispatch.a",
            "com/sun/jna/freebsd-x86-64/libjnidispatch.so",
            "org/jline/nativ/Linux/x86_64/libjlinenative.so", "org/jline/nativ/Linux/armv7/libjlinenative.so",
            "org/jline/nativ/Mac/arm64/libjlinenative.jnilib", "org/jline/nativ/Windows/x86_64/jlinenative.dll",
            "com/databricks/internal/jpountz/util/linux/amd64/liblz4-java.so",
            "com/databricks/internal/jpountz/util/linux/i386/liblz4-java.so",
            "com/databricks/internal/jpountz/util/darwin/x86_64/liblz4-java.dylib");

    @TempDir
    Path dir;

    @Test
    void linuxX64KeepsItsOwnNativesAndEveryClassAndDropsTheRest() throws IOException {
        Path jar = jar("mixed.jar", NATIVES);

        NativeLibraryFilter.Stripped result = new NativeLibraryFilter(new TargetPlatform("linux", "x86_64")).strip(jar);

        assertThat(entries(jar)).containsExactlyInAnyOrder("org/example/Driver.class", "META-INF/MANIFEST.MF",
                "libduckdb_java.so_linux_amd64", "com/sun/jna/linux-x86-64/libjnidispatch.so",
                "org/jline/nativ/Linux/x86_64/libjlinenative.so",
                "com/databricks/internal/jpountz/util/linux/amd64/liblz4-java.so");
        assertThat(result.dropped()).hasSize(NATIVES.size() - 4);
        assertThat(result.bytes()).isEqualTo((NATIVES.size() - 4) * 10L);
        assertThat(content(jar, "org/example/Driver.class")).isEqualTo("org/example/Driver.class");
    }

    @Test
    void macArmKeepsTheUniversalAndArmNatives() throws IOException {
        Path jar = jar("mixed.jar", NATIVES);

        new NativeLibraryFilter(new TargetPlatform("mac", "aarch64")).strip(jar);

        assertThat(entries(jar)).filteredOn(TargetPlatform::isNativeLibrary).containsExactlyInAnyOrder(
                "libduckdb_java.so_osx_universal", "com/sun/jna/darwin-aarch64/libjnidispatch.jnilib",
                "org/jline/nativ/Mac/arm64/libjlinenative.jnilib");
    }

    @Test
    void windowsX64KeepsOnlyItsDlls() throws IOException {
        Path jar = jar("mixed.jar", NATIVES);

        new NativeLibraryFilter(new TargetPlatform("windows", "x86_64")).strip(jar);

        assertThat(entries(jar)).filteredOn(TargetPlatform::isNativeLibrary).containsExactlyInAnyOrder(
                "libduckdb_java.so_windows_amd64", "com/sun/jna/win32-x86-64/jnidispatch.dll",
                "org/jline/nativ/Windows/x86_64/jlinenative.dll");
    }

    @Test
    void aJarWithNothingForeignIsLeftByteForByte() throws IOException {
        Path jar = jar("plain.jar", List.of("com/sun/jna/linux-x86-64/libjnidispatch.so"));
        byte[] before = Files.readAllBytes(jar);

        NativeLibraryFilter.Stripped result = new NativeLibraryFilter(new TargetPlatform("linux", "x86_64")).strip(jar);

        assertThat(result.dropped()).isEmpty();
        assertThat(Files.readAllBytes(jar)).isEqualTo(before);
    }

    @Test
    void anUnknownPlatformIsRefusedByName() {
        assertThatThrownBy(() -> new TargetPlatform("solaris", "sparc")).hasMessageContaining("Unknown target platform solaris/sparc");
    }

    private Path jar(String name, List<String> natives) throws IOException {
        Path jar = dir.resolve(name);
        List<String> names = new ArrayList<>(List.of("META-INF/MANIFEST.MF", "org/example/Driver.class"));
        try (OutputStream file = Files.newOutputStream(jar); ZipOutputStream out = new ZipOutputStream(file)) {
            for (String entry : names) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(entry.getBytes(StandardCharsets.UTF_8));
                out.closeEntry();
            }
            for (String entry : natives) {
                out.putNextEntry(new ZipEntry(entry));
                out.write(new byte[10]);
                out.closeEntry();
            }
        }
        return jar;
    }

    private static List<String> entries(Path jar) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return Collections.list(zip.entries()).stream().map(ZipEntry::getName).toList();
        }
    }

    private static String content(Path jar, String entry) throws IOException {
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            return new String(zip.getInputStream(zip.getEntry(entry)).readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
