package uk.consumptioninsights.cli;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.concurrent.CancellationException;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.dataaccess.importer.CsvImportException;
import uk.consumptioninsights.dataaccess.sharing.ProfileException;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.StorageProblem;

/**
 * {@code ciw}: the workbench's heavy jobs without a window, for a scheduler. Each subcommand calls the services the
 * app's view-models call (the same import, rescoring, share client, query catalog and masking), never a second
 * implementation. The jpackage launcher {@code ciw} starts this class.
 */
@Command(name = "ciw", mixinStandardHelpOptions = true, versionProvider = PomVersion.class, sortOptions = false,
        description = "Consumption Insights Workbench on the command line: generate, import, rescore, export, check "
                + "data quality and read Delta Shares without the window.",
        subcommands = {GenerateCommand.class, ImportCommand.class, RescoreCommand.class, ExportCommand.class,
            QualityCommand.class, ShareCommand.class},
        exitCodeListHeading = "%nExit codes:%n", exitCodeList = {
            "0:The work was done.",
            "1:The work failed (details in the log folder).",
            "2:Bad usage: unknown command or option, or an unusable argument.",
            "3:Data or source problem: unreadable file, workspace in use, sharing server refused.",
            "130:Cancelled (Ctrl-C); no half-done result is used."},
        footer = {"", "Without --workspace, commands use the app's own workspace (set CIW_HOME to use another data home)."})
public final class Ciw implements Runnable {

    @Option(names = "--workspace", scope = ScopeType.INHERIT, paramLabel = "<folder|file.duckdb>",
            description = "A data home folder (its workspaces/local.duckdb), or one workspace file. Default: the app's.")
    Path workspace;

    @Option(names = "--json", scope = ScopeType.INHERIT, description = "Answer with one JSON object on stdout; no progress bar.")
    boolean json;

    @Spec
    CommandSpec spec;

    private final Cancellation cancellation;
    private Output output;

    Ciw(Cancellation cancellation) {
        this.cancellation = cancellation;
    }

    public static void main(String[] args) {
        // The window logs to the console as well; the command line keeps stdout for its answer and logs to the file.
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "uk/consumptioninsights/cli/ciw-logback.xml");
        }
        // Tribuo's OLCUT brings JLine's jansi provider, whose deprecation notice would land on the progress bar's line.
        System.setProperty("org.jline.terminal.disableDeprecatedProviderWarning", "true");
        Cancellation cancellation = new Cancellation();
        cancellation.onShutdown();
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out),
                StandardCharsets.UTF_8), true);
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err),
                StandardCharsets.UTF_8), true);
        int code = run(args, out, err, cancellation);
        cancellation.finished();
        if (!cancellation.requested()) {
            // Inside a shutdown (Ctrl-C) System.exit would block; the JVM is exiting anyway then.
            System.exit(code);
        }
    }

    /** Runs one command line to its exit code, writing to {@code out} and {@code err}: the tests' entry. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Cancellation cancellation) {
        Ciw ciw = new Ciw(cancellation);
        CommandLine line = new CommandLine(ciw);
        line.registerConverter(LocalDate.class, Ciw::settlementDate);
        line.setOut(out);
        line.setErr(err);
        line.setParameterExceptionHandler((problem, arguments) -> {
            err.println("ciw: " + Output.oneLine(problem.getMessage()) + " (see 'ciw --help')");
            err.flush();
            return ExitCodes.USAGE;
        });
        line.setExecutionExceptionHandler((problem, commandLine, parsed) -> ciw.failed(problem, commandLine));
        return line.execute(args);
    }

    private static LocalDate settlementDate(String text) {
        try {
            return LocalDate.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a date as yyyy-mm-dd");
        }
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(),
                "Name a command: generate, import, rescore, export, quality or share");
    }

    /** The answer's destination, once the options are parsed. */
    Output output() {
        if (output == null) {
            output = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), json);
        }
        return output;
    }

    WorkspaceFolder workspaceFolder() {
        return WorkspaceFolder.of(workspace);
    }

    /** Long work's progress: a bar on a terminal, silent for JSON or when redirected. */
    ProgressDisplay progress(String task) {
        return ProgressDisplay.start(task, !json && ProgressDisplay.onTerminal(), cancellation);
    }

    private int failed(Exception problem, CommandLine commandLine) {
        int code = exitCodeOf(problem);
        String action = "run 'ciw " + commandLine.getCommandName() + "'";
        String message = switch (code) {
            case ExitCodes.CANCELLED -> "Cancelled before it finished; no half-done result is used.";
            case ExitCodes.USAGE -> problem.getMessage();
            default -> messageOf(problem, action);
        };
        if (code == ExitCodes.FAILED) {
            LoggerFactory.getLogger(Ciw.class).error("ciw {} failed", commandLine.getCommandName(), problem);
        } else {
            LoggerFactory.getLogger(Ciw.class).info("ciw {} stopped: {}", commandLine.getCommandName(), Output.oneLine(message));
        }
        output().failure(code, message);
        return code;
    }

    static int exitCodeOf(Throwable problem) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if (t instanceof CancellationException || t instanceof InterruptedException) {
                return ExitCodes.CANCELLED;
            }
            // An IllegalArgumentException thrown straight at the command is its refusal of an argument (a purpose that
            // may not see a table); deeper down it would be a fault, not usage.
            if (t instanceof BadArgument || (t == problem && t instanceof IllegalArgumentException)) {
                return ExitCodes.USAGE;
            }
            if (t instanceof SourceException || t instanceof CsvImportException || t instanceof SharingException
                    || t instanceof ProfileException || t instanceof WorkspaceFolder.MissingWorkspace) {
                return ExitCodes.DATA;
            }
        }
        return StorageProblem.of(problem).isPresent() ? ExitCodes.DATA : ExitCodes.FAILED;
    }

    private static String messageOf(Throwable problem, String action) {
        for (Throwable t = problem; t != null; t = t.getCause()) {
            if ((t instanceof SharingException || t instanceof ProfileException || t instanceof WorkspaceFolder.MissingWorkspace)
                    && t.getMessage() != null) {
                return t.getMessage();
            }
        }
        return UserMessages.describe(problem, action);
    }
}
