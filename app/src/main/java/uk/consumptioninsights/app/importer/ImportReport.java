package uk.consumptioninsights.app.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.app.common.Formats;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;

/**
 * The report of one successful import, as the report window shows it.
 *
 * @param fileName      the CSV's file name
 * @param workspaceFile the new workspace the readings went into
 * @param details       the import's own report: exact counts, dates, and the file listing every rejected or flagged line
 * @param rejected      the first lines not imported (a sample, see {@link CsvImportReport#rejectedRows()}), in file
 *                      order, as the report's table lists them
 * @param flagged       the first lines imported but kept flagged as implausible, in file order
 */
public record ImportReport(String fileName, Path workspaceFile, CsvImportReport details, List<RejectedLine> rejected,
                           List<FlaggedLine> flagged) {

    public ImportReport {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(workspaceFile, "workspaceFile");
        Objects.requireNonNull(details, "details");
        rejected = List.copyOf(rejected);
        flagged = List.copyOf(flagged);
    }

    static ImportReport of(ImportedSource imported) {
        CsvImportReport details = imported.report();
        return new ImportReport(String.valueOf(details.file().getFileName()), imported.workspaceFile(), details,
                details.rejectedRows().stream().map(RejectedLine::of).toList(),
                details.flaggedRows().stream().map(FlaggedLine::of).toList());
    }

    /** The report's own sentence, e.g. "Imported 96 readings for 2 households (…). 3 rows rejected: …". */
    public String summary() {
        return details.summary();
    }

    /** The rejected rows table's title, saying when it lists only the first of them, e.g. "the first 105 of 3,000,000". */
    public String rejectedTitle() {
        return "Rejected rows" + shownOf(rejected.size(), details.rejectedCount());
    }

    /** The flagged readings table's title, likewise. */
    public String flaggedTitle() {
        return "Kept, flagged as implausible (not counted in totals or charts)" + shownOf(flagged.size(), details.flaggedCount());
    }

    private String shownOf(int shown, long total) {
        if (shown >= total) {
            return "";
        }
        return ": the first " + Formats.count(shown) + " of " + Formats.count(total)
                + details.reportFile().map(file -> "; all are listed in " + file.toAbsolutePath()).orElse("");
    }
}
