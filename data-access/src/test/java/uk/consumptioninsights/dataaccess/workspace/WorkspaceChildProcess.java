package uk.consumptioninsights.dataaccess.workspace;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * Test fixture run in a child JVM by {@link StorageProblemTest}: {@code hold <file>} opens a workspace, prints
 * {@code OPEN} and keeps it open until its standard input closes (at most a minute); {@code open-home <home>} opens the
 * default workspace under the data home {@code <home>} (given with {@code \\uXXXX} escapes, so that the parent's
 * locale cannot mangle it on the way) and prints what the workbench would say.
 */
public final class WorkspaceChildProcess {

    private WorkspaceChildProcess() {
    }

    public static void main(String[] args) throws Exception {
        if (args[0].equals("hold")) {
            try (LocalWorkspace workspace = LocalWorkspace.open(Path.of(args[1]))) {
                System.out.println("OPEN");
                System.out.flush();
                waitForInputToClose();
            }
            return;
        }
        System.setProperty("ciw.home", unescape(args[1]));
        try (LocalWorkspace workspace = LocalWorkspace.open(WorkspaceLocation.defaultWorkspace())) {
            System.out.println("OPENED " + workspace.file());
        } catch (Exception e) {
            System.out.println(StorageProblem.of(e).map(p -> p.name() + ": " + p.explain("Opening the workspace", e))
                    .orElse("UNCLASSIFIED " + e.getClass().getName()));
        }
    }

    private static void waitForInputToClose() throws IOException, InterruptedException {
        Thread reader = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // Reads until the parent closes the pipe.
                }
            } catch (IOException ignored) {
                // The pipe broke: the parent is gone.
            }
        });
        reader.setDaemon(true);
        reader.start();
        reader.join(TimeUnit.MINUTES.toMillis(1));
    }

    static String unescape(String text) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            if (text.startsWith("\\u", i) && i + 6 <= text.length()) {
                out.append((char) Integer.parseInt(text.substring(i + 2, i + 6), 16));
                i += 5;
            } else {
                out.append(text.charAt(i));
            }
        }
        return out.toString();
    }
}
