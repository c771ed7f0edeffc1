package uk.consumptioninsights.app.importer;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;

/**
 * The report of one successful import, as the report window shows it.
 *
 * @param fileName      the CSV's file name
 * @param workspaceFile the new workspace the readings went into
 * @param details       the import's own report: counts, dates and every rejected row
 * @param rejected      every line not imported, in file order, as the report's table lists them
 * @param flagged       lines imported but kept flagged as implausible (the first of them), in file order
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
}
