package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.series.ReadingFlag;

class CsvImportReportTest {

    private static final Path FILE = Path.of("lcl.csv.gz");
    private static final LocalDate JAN_1 = LocalDate.of(2013, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2013, 12, 31);

    @Test
    void summaryReadsLikeTheExampleInTheBrief() {
        List<RejectedRow> rejected = List.of(
                RejectedRow.of(17, RejectionKind.INVALID_TIMESTAMP, "tstp 'x' is not a date", "x"),
                RejectedRow.duplicate(44, 43, "duplicate", "y"),
                RejectedRow.of(902, RejectionKind.INVALID_TIMESTAMP, "tstp 'z' is not a date", "z"));
        CsvImportReport report = new CsvImportReport(FILE, 1_674_721, 1_674_718, 100, JAN_1, DEC_31, rejected, 0, List.of());

        assertThat(report.summary()).isEqualTo("Imported 1,674,718 readings for 100 households (2013-01-01 to 2013-12-31). "
                + "3 rows rejected: 2 with an invalid timestamp (lines 17, 902), 1 duplicate (line 44, first seen on line 43).");
        assertThat(report.rejectedCount()).isEqualTo(3);
    }

    @Test
    void longListsOfLinesAreCutShort() {
        List<RejectedRow> rejected = new ArrayList<>();
        for (int line = 2; line < 1_202; line++) {
            rejected.add(RejectedRow.of(line, RejectionKind.MISSING_ENERGY, "energy is 'Null'", "Null"));
        }
        rejected.add(RejectedRow.duplicate(2_000, 3, "duplicate", "a"));
        rejected.add(RejectedRow.duplicate(2_001, 4, "duplicate", "b"));
        CsvImportReport report = new CsvImportReport(FILE, 1_203, 1, 1, JAN_1, JAN_1, rejected, 0, List.of());

        assertThat(report.summary()).isEqualTo("Imported 1 reading for 1 household (2013-01-01 to 2013-01-01). "
                + "1,202 rows rejected: 1,200 with an empty or Null energy value (lines 2, 3, 4, 5, 6 and 1,195 more), "
                + "2 duplicates (line 2000, first seen on line 3; line 2001, first seen on line 4).");
        assertThat(report.rejectionCounts()).containsEntry(RejectionKind.MISSING_ENERGY, 1_200L)
                .containsEntry(RejectionKind.DUPLICATE, 2L).hasSize(2);
    }

    @Test
    void aCleanImportSaysNothingWasRejected() {
        CsvImportReport report = new CsvImportReport(FILE, 10, 10, 1, JAN_1, JAN_1, List.of(), 0, List.of());

        assertThat(report.summary()).isEqualTo("Imported 10 readings for 1 household (2013-01-01 to 2013-01-01). "
                + "No rows were rejected.");
        assertThat(report.rejectionCounts()).isEmpty();
    }

    @Test
    void flaggedReadingsAreCountedAndTheirLinesListedBeforeTheRejections() {
        List<FlaggedRow> flagged = new ArrayList<>();
        for (int line = 2; line < 9; line++) {
            flagged.add(new FlaggedRow(line, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), -0.5, ReadingFlag.NEGATIVE,
                    "negative"));
        }
        flagged.add(new FlaggedRow(40, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), 80, ReadingFlag.ABOVE_CEILING,
                "high"));
        CsvImportReport report = new CsvImportReport(FILE, 2_000, 2_000, 1, JAN_1, JAN_1, List.of(), 1_208, flagged);

        assertThat(report.summary()).isEqualTo("Imported 2,000 readings for 1 household (2013-01-01 to 2013-01-01). "
                + "1,208 readings kept but flagged as implausible, not counted in totals: 7 negative (lines 2, 3, 4, 5, 6 "
                + "and 2 more), 1 above 50 kWh (line 40), and 1,200 more not listed. No rows were rejected.");
    }

    @Test
    void flaggedReadingsAreAmongTheReadingsImported() {
        assertThatThrownBy(() -> new CsvImportReport(FILE, 10, 10, 1, JAN_1, JAN_1, List.of(), 11, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be among the readings imported");
    }

    @Test
    void everyLineMustBeAccountedFor() {
        assertThatThrownBy(() -> new CsvImportReport(FILE, 11, 10, 1, JAN_1, JAN_1, List.of(), 0, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must equal");
    }

    @Test
    void rejectedRowsKeepOnlyTheStartOfALongLine() {
        RejectedRow row = RejectedRow.of(2, RejectionKind.WRONG_FIELD_COUNT, "too long", "x".repeat(1_000));

        assertThat(row.rawLine()).hasSize(200);
        assertThat(row.firstSeenOnLine()).isEmpty();
    }
}
