package uk.consumptioninsights.dataaccess.forest;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opentest4j.TestAbortedException;

/** How the parity test treats a machine without scikit-learn, and a Python process that fails or hangs. */
class NotebookPythonTest {

    private static final String INSTALL = "apt-get install -y python3-sklearn python3-pandas";

    @TempDir
    Path scratch;

    @Test
    void aMissingInterpreterFailsOnCiSayingWhatToInstall() {
        assertThatThrownBy(() -> NotebookPython.requireScikitLearn(scratch.resolve("no-python"), "true", scratch))
                .isInstanceOf(AssertionError.class).hasMessageContaining("no-python").hasMessageContaining(INSTALL);
    }

    @Test
    void anInterpreterWithoutScikitLearnFailsOnCi() {
        // /bin/false runs and exits 1, as python3 does when the import fails.
        assertThatThrownBy(() -> NotebookPython.requireScikitLearn(Path.of("/bin/false"), "true", scratch))
                .isInstanceOf(AssertionError.class).hasMessageContaining("cannot import").hasMessageContaining(INSTALL);
    }

    @Test
    void aMissingInterpreterIsSkippedOnlyWhenCiIsUnset() {
        assertThatThrownBy(() -> NotebookPython.requireScikitLearn(scratch.resolve("no-python"), null, scratch))
                .isInstanceOf(TestAbortedException.class).hasMessageContaining(INSTALL);
    }

    @Test
    void aFailingProcessReportsItsStderr() {
        assertThatThrownBy(() -> NotebookPython.run(Path.of("/bin/sh"), scratch, Duration.ofMinutes(1), "-c",
                "echo 'Traceback: no module named anomaly_model' >&2; exit 3").requireSuccess())
                .isInstanceOf(AssertionError.class).hasMessageContaining("exited with 3")
                .hasMessageContaining("no module named anomaly_model");
    }

    @Test
    void aHangingProcessIsStoppedAtTheTimeout() {
        assertThatThrownBy(() -> NotebookPython.run(Path.of("/bin/sleep"), scratch, Duration.ofSeconds(1), "600"))
                .isInstanceOf(AssertionError.class).hasMessageContaining("/bin/sleep 600 did not finish within");
    }
}
