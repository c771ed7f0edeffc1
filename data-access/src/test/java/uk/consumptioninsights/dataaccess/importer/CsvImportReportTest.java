package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.series.ReadingFlag;

class CsvImportReportTest {

    private static final Path FILE = Path.of("lcl.csv.gz");
    private static final Path REPORT_FILE = Path.of("lcl-20261122T0015.import-report.csv");
    private static final LocalDate JAN_1 = LocalDate.of(2013, 1, 1);
    private static final LocalDate DEC_31 = LocalDate.of(2013, 12, 31);

    @Test
    void summaryReadsLikeTheExampleInTheBriefAndSaysWhereEveryLineIsListed() {
        LineSample<RejectionKind, RejectedRow> rejected = rejections(List.of(
                RejectedRow.of(17, RejectionKind.INVALID_TIMESTAMP, "tstp 'x' is not a date", "x"),
                RejectedRow.duplicate(44, 43, "duplicate", "y"),
                RejectedRow.of(902, RejectionKind.INVALID_TIMESTAMP, "tstp 'z' is not a date", "z")));
        CsvImportReport report = new CsvImportReport(FILE, 1_674_721, 1_674_718, 100, JAN_1, DEC_31, rejected,
                LineSample.none(), Optional.of(REPORT_FILE));

        assertThat(report.summary()).isEqualTo("Imported 1,674,718 readings for 100 households (2013-01-01 to 2013-12-31). "
                + "3 rows rejected: 2 with an invalid timestamp (lines 17, 902), 1 duplicate (line 44, first seen on line 43). "
                + "Every rejected or flagged line is listed, with its line number and reason, in "
                + REPORT_FILE.toAbsolutePath() + ".");
        assertThat(report.rejectedCount()).isEqualTo(3);
    }

    @Test
    void longListsOfLinesAreCutShort() {
        List<RejectedRow> rows = new ArrayList<>();
        for (int line = 2; line < 1_202; line++) {
            rows.add(RejectedRow.of(line, RejectionKind.MISSING_ENERGY, "energy is 'Null'", "Null"));
        }
        rows.add(RejectedRow.duplicate(2_000, 3, "duplicate", "a"));
        rows.add(RejectedRow.duplicate(2_001, 4, "duplicate", "b"));
        CsvImportReport report = new CsvImportReport(FILE, 1_203, 1, 1, JAN_1, JAN_1, rejections(rows), LineSample.none(),
                Optional.empty());

        assertThat(report.summary()).isEqualTo("Imported 1 reading for 1 household (2013-01-01 to 2013-01-01). "
                + "1,202 rows rejected: 1,200 with an empty or Null energy value (lines 2, 3, 4, 5, 6 and 1,195 more), "
                + "2 duplicates (line 2000, first seen on line 3; line 2001, first seen on line 4).");
        assertThat(report.rejectionCounts()).containsEntry(RejectionKind.MISSING_ENERGY, 1_200L)
                .containsEntry(RejectionKind.DUPLICATE, 2L).hasSize(2);
    }

    @Test
    void onlyASampleIsKeptButEveryKindIsCountedExactlyAndNamedByItsFirstLines() {
        LineSampler<RejectionKind, RejectedRow> sampler = new LineSampler<>(RejectionKind.class, RejectedRow::kind);
        for (long line = 2; line < 100_002; line++) {
            sampler.add(RejectedRow.of(line, RejectionKind.MISSING_ENERGY, "energy is 'Null'", "Null"));
        }
        for (long line = 100_002; line < 100_012; line++) {
            sampler.add(RejectedRow.of(line, RejectionKind.INVALID_TIMESTAMP, "tstp 'x' is not a date", "x"));
        }
        CsvImportReport report = new CsvImportReport(FILE, 100_011, 1, 1, JAN_1, JAN_1, sampler.sample(),
                LineSample.none(), Optional.of(REPORT_FILE));

        assertThat(report.rejectedCount()).isEqualTo(100_010);
        // The first 100 lines, then the first 5 of the kind that only began later.
        assertThat(report.rejectedRows()).hasSize(LineSampler.FIRST_LINES + LineSampler.FIRST_OF_EACH_KIND);
        assertThat(report.rejectedRows().subList(LineSampler.FIRST_LINES, report.rejectedRows().size()))
                .extracting(RejectedRow::lineNumber).containsExactly(100_002L, 100_003L, 100_004L, 100_005L, 100_006L);
        assertThat(report.summary()).contains("100,010 rows rejected: "
                + "10 with an invalid timestamp (lines 100002, 100003, 100004, 100005, 100006 and 5 more), "
                + "100,000 with an empty or Null energy value (lines 2, 3, 4, 5, 6 and 99,995 more).");
    }

