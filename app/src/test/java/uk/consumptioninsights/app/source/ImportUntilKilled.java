package uk.consumptioninsights.app.source;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.function.UnaryOperator;
import uk.consumptioninsights.model.work.Progress;

/**
 * Run in a child JVM by {@link ImportedWorkspacesSweepTest}: a workbench importing args[0] into the folder args[1]
 * through the app's own {@link ImportedWorkspaces}. Once reading is under way (some lines written to bronze and to the
 * report file) it writes {@code importing} and stops there, holding the import open, until the test kills it.
 */
public final class ImportUntilKilled {

    private ImportUntilKilled() {
    }

    public static void main(String[] args) throws Exception {
        String name = Path.of(args[0]).getFileName().toString();
        Progress stopsMidway = new Progress() {
            @Override
            public void report(double fraction, String message) {
                if (message.startsWith("Reading " + name + ":")) {
                    System.out.println("importing");
                    System.out.flush();
                    try {
                        while (System.in.read() >= 0) {
                            // Never returns on its own: only the kill ends this import.
                        }
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        Clock clock = Clock.fixed(Instant.parse("2026-11-22T00:15:00Z"), ZoneOffset.UTC);
        try (ImportedWorkspaces workspaces = new ImportedWorkspaces(Path.of(args[1]), UnaryOperator.identity(), clock,
                Runnable::run)) {
            workspaces.importCsv(Path.of(args[0]), stopsMidway);
        }
        System.out.println("finished");
    }
}
