package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.series.ReadingFlag;
import org.junit.jupiter.api.io.TempDir;

class LondonSmartMeterCsvTest {

    @TempDir
    Path dir;

    static Path resource(String name) {
        try {
            return Path.of(LondonSmartMeterCsvTest.class.getResource("/importer/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<ParsedLine> readAll(Path file) throws IOException {
        List<ParsedLine> lines = new ArrayList<>();
        try (LondonSmartMeterCsv csv = LondonSmartMeterCsv.open(file)) {
            for (ParsedLine line = csv.next(); line != null; line = csv.next()) {
                lines.add(line);
            }
        }
        return lines;
    }

    @Test
    void everyDataLineIsEitherAReadingOrARejectionWithItsReason() throws IOException {
        List<ParsedLine> lines = readAll(resource("lcl_with_rejects.csv"));

        assertThat(lines).extracting(ParsedLine::lineNumber).containsExactly(
                2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L, 12L, 13L, 14L, 15L, 16L, 17L, 18L, 19L, 20L);
        assertThat(lines).filteredOn(MeterReading.class::isInstance).map(MeterReading.class::cast)
                .extracting(MeterReading::lineNumber, MeterReading::householdId, MeterReading::intervalStart, MeterReading::kwh,
                        MeterReading::flag)
                .containsExactly(
                        tuple(2L, "MAC000002", Instant.parse("2013-01-01T00:00:00Z"), 0.219, ReadingFlag.PLAUSIBLE),
                        tuple(3L, "MAC000002", Instant.parse("2013-01-01T00:30:00Z"), 0.241, ReadingFlag.PLAUSIBLE),
                        tuple(4L, "MAC000002", Instant.parse("2013-01-01T01:00:00Z"), 1.922, ReadingFlag.PLAUSIBLE),
                        // Implausible values are what a faulty meter sends: kept and flagged, not rejected.
                        tuple(14L, "MAC000002", Instant.parse("2013-01-01T04:00:00Z"), -0.1, ReadingFlag.NEGATIVE),
                        tuple(15L, "MAC000002", Instant.parse("2013-01-01T04:30:00Z"), 75.0, ReadingFlag.ABOVE_CEILING),
                        tuple(17L, "MAC000003", Instant.parse("2013-01-01T00:00:00Z"), 0.5, ReadingFlag.PLAUSIBLE),
                        tuple(18L, "MAC000003", Instant.parse("2013-01-01T00:30:00Z"), 0.0, ReadingFlag.PLAUSIBLE),
                        tuple(20L, "MAC000003", Instant.parse("2013-06-01T12:00:00Z"), 0.4, ReadingFlag.PLAUSIBLE));
        assertThat(lines).filteredOn(RejectedRow.class::isInstance).map(RejectedRow.class::cast)
                .extracting(RejectedRow::lineNumber, RejectedRow::kind, RejectedRow::reason)
                .containsExactly(
                        tuple(5L, RejectionKind.WRONG_FIELD_COUNT,
                                "expected 3 fields (LCLid, tstp, energy(kWh/hh)) but found 2"),
                        tuple(6L, RejectionKind.WRONG_FIELD_COUNT,
                                "expected 3 fields (LCLid, tstp, energy(kWh/hh)) but found 4"),
                        tuple(7L, RejectionKind.INVALID_HOUSEHOLD,
                                "LCLid is empty: every line needs a household id such as MAC000002"),
                        tuple(8L, RejectionKind.INVALID_HOUSEHOLD,
                                "LCLid 'HOUSE42' is not a household id: expected MAC followed by 6 digits, e.g. MAC000002"),
                        tuple(9L, RejectionKind.INVALID_TIMESTAMP,
                                "tstp '2013-13-01 02:00:00' is not a date and time in the form yyyy-MM-dd HH:mm:ss"),
                        tuple(10L, RejectionKind.OFF_HALF_HOUR,
                                "tstp '2013-01-01 02:15:00' does not start a half-hour: readings must start at :00 or :30"),
                        tuple(11L, RejectionKind.MISSING_ENERGY,
                                "energy(kWh/hh) is empty: the meter sent no reading for this half-hour"),
                        tuple(12L, RejectionKind.MISSING_ENERGY,
                                "energy(kWh/hh) is 'Null': the meter sent no reading for this half-hour"),
                        tuple(13L, RejectionKind.INVALID_ENERGY, "energy(kWh/hh) 'abc' is not a number"),
                        tuple(16L, RejectionKind.DUPLICATE,
                                "duplicate reading for MAC000002 at 2013-01-01 00:30:00: the first one, on line 3, was kept"),
                        tuple(19L, RejectionKind.WRONG_FIELD_COUNT,
                                "the line is empty: expected 3 fields (LCLid, tstp, energy(kWh/hh))"));
        RejectedRow duplicate = (RejectedRow) lines.get(14);
        assertThat(duplicate.firstSeenOnLine()).hasValue(3);
        assertThat(duplicate.rawLine()).isEqualTo("MAC000002,2013-01-01 00:30:00, 0.300 ");
    }

    @Test
    void gzipIsRecognisedFromTheContentAndReadsTheSameAsPlainText() throws IOException {
        Path plain = resource("lcl_with_rejects.csv");
        Path gz = dir.resolve("lcl.csv.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(plain, out);
        }

        assertThat(readAll(gz)).isEqualTo(readAll(plain));
        try (LondonSmartMeterCsv csv = LondonSmartMeterCsv.open(gz)) {
            assertThat(csv.isCompressed()).isTrue();
            assertThat(csv.sizeBytes()).isEqualTo(Files.size(gz));
        }
    }

    @Test
    void aWrongHeaderNamesTheExpectedAndTheFoundColumns() throws IOException {
        Path file = dir.resolve("readings.csv");
        Files.writeString(file, "meter,timestamp,kwh\nMAC000002,2013-01-01 00:00:00, 0.219 \n");

        assertThatThrownBy(() -> LondonSmartMeterCsv.open(file))
                .isInstanceOf(CsvImportException.class)
                .hasMessage("The file readings.csv is not a Low Carbon London smart-meter export: expected the columns "
                        + "LCLid, tstp, energy(kWh/hh) but the first line is \"meter,timestamp,kwh\". Choose a half-hourly "
                        + "file in the 'Smart meters in London' layout (LCLid, tstp, energy(kWh/hh)).");
    }

    @Test
    void anEmptyFileSaysWhatHeaderIsExpected() throws IOException {
        Path file = dir.resolve("empty.csv");
        Files.writeString(file, "");

        assertThatThrownBy(() -> LondonSmartMeterCsv.open(file))
                .isInstanceOf(CsvImportException.class)
                .hasMessageContaining("is empty")
                .hasMessageContaining("LCLid,tstp,energy(kWh/hh)");
    }

    @Test
    void aHeaderWithAByteOrderMarkAndSpacesIsAccepted() throws IOException {
        Path file = dir.resolve("bom.csv");
        Files.writeString(file, "\uFEFFLCLid, tstp ,energy(kWh/hh)\r\nMAC000002,2013-01-01 00:00:00, 0.219 \r\n",
                StandardCharsets.UTF_8);

        assertThat(readAll(file)).singleElement().isInstanceOf(MeterReading.class);
    }

    @Test
    void aMissingFileSaysSo() {
        assertThatThrownBy(() -> LondonSmartMeterCsv.open(dir.resolve("nowhere.csv.gz")))
                .isInstanceOf(CsvImportException.class)
                .hasMessageContaining("does not exist");
    }

    @Test
    void aTruncatedGzipFailsWithAClearMessageInsteadOfEndingEarly() throws IOException {
        Path truncated = LondonCsvImportTest.truncatedGzip(dir);

        assertThatThrownBy(() -> readAll(truncated))
                .isInstanceOf(CsvImportException.class)
                .hasMessageStartingWith("The compressed file truncated.csv.gz is incomplete or damaged: reading stopped after line ")
                .hasMessageContaining("Copy or download the file again");
    }

    @Test
    void longLinesAreKeptOnlyInPart() throws IOException {
        Path file = dir.resolve("long.csv");
        Files.writeString(file, "LCLid,tstp,energy(kWh/hh)\n" + "x".repeat(500) + "\n");

        RejectedRow row = (RejectedRow) readAll(file).get(0);
        assertThat(row.rawLine()).isEqualTo(QuotedText.cut("x".repeat(500))).startsWith("x".repeat(QuotedText.LIMIT) + "…");
        assertThat(row.kind()).isEqualTo(RejectionKind.WRONG_FIELD_COUNT);
    }

    @Test
    void aReasonQuotingALongValueQuotesOnlyItsStartAndLength() throws IOException {
        String longId = "M".repeat(3_000);
        String longStamp = "2013-01-01 00:00:00" + "0".repeat(1_000);
        String longEnergy = "1".repeat(300) + "x";
        Path file = dir.resolve("huge.csv");
        Files.writeString(file, "LCLid,tstp,energy(kWh/hh)\n" + longId + ",2013-01-01 00:00:00,0.1\n"
                + "MAC000002," + longStamp + ",0.1\n" + "MAC000002,2013-01-01 00:00:00," + longEnergy + "\n");

        List<ParsedLine> lines = readAll(file);

        assertThat(lines).extracting(line -> ((RejectedRow) line).reason()).containsExactly(
                "LCLid '" + QuotedText.cut(longId) + "' is not a household id: expected MAC followed by 6 digits, e.g. MAC000002",
                "tstp '" + QuotedText.cut(longStamp) + "' is not a date and time in the form yyyy-MM-dd HH:mm:ss",
                "energy(kWh/hh) '" + QuotedText.cut(longEnergy) + "' is not a number");
        assertThat(((RejectedRow) lines.get(0)).reason()).contains("… (3,000 characters)").hasSizeLessThan(400);
        assertThat(lines).extracting(line -> ((RejectedRow) line).rawLine()).allMatch(raw -> raw.length() < 250);
    }

    @Test
    void aLineLongerThanAnyReadingIsRejectedAsTooLongWithoutBeingReadWhole() throws IOException {
        Path file = dir.resolve("blob.csv");
        int length = 5_000_000;
        Files.writeString(file, "LCLid,tstp,energy(kWh/hh)\n" + "MAC000002,".repeat(length / 10)
                + "\nMAC000002,2013-01-01 00:00:00,0.1\n");

        List<ParsedLine> lines = readAll(file);

        RejectedRow row = (RejectedRow) lines.get(0);
        assertThat(row.kind()).isEqualTo(RejectionKind.TOO_LONG);
        assertThat(row.lineNumber()).isEqualTo(2);
        assertThat(row.reason()).isEqualTo("the line is 5,000,000 characters long: a reading line holds 3 short fields "
                + "(LCLid, tstp, energy(kWh/hh)) in well under 4,096 characters");
        assertThat(row.rawLine()).startsWith("MAC000002,MAC000002,").endsWith("… (5,000,000 characters)");
        assertThat(lines.get(1)).isInstanceOf(MeterReading.class).extracting(ParsedLine::lineNumber).isEqualTo(3L);
    }

    @Test
    void aWrongHeaderIsQuotedByTheSameRule() throws IOException {
        Path file = dir.resolve("wide.csv");
        String header = "column".repeat(100);
        Files.writeString(file, header + "\nMAC000002,2013-01-01 00:00:00,0.1\n");

        assertThatThrownBy(() -> LondonSmartMeterCsv.open(file))
                .isInstanceOf(CsvImportException.class)
                .hasMessageContaining("but the first line is \"" + QuotedText.cut(header) + "\"")
                .hasMessageContaining("(600 characters)");
    }

    @Test
    void timestampsAreStrictButAcceptTheFractionalSecondsOfOtherLclExports() {
        assertThat(LondonSmartMeterCsv.parseTimestamp("2013-03-31 01:00:00")).hasToString("2013-03-31T01:00");
        assertThat(LondonSmartMeterCsv.parseTimestamp("2012-10-12 00:30:00.0000000")).hasToString("2012-10-12T00:30");
        assertThat(LondonSmartMeterCsv.parseTimestamp("2013-02-29 00:00:00")).isNull();
        assertThat(LondonSmartMeterCsv.parseTimestamp("2013-01-01 24:00:00")).isNull();
        assertThat(LondonSmartMeterCsv.parseTimestamp("2013-01-01")).isNull();
        assertThat(LondonSmartMeterCsv.parseTimestamp("01/01/2013 00:00:00")).isNull();
    }

    @Test
    void energyMustBePlainDecimalNotingWhatJavaWouldOtherwiseAccept() {
        assertThat(LondonSmartMeterCsv.isDecimal("0.219")).isTrue();
        assertThat(LondonSmartMeterCsv.isDecimal("1.9220001")).isTrue();
        assertThat(LondonSmartMeterCsv.isDecimal(".5")).isTrue();
        assertThat(LondonSmartMeterCsv.isDecimal("2e-3")).isTrue();
        assertThat(LondonSmartMeterCsv.isDecimal("NaN")).isFalse();
        assertThat(LondonSmartMeterCsv.isDecimal("Infinity")).isFalse();
        assertThat(LondonSmartMeterCsv.isDecimal("1d")).isFalse();
        assertThat(LondonSmartMeterCsv.isDecimal("0x1p3")).isFalse();
        assertThat(LondonSmartMeterCsv.isDecimal("-")).isFalse();
        assertThat(LondonSmartMeterCsv.isDecimal("1,5")).isFalse();
    }

    @Test
    void householdIdsNeedExactlySixDigitsSoTheMpanMappingIsOneToOne() {
        assertThat(LondonSmartMeterCsv.householdNumber("MAC000002")).isEqualTo(2);
        assertThat(LondonSmartMeterCsv.householdNumber("MAC005567")).isEqualTo(5567);
        assertThat(LondonSmartMeterCsv.householdNumber("MAC0002")).isEqualTo(-1);
        assertThat(LondonSmartMeterCsv.householdNumber("ABC000002")).isEqualTo(-1);
        assertThat(LondonSmartMeterCsv.householdNumber("MAC00000X")).isEqualTo(-1);
    }
}