    @Test
    void aCleanImportSaysNothingWasRejected() {
        CsvImportReport report = new CsvImportReport(FILE, 10, 10, 1, JAN_1, JAN_1, LineSample.none(), LineSample.none(),
                Optional.empty());

        assertThat(report.summary()).isEqualTo("Imported 10 readings for 1 household (2013-01-01 to 2013-01-01). "
                + "No rows were rejected.");
        assertThat(report.rejectionCounts()).isEmpty();
        assertThat(report.reportFile()).isEmpty();
    }

    @Test
    void flaggedReadingsAreCountedExactlyAndTheirFirstLinesListedBeforeTheRejections() {
        LineSampler<ReadingFlag, FlaggedRow> sampler = new LineSampler<>(ReadingFlag.class, FlaggedRow::flag);
        for (int line = 2; line < 1_209; line++) {
            sampler.add(new FlaggedRow(line, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), -0.5, ReadingFlag.NEGATIVE,
                    "negative"));
        }
        sampler.add(new FlaggedRow(1_300, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), 80, ReadingFlag.ABOVE_CEILING,
                "high"));
        CsvImportReport report = new CsvImportReport(FILE, 2_000, 2_000, 1, JAN_1, JAN_1, LineSample.none(),
                sampler.sample(), Optional.of(REPORT_FILE));

        assertThat(report.flaggedCount()).isEqualTo(1_208);
        assertThat(report.flaggedRows()).hasSize(LineSampler.FIRST_LINES + 1);
        assertThat(report.summary()).isEqualTo("Imported 2,000 readings for 1 household (2013-01-01 to 2013-01-01). "
                + "1,208 readings kept but flagged as implausible, not counted in totals: 1,207 negative (lines 2, 3, 4, 5, 6 "
                + "and 1,202 more), 1 above 50 kWh (line 1300). No rows were rejected. Every rejected or flagged line is "
                + "listed, with its line number and reason, in " + REPORT_FILE.toAbsolutePath() + ".");
    }

    @Test
    void flaggedReadingsAreAmongTheReadingsImported() {
        LineSampler<ReadingFlag, FlaggedRow> sampler = new LineSampler<>(ReadingFlag.class, FlaggedRow::flag);
        for (int line = 2; line < 13; line++) {
            sampler.add(new FlaggedRow(line, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), -1, ReadingFlag.NEGATIVE,
                    "negative"));
        }
        assertThatThrownBy(() -> new CsvImportReport(FILE, 10, 10, 1, JAN_1, JAN_1, LineSample.none(), sampler.sample(),
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be among the readings imported");
    }

    @Test
    void everyLineMustBeAccountedFor() {
        assertThatThrownBy(() -> new CsvImportReport(FILE, 11, 10, 1, JAN_1, JAN_1, LineSample.none(), LineSample.none(),
                Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must equal");
    }

    @Test
    void rejectedRowsKeepOnlyTheStartOfALongLineAndSayHowLongItWas() {
        RejectedRow row = RejectedRow.of(2, RejectionKind.WRONG_FIELD_COUNT, "too long", "x".repeat(1_000));

        assertThat(row.rawLine()).isEqualTo("x".repeat(200) + "… (1,000 characters)");
        assertThat(row.firstSeenOnLine()).isEmpty();
    }

    private static LineSample<RejectionKind, RejectedRow> rejections(List<RejectedRow> rows) {
        LineSampler<RejectionKind, RejectedRow> sampler = new LineSampler<>(RejectionKind.class, RejectedRow::kind);
        rows.forEach(sampler::add);
        return sampler.sample();
    }
}
