package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Any bytes as a meter file, plain or gzip: it is refused with a {@link CsvImportException} for the analyst, or every
 * data line comes back, in order, as a reading or a rejection with its reason; never another exception. A reading is a
 * whole half-hour of a real household id with a finite value and the flag that value earns, and no (household,
 * half-hour) is read twice; what is quoted back holds whole characters.
 * Seeds: {@code LondonSmartMeterCsvFuzzTestInputs/anyMeterFile/}.
 */
class LondonSmartMeterCsvFuzzTest {

    private static final long HALF_HOUR_SECONDS = 1800;

    @TempDir
    Path folder;

    /** The file's vocabulary, for the fuzzer to splice in. */
    @DictionaryEntries({"LCLid,tstp,energy(kWh/hh)", "MAC000002", "MAC999999", "2013-01-01 00:00:00",
            "2013-12-31T23:30:00.000000000", ",", "Null", "e-", "E+"})
    @FuzzTest
    void anyMeterFile(byte[] content) throws IOException {
        Path file = folder.resolve("meters.csv");
        Files.write(file, content);
        try (LondonSmartMeterCsv csv = LondonSmartMeterCsv.open(file)) {
            long expectedLine = 2;
            Set<String> read = new HashSet<>();
            for (ParsedLine line = csv.next(); line != null; line = csv.next()) {
                assertThat(line.lineNumber()).isEqualTo(expectedLine++);
                if (line instanceof MeterReading reading) {
                    assertReading(reading);
                    assertThat(read.add(reading.householdId() + "@" + reading.intervalStart()))
                            .as("line %d repeats a household's half-hour that was read already", line.lineNumber())
                            .isTrue();
                } else if (line instanceof RejectedRow rejected) {
                    assertThat(rejected.reason()).isNotBlank();
                    assertThat(rejected.kind()).isNotNull();
                    assertWholeCharacters(rejected.reason());
                    assertWholeCharacters(rejected.rawLine());
                }
            }
            assertThat(csv.dataLinesRead()).isEqualTo(expectedLine - 2);
        } catch (CsvImportException refused) {
            assertThat(refused.getMessage()).isNotBlank();
            assertWholeCharacters(refused.getMessage());
        }
    }

    /**
     * Text shown to the analyst holds whole characters: the file is decoded with replacement, so half a surrogate pair
     * can only come from cutting a quoted line in the middle of a character such as an emoji.
     */
    private static void assertWholeCharacters(String shown) {
        for (int i = 0; i < shown.length(); i++) {
            char c = shown.charAt(i);
            boolean paired = Character.isHighSurrogate(c)
                    ? i + 1 < shown.length() && Character.isLowSurrogate(shown.charAt(i + 1))
                    : !Character.isLowSurrogate(c) || i > 0 && Character.isHighSurrogate(shown.charAt(i - 1));
            assertThat(paired).as("character %d of \"%s\" is half of a surrogate pair", i, shown).isTrue();
        }
    }

    private static void assertReading(MeterReading reading) {
        assertThat(reading.householdId()).matches("MAC\\d{6}");
        assertThat(reading.intervalStart().getNano()).isZero();
        assertThat(Math.floorMod(reading.intervalStart().getEpochSecond(), HALF_HOUR_SECONDS)).isZero();
        assertThat(Double.isFinite(reading.kwh())).as("kWh %s is a finite number", reading.kwh()).isTrue();
        assertThat(reading.flag()).isEqualTo(ReadingFlag.of(reading.kwh()));
    }
}
