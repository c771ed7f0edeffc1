package uk.consumptioninsights.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.InvalidPathException;
import org.junit.jupiter.api.Test;

class StartupFailureTest {

    @Test
    void aDataFolderTheLocaleCannotNameSaysHowToStartInstead() {
        String said = StartupFailure.message(new InvalidPathException("/home/a/donn\uFFFDes",
                "Malformed input or input contains unmappable characters"));
        assertThat(said).startsWith("Starting the workbench").contains("cannot represent").contains("LANG=C.UTF-8");
    }

    @Test
    void aDataFolderOnAFullDiskSaysTheDiskIsFull() {
        String said = StartupFailure.message(new UncheckedIOException("Could not create the private folder /x",
                new IOException("No space left on device")));
        assertThat(said).contains("the disk is full").contains("Free some space");
    }

    @Test
    void anythingElsePointsAtTheLogFileItCouldWrite() {
        String said = StartupFailure.message(new UncheckedIOException(new IOException("weird")));
        assertThat(said).endsWith("The details are in the log file in "
                + uk.consumptioninsights.app.logging.LogDirectory.current() + ".");
    }
}
