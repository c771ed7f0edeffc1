package uk.consumptioninsights.packaging;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The operating system and CPU an installer is for, and how the names jars give native libraries in their paths
 * ({@code linux-x86-64/}, {@code Linux/x86_64/}, {@code linux/amd64/}, {@code libduckdb_java.so_linux_amd64},
 * {@code darwin-aarch64/}, {@code win32-x86-64/}, {@code osx_universal}, ...) match it.
 */
record TargetPlatform(String os, String arch) {

    /** Every spelling of an operating system seen in bundled jars, by the canonical name used here. */
    private static final java.util.Map<String, Set<String>> OS_NAMES = java.util.Map.of(
            "linux", Set.of("linux"),
            "windows", Set.of("windows", "win32", "win64", "win"),
            "mac", Set.of("mac", "macos", "macosx", "osx", "darwin"),
            "other", Set.of("aix", "sunos", "solaris", "freebsd", "openbsd", "netbsd", "dragonflybsd", "android"));
    private static final java.util.Map<String, Set<String>> ARCH_NAMES = java.util.Map.of(
            "x86_64", Set.of("x86_64", "x86-64", "amd64", "x64"),
            "aarch64", Set.of("aarch64", "arm64"),
            "other", Set.of("x86", "i386", "i686", "arm", "armel", "armhf", "armv6", "armv7", "ppc", "ppc64", "ppc64le",
                    "mips64el", "loongarch64", "s390x", "riscv64", "sparc", "sparcv9"));
    private static final Pattern NATIVE = Pattern.compile(".*\\.(so|dll|dylib|jnilib|a)$|.*\\.so_.*");

    TargetPlatform {
        if (!OS_NAMES.containsKey(os) || "other".equals(os) || !ARCH_NAMES.containsKey(arch) || "other".equals(arch)) {
            throw new IllegalArgumentException("Unknown target platform " + os + "/" + arch
                    + ": expected linux, windows or mac, and x86_64 or aarch64");
        }
    }

    /** The machine this build runs on (jpackage cannot cross-build, so that is the installer's target). */
    static TargetPlatform current() {
        String name = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String os = name.startsWith("windows") ? "windows" : name.startsWith("mac") ? "mac" : "linux";
        String cpu = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        return new TargetPlatform(os, cpu.equals("aarch64") || cpu.equals("arm64") ? "aarch64" : "x86_64");
    }

    static boolean isNativeLibrary(String entryName) {
        return NATIVE.matcher(entryName.toLowerCase(Locale.ROOT)).matches();
    }

    /**
     * Whether a native library at {@code entryName} can be loaded on this platform: false when its path names another
     * operating system or another CPU; true when it names this one, or names none (nothing to judge by).
     */
    boolean runs(String entryName) {
        String[] words = entryName.toLowerCase(Locale.ROOT).split("[/_.\\-]");
        String path = "/" + String.join("/", words) + "/";
        String named = canonical(OS_NAMES, path);
        if (named != null && !named.equals(os)) {
            return false;
        }
        String cpu = canonical(ARCH_NAMES, entryName.toLowerCase(Locale.ROOT).replace('\\', '/'));
        // A macOS universal binary holds both CPUs.
        return cpu == null || cpu.equals(arch) || path.contains("/universal/");
    }

    /** The first canonical name whose spelling appears in {@code text} as a whole word. */
    private static String canonical(java.util.Map<String, Set<String>> names, String text) {
        String bounded = "/" + text.replace('\\', '/') + "/";
        for (String key : java.util.List.of("x86_64", "aarch64", "linux", "windows", "mac", "other")) {
            Set<String> spellings = names.get(key);
            if (spellings == null) {
                continue;
            }
            for (String spelling : spellings) {
                if (Pattern.compile("[/_.\\-]" + Pattern.quote(spelling) + "(?=[/_.\\-])").matcher(bounded).find()) {
                    return key;
                }
            }
        }
        return null;
    }
}
