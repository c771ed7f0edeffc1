package uk.consumptioninsights.dataaccess.forest;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the notebooks' Python ({@code notebooks/}) with Debian's interpreter and scikit-learn, the way CI has them.
 * On CI ({@code CI} set) a missing scikit-learn fails the test, since a parity test that skips there proves nothing;
 * on a developer's machine without it the test is skipped.
 */
public final class NotebookPython {

    static final Path INTERPRETER = Path.of("/usr/bin/python3");
    private static final String INSTALL = "Install them with: apt-get install -y python3-sklearn python3-pandas";

    private NotebookPython() {
    }

    /** Fails (on CI) or skips (locally) unless {@link #INTERPRETER} imports scikit-learn and pandas. */
    public static void requireScikitLearn(Path scratch) throws IOException, InterruptedException {
        requireScikitLearn(INTERPRETER, System.getenv("CI"), scratch);
    }

    /** {@code ci} is the value of the CI environment variable, null when unset. */
    static void requireScikitLearn(Path interpreter, String ci, Path scratch) throws IOException, InterruptedException {
        String problem;
        if (!Files.isExecutable(interpreter)) {
            problem = interpreter + " is missing; the model parity test needs it with scikit-learn and pandas.";
        } else {
            Result probe = run(interpreter, scratch, Duration.ofSeconds(60), "-c", "import sklearn, pandas");
            problem = probe.exitCode() == 0 ? null : interpreter + " cannot import scikit-learn and pandas ("
                    + probe.stderr().strip() + ").";
        }
        if (problem == null) {
            return;
        }
        if (ci == null) {
            assumeTrue(false, problem + " " + INSTALL + ". Skipped because CI is not set.");
        }
        fail(problem + " " + INSTALL + ".");
    }

    /** The repository's {@code notebooks/} folder, found from the module's working directory upwards. */
    public static Path notebooks() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("notebooks");
            if (Files.isDirectory(candidate.resolve("lib"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No notebooks/lib above " + Path.of("").toAbsolutePath());
    }

    /** Runs the interpreter with {@code args}; output goes to files in {@code scratch}, so chatty output cannot block. */
    public static Result run(Path scratch, Duration timeout, String... args) throws IOException, InterruptedException {
        return run(INTERPRETER, scratch, timeout, args);
    }

    static Result run(Path program, Path scratch, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        command.addAll(List.of(args));
        Path out = Files.createTempFile(scratch, "python", ".out");
        Path err = Files.createTempFile(scratch, "python", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .redirectOutput(out.toFile()).redirectError(err.toFile());
        // No user site-packages or PYTHONPATH from the developer's shell: the test is about Debian's packages.
        builder.environment().remove("PYTHONPATH");
        builder.environment().put("PYTHONNOUSERSITE", "1");
        // A test run leaves no __pycache__ in the source tree.
        builder.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process process = builder.start();
        if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            fail(String.join(" ", command) + " did not finish within " + timeout + ". Its stderr:\n"
                    + Files.readString(err, StandardCharsets.UTF_8));
        }
        return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8), String.join(" ", command));
    }

    public record Result(int exitCode, String stdout, String stderr, String command) {

        /** Fails with the command and its stderr unless it exited with 0. */
        public Result requireSuccess() {
            if (exitCode != 0) {
                fail(command + " exited with " + exitCode + ". Its stderr:\n" + stderr);
            }
            return this;
        }
    }
}
