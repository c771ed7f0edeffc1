package uk.consumptioninsights.packaging;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Builds the AppCDS archive the installed launchers start with. A training run starts the real workbench from the
 * jlinked runtime on a small workspace until the Overview shows data, listing every class it loads; the JDK and JavaFX
 * classes of that list (they live in the runtime image, which does not move when installed) are then dumped into a
 * static archive beside the launchers' configuration, and each launcher's {@code .cfg} gets
 * {@code -XX:SharedArchiveFile=$APPDIR/...}. The app's own jars are left out on purpose: JDK 17 checks an archive's
 * class path literally, so an archive naming the build's jar paths would be refused once installed under /opt.
 * On Linux with no display the training run goes through {@code xvfb-run}.
 * Usage: {@code ClassDataArchive <runtime> <app jars> <main class> <app-image app folder> <work folder>}.
 */
public final class ClassDataArchive {

    static final String ARCHIVE = "workbench.jsa";
    private static final long TRAINING_TIMEOUT_S = 300;

    private ClassDataArchive() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        if (args.length != 5) {
            throw new IllegalArgumentException(
                    "Usage: ClassDataArchive <runtime> <app jars> <main class> <app-image app folder> <work folder>");
        }
        Path runtime = Path.of(args[0]).toAbsolutePath();
        Path jars = Path.of(args[1]).toAbsolutePath();
        String mainClass = args[2];
        Path appFolder = Path.of(args[3]).toAbsolutePath();
        Path work = Files.createDirectories(Path.of(args[4]).toAbsolutePath());
        Path java = runtime.resolve("bin").resolve(TargetPlatform.current().os().equals("windows") ? "java.exe" : "java");
        Path classList = work.resolve("classes.lst");

        List<String> training = new ArrayList<>(displayWrapper());
        training.addAll(List.of(java.toString(), "-XX:DumpLoadedClassList=" + classList,
                "-Dciw.home=" + work.resolve("home"), "-Dciw.meters=200", "-Dciw.days=14",
                "-Djava.util.prefs.userRoot=" + work.resolve("prefs"), "-Dciw.prefs.node=uk/consumptioninsights/cds-training",
                "-cp", jars + File.separator + "*", mainClass));
        run(training, "the training run", work.resolve("training.log"));
        int listed = (int) lines(classList).count();

        Path archive = appFolder.resolve(ARCHIVE);
        run(List.of(java.toString(), "-Xshare:dump", "-XX:SharedClassListFile=" + classList,
                "-XX:SharedArchiveFile=" + archive), "the archive dump", work.resolve("dump.log"));
        try (Stream<Path> files = Files.list(appFolder)) {
            for (Path cfg : files.filter(f -> f.getFileName().toString().endsWith(".cfg")).toList()) {
                addJavaOption(cfg, "-XX:SharedArchiveFile=$APPDIR/" + ARCHIVE);
            }
        }
        System.out.printf("AppCDS archive %s: %d classes listed by the training run, %.1f MB%n", archive, listed,
                Files.size(archive) / 1e6);
    }

    /** Under Linux without a display, {@code xvfb-run -a}; elsewhere nothing. */
    private static List<String> displayWrapper() {
        boolean linux = TargetPlatform.current().os().equals("linux");
        String display = System.getenv("DISPLAY");
        if (linux && (display == null || display.isBlank())) {
            return List.of("xvfb-run", "-a", "-s", "-screen 0 1600x1000x24");
        }
        return List.of();
    }

    private static void run(List<String> command, String what, Path log) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
        // Makes the workbench quit once the Overview shows data (see StartupMilestones in the app).
        builder.environment().put("CIW_STARTUP_BENCHMARK", "1");
        Process process = builder.start();
        if (!process.waitFor(TRAINING_TIMEOUT_S, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException(what + " did not finish in " + TRAINING_TIMEOUT_S + " s; see " + log);
        }
        if (process.exitValue() != 0) {
            throw new IllegalStateException(what + " failed with exit code " + process.exitValue() + "; see " + log);
        }
    }

    private static Stream<String> lines(Path file) throws IOException {
        return Files.readAllLines(file, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank() && !l.startsWith("#"));
    }

    /** Adds a line to the {@code [JavaOptions]} section of a jpackage launcher configuration. */
    static void addJavaOption(Path cfg, String option) throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(cfg, StandardCharsets.UTF_8));
        String line = "java-options=" + option;
        if (lines.contains(line)) {
            return;
        }
        int section = lines.indexOf("[JavaOptions]");
        if (section < 0) {
            lines.add("");
            lines.add("[JavaOptions]");
            lines.add(line);
        } else {
            lines.add(section + 1, line);
        }
        Files.write(cfg, lines, StandardCharsets.UTF_8);
    }
}
