package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.entry;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.WorkspaceSql;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.series.ReadingFlag;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;
import uk.consumptioninsights.model.work.Progress;

class LondonCsvImportTest {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").withZone(ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final LondonCsvImport importer = new LondonCsvImport();

    @Test
    void importsTheGoodRowsReportsEveryRejectedLineAndMatchesGold() throws Exception {
        Path csv = LondonSmartMeterCsvTest.resource("lcl_with_rejects.csv");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            CsvImportReport report = importer.importFile(csv, workspace, Progress.NONE);

            assertThat(report.linesRead()).isEqualTo(19);
            assertThat(report.readingsImported()).isEqualTo(8);
            assertThat(report.flaggedCount()).isEqualTo(2);
            assertThat(report.flaggedRows()).extracting(FlaggedRow::lineNumber, FlaggedRow::flag)
                    .containsExactly(tuple(14L, ReadingFlag.NEGATIVE), tuple(15L, ReadingFlag.ABOVE_CEILING));
            assertThat(report.households()).isEqualTo(2);
            assertThat(report.firstSettlementDate()).isEqualTo(LocalDate.of(2013, 1, 1));
            assertThat(report.lastSettlementDate()).isEqualTo(LocalDate.of(2013, 6, 1));
            assertThat(report.rejectedRows()).extracting(RejectedRow::lineNumber)
                    .containsExactly(5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 16L, 19L);
            assertThat(report.rejectionCounts()).containsExactly(
                    entry(RejectionKind.WRONG_FIELD_COUNT, 3L),
                    entry(RejectionKind.INVALID_HOUSEHOLD, 2L),
                    entry(RejectionKind.INVALID_TIMESTAMP, 1L),
                    entry(RejectionKind.OFF_HALF_HOUR, 1L),
                    entry(RejectionKind.MISSING_ENERGY, 2L),
                    entry(RejectionKind.INVALID_ENERGY, 1L),
                    entry(RejectionKind.DUPLICATE, 1L));
            assertThat(report.summary()).isEqualTo("Imported 8 readings for 2 households (2013-01-01 to 2013-06-01). "
                    + "2 readings kept but flagged as implausible, not counted in totals: 1 negative (line 14), "
                    + "1 above 50 kWh (line 15). "
                    + "11 rows rejected: 3 with the wrong number of fields (lines 5, 6, 19), "
                    + "2 with a missing or invalid household id (lines 7, 8), 1 with an invalid timestamp (line 9), "
                    + "1 with a timestamp not on a half-hour boundary (line 10), "
                    + "2 with an empty or Null energy value (lines 11, 12), "
                    + "1 with an energy value that is not a number (line 13), 1 duplicate (line 16, first seen on line 3). "
                    + "Every rejected or flagged line is listed, with its line number and reason, in "
                    + dir.resolve("ws.import-report.csv").toAbsolutePath() + ".");
            assertThat(report.reportFile()).contains(dir.resolve("ws.import-report.csv"));

            // Flagged readings are kept in silver with their flag, out of gold's consumption, in gold's flagged view.
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM silver.hh_readings")).isEqualTo(8);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_half_hourly")).isEqualTo(6);
            assertThat(rows(workspace, "SELECT CAST(recorded_kwh AS VARCHAR), quality FROM gold.flagged_readings "
                    + "ORDER BY interval_start_utc")).containsExactly(List.of("-0.1", "negative"), List.of("75.0", "above_ceiling"));
            // Totals never include them: MAC000002's 1 January is 0.219 + 0.241 + 1.922 with two flagged periods beside.
            assertThat(rows(workspace, "SELECT CAST(round(kwh_total, 3) AS VARCHAR), CAST(periods_read AS VARCHAR), "
                    + "CAST(periods_flagged AS VARCHAR) FROM gold.consumption_daily d JOIN gold.meters m USING (meter_id) "
                    + "WHERE m.mpan = '" + Mpan.of(12, 2).core() + "' AND settlement_date = DATE '2013-01-01'"))
                    .containsExactly(List.of("2.382", "3", "2"));
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_gsp_half_hourly "
                    + "WHERE interval_start_utc IN (TIMESTAMP '2013-01-01 04:00:00', TIMESTAMP '2013-01-01 04:30:00')")).isZero();
            assertThat(workspace.status()).isEqualTo(WorkspaceStatus.READY);
            assertThat(workspace.info()).contains(
                    entry("kind", "imported"),
                    entry("source_file", "lcl_with_rejects.csv"),
                    entry("households", "2"),
                    entry("first_day", "2013-01-01"),
                    entry("last_day", "2013-06-01"));
        }
    }

    @Test
    void theReportFileListsEveryRejectedAndFlaggedLineWithItsNumberReasonAndText() throws Exception {
        Path csv = LondonSmartMeterCsvTest.resource("lcl_with_rejects.csv");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            importer.importFile(csv, workspace, Progress.NONE);
        }

        Path reportFile = dir.resolve("ws.import-report.csv");
        if (Files.getFileStore(dir).supportsFileAttributeView("posix")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(reportFile))).isEqualTo("rw-------");
        }
        List<String> lines = Files.readAllLines(reportFile);
        assertThat(lines).containsExactly(
                "line,outcome,kind,reason,text",
                "5,rejected,wrong_field_count,\"expected 3 fields (LCLid, tstp, energy(kWh/hh)) but found 2\","
                        + "\"MAC000002,2013-01-01 01:30:00\"",
                "6,rejected,wrong_field_count,\"expected 3 fields (LCLid, tstp, energy(kWh/hh)) but found 4\","
                        + "\"MAC000002,2013-01-01 02:00:00, 0.1 ,extra\"",
                "7,rejected,invalid_household,LCLid is empty: every line needs a household id such as MAC000002,"
                        + "\",2013-01-01 02:00:00, 0.2 \"",
                "8,rejected,invalid_household,\"LCLid 'HOUSE42' is not a household id: expected MAC followed by 6 digits, "
                        + "e.g. MAC000002\",\"HOUSE42,2013-01-01 02:00:00, 0.2 \"",
                "9,rejected,invalid_timestamp,tstp '2013-13-01 02:00:00' is not a date and time in the form "
                        + "yyyy-MM-dd HH:mm:ss,\"MAC000002,2013-13-01 02:00:00, 0.2 \"",
                "10,rejected,off_half_hour,tstp '2013-01-01 02:15:00' does not start a half-hour: readings must start "
                        + "at :00 or :30,\"MAC000002,2013-01-01 02:15:00, 0.2 \"",
                "11,rejected,missing_energy,energy(kWh/hh) is empty: the meter sent no reading for this half-hour,"
                        + "\"MAC000002,2013-01-01 02:30:00, \"",
                "12,rejected,missing_energy,energy(kWh/hh) is 'Null': the meter sent no reading for this half-hour,"
                        + "\"MAC000002,2013-01-01 03:00:00,Null\"",
                "13,rejected,invalid_energy,energy(kWh/hh) 'abc' is not a number,\"MAC000002,2013-01-01 03:30:00, abc \"",
                "14,flagged,negative,-0.100 kWh is negative: an import meter cannot record negative consumption,"
                        + "\"MAC000002,2013-01-01 04:00:00,-0.1\"",
                "15,flagged,above_ceiling,75.000 kWh in a half-hour is more than the 50 kWh any household or small "
                        + "business supply can deliver,\"MAC000002,2013-01-01 04:30:00,75.0\"",
                "16,rejected,duplicate,\"duplicate reading for MAC000002 at 2013-01-01 00:30:00: the first one, on line 3, "
                        + "was kept\",\"MAC000002,2013-01-01 00:30:00, 0.300 \"",
                "19,rejected,wrong_field_count,\"the line is empty: expected 3 fields (LCLid, tstp, energy(kWh/hh))\",");
    }

    @Test
    void aCleanImportWritesNoReportFile() throws Exception {
        Path csv = dir.resolve("clean.csv");
        List<String> lines = new ArrayList<>(List.of("LCLid,tstp,energy(kWh/hh)"));
        addHalfHours(lines, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2013-01-02T00:00:00Z"));
        Files.write(csv, lines);
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            CsvImportReport report = importer.importFile(csv, workspace, Progress.NONE);

            assertThat(report.reportFile()).isEmpty();
            assertThat(report.summary()).endsWith("No rows were rejected.");
        }
        assertThat(dir.resolve("ws.import-report.csv")).doesNotExist();
    }

    @Test
    void writesRegistrationsAndOneDeliveryPerHouseholdDayWithNullsForMissingPeriods() throws Exception {
        Path csv = LondonSmartMeterCsvTest.resource("lcl_with_rejects.csv");
        String mac2 = Mpan.of(12, 2).core();
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            importer.importFile(csv, workspace, Progress.NONE);

            assertThat(rows(workspace, "SELECT mpan, gsp_group, customer_class, source_meter_id, source "
                    + "FROM bronze.meter_registrations ORDER BY mpan")).containsExactly(
                    List.of(mac2, "_C", "domestic", "MAC000002", "csv:lcl_with_rejects.csv"),
                    List.of(Mpan.of(12, 3).core(), "_C", "domestic", "MAC000003", "csv:lcl_with_rejects.csv"));
            assertThat(rows(workspace, "SELECT mpan, CAST(settlement_date AS VARCHAR), CAST(first_interval_utc AS VARCHAR), "
                    + "CAST(len(period_kwh) AS VARCHAR), CAST(period_kwh[1] AS VARCHAR), CAST(period_kwh[3] AS VARCHAR), "
                    + "CAST(period_kwh[4] IS NULL AS VARCHAR), CAST(ingest_batch AS VARCHAR), CAST(version AS VARCHAR), source "
                    + "FROM bronze.hh_deliveries ORDER BY mpan, settlement_date")).containsExactly(
                    List.of(mac2, "2013-01-01", "2013-01-01 00:00:00", "48", "0.219", "1.922", "true", "0", "1",
                            "csv:lcl_with_rejects.csv"),
                    List.of(Mpan.of(12, 3).core(), "2013-01-01", "2013-01-01 00:00:00", "48", "0.5", "NULL", "true", "0", "1",
                            "csv:lcl_with_rejects.csv"),
                    // 12:00 UTC on a BST day is 13:00 local, period 27 of a day that began at 23:00 UTC.
                    List.of(Mpan.of(12, 3).core(), "2013-06-01", "2013-05-31 23:00:00", "48", "NULL", "NULL", "true", "0", "1",
                            "csv:lcl_with_rejects.csv"));
            assertThat(rows(workspace, "SELECT CAST(settlement_period AS VARCHAR), CAST(kwh AS VARCHAR) "
                    + "FROM gold.consumption_half_hourly WHERE settlement_date = DATE '2013-06-01'"))
                    .containsExactly(List.of("27", "0.4"));
            assertThat(rows(workspace, "SELECT gsp_group, region FROM gold.meters WHERE mpan = '" + mac2 + "'"))
                    .containsExactly(List.of("_C", "London"));
            // The export names no read type: its values are the meters' own reads (gaps stay missing), marked actual,
            // with no settlement run; so all its energy is on actual reads.
            assertThat(rows(workspace, "SELECT DISTINCT coalesce(read_type, 'NULL'), coalesce(settlement_run, 'NULL') "
                    + "FROM silver.hh_readings")).containsExactly(List.of("actual", "NULL"));
            assertThat(rows(workspace, "SELECT CAST(sum(kwh_actual) = sum(kwh_total) AS VARCHAR), "
                    + "CAST(sum(periods_estimated) AS VARCHAR) FROM gold.data_quality_daily"))
                    .containsExactly(List.of("true", "0"));
        }
    }

    @Test
    void mapsEachHouseholdToAStableValidLondonMpan() {
        Mpan mpan = LondonCsvImport.mpanFor("MAC000002");

        assertThat(mpan).isEqualTo(Mpan.of(12, 2));
        assertThat(mpan.core()).startsWith("12000000000" + "2").hasSize(13);
        assertThat(Mpan.isValidCore(mpan.core())).isTrue();
        assertThat(mpan.gspGroup()).hasValue(LondonCsvImport.GSP_GROUP);
        assertThat(LondonCsvImport.mpanFor("MAC005567")).isEqualTo(Mpan.of(12, 5567));
        assertThatThrownBy(() -> LondonCsvImport.mpanFor("MAC0002")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void clockChangeDaysHave46And50PeriodsNumberedFromLondonMidnight() throws Exception {
        Path csv = dir.resolve("clock_changes_2013.csv");
        List<String> lines = new ArrayList<>(List.of("LCLid,tstp,energy(kWh/hh)"));
        addHalfHours(lines, "MAC000007", Instant.parse("2013-03-30T00:00:00Z"), Instant.parse("2013-04-02T00:00:00Z"));
        addHalfHours(lines, "MAC000007", Instant.parse("2013-10-26T00:00:00Z"), Instant.parse("2013-10-29T00:00:00Z"));
        Files.write(csv, lines);

        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            CsvImportReport report = importer.importFile(csv, workspace, Progress.NONE);
            assertThat(report.rejectedRows()).isEmpty();
            assertThat(report.readingsImported()).isEqualTo(6 * 48);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_half_hourly")).isEqualTo(6 * 48);

            // Array length per settlement day; 2013-10-26 is a BST day whose first two periods (23:00Z, 23:30Z on
            // the 25th) are not in the file, so it is the only one with gaps.
            assertThat(rows(workspace, "SELECT CAST(settlement_date AS VARCHAR), CAST(first_interval_utc AS VARCHAR), "
                    + "CAST(len(period_kwh) AS VARCHAR), CAST(list_aggregate(period_kwh, 'count') AS VARCHAR) "
                    + "FROM bronze.hh_deliveries ORDER BY settlement_date")).containsExactly(
                    List.of("2013-03-30", "2013-03-30 00:00:00", "48", "48"),
                    List.of("2013-03-31", "2013-03-31 00:00:00", "46", "46"),
                    List.of("2013-04-01", "2013-03-31 23:00:00", "48", "48"),
                    List.of("2013-04-02", "2013-04-01 23:00:00", "48", "2"),
                    List.of("2013-10-26", "2013-10-25 23:00:00", "48", "46"),
                    List.of("2013-10-27", "2013-10-26 23:00:00", "50", "50"),
                    List.of("2013-10-28", "2013-10-28 00:00:00", "48", "48"));
            assertThat(rows(workspace, "SELECT CAST(settlement_date AS VARCHAR), CAST(periods_read AS VARCHAR) "
                    + "FROM gold.consumption_daily WHERE settlement_date IN ('2013-03-31', '2013-10-27')"
                    + " ORDER BY settlement_date")).containsExactly(List.of("2013-03-31", "46"), List.of("2013-10-27", "50"));

            // gb-domain.md §1.2-1.3: spring SP3 = 01:00Z (02:00 BST); autumn SP1 = 23:00Z the day before,
            // SP3 = 00:00Z (01:00 BST), SP5 = 01:00Z (01:00 GMT), SP50 = 23:30Z.
            assertPeriod(workspace, "2013-03-31T00:00:00Z", "2013-03-31", 1);
            assertPeriod(workspace, "2013-03-31T01:00:00Z", "2013-03-31", 3);
            assertPeriod(workspace, "2013-03-31T22:30:00Z", "2013-03-31", 46);
            assertPeriod(workspace, "2013-03-31T23:00:00Z", "2013-04-01", 1);
            assertPeriod(workspace, "2013-10-26T22:30:00Z", "2013-10-26", 48);
            assertPeriod(workspace, "2013-10-26T23:00:00Z", "2013-10-27", 1);
            assertPeriod(workspace, "2013-10-27T00:00:00Z", "2013-10-27", 3);
            assertPeriod(workspace, "2013-10-27T01:00:00Z", "2013-10-27", 5);
            assertPeriod(workspace, "2013-10-27T23:30:00Z", "2013-10-27", 50);
            assertPeriod(workspace, "2013-10-28T00:00:00Z", "2013-10-28", 1);
        }
    }

    @Test
    void refusesAWorkspaceThatAlreadyHoldsData() throws Exception {
        Path csv = LondonSmartMeterCsvTest.resource("lcl_with_rejects.csv");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            importer.importFile(csv, workspace, Progress.NONE);

            assertThatThrownBy(() -> importer.importFile(csv, workspace, Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("The workspace ws.duckdb already holds data. A CSV is imported only into a new, empty "
                            + "workspace: create one and import the file there.");
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM gold.consumption_half_hourly")).isEqualTo(6);
        }
    }

    @Test
    void refusesAWorkspaceLeftBuildingByAnUnfinishedRun() throws Exception {
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name()));

            assertThatThrownBy(() -> importer.importFile(LondonSmartMeterCsvTest.resource("lcl_with_rejects.csv"),
                    workspace, Progress.NONE))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("unfinished build or import (status BUILDING)")
                    .hasMessageContaining("Create a new, empty workspace");
        }
    }

    @Test
    void aTruncatedGzipFailsClearlyAndLeavesTheWorkspaceNotReadyAndBronzeEmpty() throws Exception {
        Path truncated = truncatedGzip(dir);
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            assertThatThrownBy(() -> importer.importFile(truncated, workspace, Progress.NONE))
                    .isInstanceOf(CsvImportException.class)
                    .hasMessageContaining("truncated.csv.gz is incomplete or damaged");

            assertThat(workspace.status()).isEqualTo(WorkspaceStatus.BUILDING);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM bronze.hh_deliveries")).isZero();
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM bronze.meter_registrations")).isZero();
        }
    }

    @Test
    void aWrongHeaderIsRejectedBeforeTheWorkspaceIsTouched() throws Exception {
        Path csv = dir.resolve("octopus.csv");
        Files.writeString(csv, "Consumption (kWh), Start, End\n0.219, 2013-01-01T00:00:00Z, 2013-01-01T00:30:00Z\n");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            assertThatThrownBy(() -> importer.importFile(csv, workspace, Progress.NONE))
                    .isInstanceOf(CsvImportException.class)
                    .hasMessageContaining("expected the columns LCLid, tstp, energy(kWh/hh)")
                    .hasMessageContaining("\"Consumption (kWh), Start, End\"");

            assertThat(workspace.status()).isEqualTo(WorkspaceStatus.EMPTY);
        }
    }

    @Test
    void aFileWithNoValidReadingsIsNotMadeReady() throws Exception {
        Path csv = dir.resolve("all_bad.csv");
        Files.writeString(csv, "LCLid,tstp,energy(kWh/hh)\nMAC000002,2013-01-01 00:00:00,Null\n");
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            assertThatThrownBy(() -> importer.importFile(csv, workspace, Progress.NONE))
                    .isInstanceOf(CsvImportException.class)
                    .hasMessageStartingWith("The file all_bad.csv contains no valid readings, so nothing was imported. "
                            + "Imported 0 readings for 0 households. 1 row rejected: 1 with an empty or Null energy value "
                            + "(line 2). Fix the rejected lines");

            assertThat(workspace.status()).isNotEqualTo(WorkspaceStatus.READY);
        }
        assertThat(dir.resolve("ws.import-report.csv")).as("a failed import leaves no report file").doesNotExist();
    }

    @Test
    void cancellingWhileReadingLeavesTheWorkspaceBuildingWithNothingInBronze() throws Exception {
        Path csv = dir.resolve("year.csv");
        List<String> lines = new ArrayList<>(List.of("LCLid,tstp,energy(kWh/hh)"));
        addHalfHours(lines, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z"));
        Files.write(csv, lines);
        List<String> messages = new ArrayList<>();
        Progress cancelAfterFirstReport = new Progress() {
            @Override
            public void report(double fraction, String message) {
                messages.add(message);
            }

            @Override
            public boolean isCancelled() {
                return !messages.isEmpty();
            }
        };
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            assertThatThrownBy(() -> importer.importFile(csv, workspace, cancelAfterFirstReport))
                    .isInstanceOf(CancellationException.class);

            assertThat(messages).as("cancelled while reading, before the last line").containsExactly("Reading year.csv");

            assertThat(workspace.status()).isEqualTo(WorkspaceStatus.BUILDING);
            assertThat(WorkspaceSql.longOf(workspace, "SELECT count(*) FROM bronze.hh_deliveries")).isZero();
        }
    }

    @Test
    void reportsProgressAsAFractionOfTheFileThatOnlyGrows() throws Exception {
        Path csv = dir.resolve("year.csv");
        List<String> lines = new ArrayList<>(List.of("LCLid,tstp,energy(kWh/hh)"));
        addHalfHours(lines, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z"));
        Files.write(csv, lines);
        List<Double> fractions = new ArrayList<>();
        Progress recording = new Progress() {
            @Override
            public void report(double fraction, String message) {
                fractions.add(fraction);
            }

            @Override
            public boolean isCancelled() {
                return false;
            }
        };
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("ws.duckdb"))) {
            importer.importFile(csv, workspace, recording);
        }

        assertThat(fractions).hasSizeGreaterThan(3).isSorted().allSatisfy(f -> assertThat(f).isBetween(0.0, 1.0));
        assertThat(fractions.get(fractions.size() - 1)).isEqualTo(1.0);
    }

    /** A year of one household, cut at 60 %: far enough in that the header and many lines read fine first. */
    static Path truncatedGzip(Path dir) throws IOException {
        List<String> lines = new ArrayList<>(List.of("LCLid,tstp,energy(kWh/hh)"));
        addHalfHours(lines, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), Instant.parse("2014-01-01T00:00:00Z"));
        Path whole = dir.resolve("whole.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(whole))) {
            out.write(String.join("\n", lines).concat("\n").getBytes(StandardCharsets.UTF_8));
        }
        byte[] bytes = Files.readAllBytes(whole);
        Path truncated = dir.resolve("truncated.csv.gz");
        Files.write(truncated, Arrays.copyOf(bytes, bytes.length * 6 / 10));
        return truncated;
    }

    /** One line per half-hour in [from, to), with a value that differs per line so mix-ups show. */
    static void addHalfHours(List<String> lines, String household, Instant from, Instant to) {
        int i = 0;
        for (Instant t = from; t.isBefore(to); t = t.plusSeconds(1800), i++) {
            lines.add(household + "," + STAMP.format(t) + ", " + kwhAt(t) + " ");
        }
    }

    private static String kwhAt(Instant t) {
        return String.format(Locale.ROOT, "%.3f", (t.getEpochSecond() / 1800 % 4000) / 1000.0);
    }

    private static void assertPeriod(LocalWorkspace workspace, String utc, String date, int period) throws SQLException {
        Instant start = Instant.parse(utc);
        assertThat(SettlementCalendar.periodOf(start)).isEqualTo(new SettlementPeriod(LocalDate.parse(date), period));
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT CAST(settlement_date AS VARCHAR), settlement_period, "
                     + "CAST(kwh AS VARCHAR) FROM gold.consumption_half_hourly WHERE interval_start_utc = CAST(? AS TIMESTAMP)")) {
            ps.setString(1, STAMP.format(start));
            try (ResultSet rs = ps.executeQuery()) {
                assertThat(rs.next()).as("a gold row at %s", utc).isTrue();
                assertThat(rs.getString(1)).as("settlement date of %s", utc).isEqualTo(date);
                assertThat(rs.getInt(2)).as("settlement period of %s", utc).isEqualTo(period);
                assertThat(Double.parseDouble(rs.getString(3))).as("kWh at %s", utc).isEqualTo(Double.parseDouble(kwhAt(start)));
                assertThat(rs.next()).as("only one gold row at %s", utc).isFalse();
            }
        }
    }


    private static List<List<String>> rows(LocalWorkspace workspace, String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            int columns = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= columns; i++) {
                    String value = rs.getString(i);
                    row.add(value == null ? "NULL" : value);
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
