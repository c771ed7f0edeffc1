package uk.consumptioninsights.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;

/** One run of {@code ciw} in this JVM, as the launcher runs it, with what it wrote to stdout and stderr. */
record CiwRun(int exitCode, String out, String err) {

    private static final ObjectMapper JSON = new ObjectMapper();

    static CiwRun of(String... args) {
        return with(new Cancellation(), args);
    }

    /** A run whose Ctrl-C is {@code cancellation}'s. */
    static CiwRun with(Cancellation cancellation, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Ciw.run(args, new PrintWriter(out, true), new PrintWriter(err, true), cancellation);
        return new CiwRun(code, out.toString(), err.toString());
    }

    /** stdout as the one JSON object {@code --json} promises. */
    JsonNode json() {
        try {
            return JSON.readTree(out);
        } catch (Exception e) {
            throw new AssertionError("stdout is not one JSON object: " + out, e);
        }
    }

    List<String> errLines() {
        return err.lines().toList();
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\nstdout:\n" + out + "\nstderr:\n" + err;
    }
}
