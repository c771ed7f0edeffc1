package uk.consumptioninsights.dataaccess.importer;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import uk.consumptioninsights.model.series.ReadingFlag;

/**
 * Streams a Low Carbon London smart-meter export in the "Smart meters in London" layout: header
 * {@code LCLid,tstp,energy(kWh/hh)}, one household half-hour per line, {@code tstp} the UTC start of the half-hour and
 * the energy padded with spaces. Plain or gzip-compressed; compression is recognised from the content, not the name.
 *
 * <p>Every data line comes back from {@link #next()} as a {@link MeterReading} or a {@link RejectedRow}: nothing is
 * dropped silently. A well-formed but physically implausible value (negative, or above
 * {@value ReadingFlag#CEILING_KWH} kWh) is a reading with its {@link ReadingFlag}, not a rejection. Lines are parsed one at a time; the only state that grows is the index of imported
 * (household, half-hour) keys needed to report duplicates.
 */
public final class LondonSmartMeterCsv implements Closeable {

    public static final List<String> COLUMNS = List.of("LCLid", "tstp", "energy(kWh/hh)");

    private static final String HOUSEHOLD_PREFIX = "MAC";
    private static final int HOUSEHOLD_DIGITS = 6;
    private static final int BUFFER_BYTES = 1 << 16;
    private static final long HALF_HOUR_SECONDS = 1800;

    private final Path file;
    private final long sizeBytes;
    private final boolean compressed;
    private final CountingInputStream counted;
    private final BufferedReader reader;
    private final FirstSeenLines firstSeen = new FirstSeenLines();
    private long lineNumber;
    private long dataLines;

    private LondonSmartMeterCsv(Path file, long sizeBytes, boolean compressed, CountingInputStream counted,
                                BufferedReader reader) {
        this.file = file;
        this.sizeBytes = sizeBytes;
        this.compressed = compressed;
        this.counted = counted;
        this.reader = reader;
    }

    /** Opens the file and checks its header, so a wrong file fails before anything is written. */
    public static LondonSmartMeterCsv open(Path file) throws IOException {
        long size;
        InputStream raw;
        try {
            size = Files.size(file);
            raw = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new CsvImportException("The file " + file + " does not exist. Check the path and choose the file again.", e);
        } catch (IOException e) {
            throw new CsvImportException("The file " + file + " cannot be opened (" + e.getMessage()
                    + "). Check that it exists and that you may read it.", e);
        }
        LondonSmartMeterCsv csv = null;
        try {
            CountingInputStream counted = new CountingInputStream(raw);
            BufferedInputStream buffered = new BufferedInputStream(counted, BUFFER_BYTES);
            boolean gzip = startsWithGzipMagic(buffered);
            InputStream content = gzip ? new GZIPInputStream(buffered, BUFFER_BYTES) : buffered;
            BufferedReader reader = new BufferedReader(new InputStreamReader(content, StandardCharsets.UTF_8), BUFFER_BYTES);
            csv = new LondonSmartMeterCsv(file, size, gzip, counted, reader);
            csv.readHeader();
            return csv;
        } catch (IOException | RuntimeException e) {
            if (csv != null) {
                csv.close();
            } else {
                raw.close();
            }
            if (e instanceof ZipException || e instanceof EOFException) {
                throw new CsvImportException("The file " + file.getFileName() + " starts like a gzip file but cannot be "
                        + "decompressed (" + e.getMessage() + "). Copy or download the file again.", e);
            }
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    /** True when the content is gzip-compressed. */
    public boolean isCompressed() {
        return compressed;
    }

    /** Size of the file on disk: compressed bytes for a .gz. */
    public long sizeBytes() {
        return sizeBytes;
    }

    /** Bytes taken from the file so far (read ahead in 64 KiB blocks), comparable with {@link #sizeBytes()}. */
    public long bytesRead() {
        return counted.count();
    }

    /** Data lines returned so far, excluding the header. */
    public long dataLinesRead() {
        return dataLines;
    }

    /** The next data line as a reading or a rejection, or null at the end of the file. */
    public ParsedLine next() throws IOException {
        String line = readLine();
        if (line == null) {
            return null;
        }
        lineNumber++;
        dataLines++;
        return parse(line, lineNumber);
    }

    @Override
    public void close() throws IOException {
        reader.close();
    }

    private static boolean startsWithGzipMagic(BufferedInputStream in) throws IOException {
        in.mark(2);
        int first = in.read();
        int second = in.read();
        in.reset();
        return first == 0x1f && second == 0x8b;
    }

    private void readHeader() throws IOException {
        String header = readLine();
        if (header == null) {
            throw new CsvImportException("The file " + file.getFileName() + " is empty. Expected a header line "
                    + String.join(",", COLUMNS) + " followed by one line per half-hour reading.");
        }
        lineNumber = 1;
        if (header.startsWith("\uFEFF")) {
            header = header.substring(1);
        }
        List<String> found = new ArrayList<>();
        for (String column : header.split(",", -1)) {
            found.add(column.trim());
        }
        boolean matches = found.size() == COLUMNS.size();
        for (int i = 0; matches && i < COLUMNS.size(); i++) {
            matches = COLUMNS.get(i).equalsIgnoreCase(found.get(i));
        }
        if (!matches) {
            String shown = header.length() > RejectedRow.RAW_LINE_LIMIT ? RejectedRow.truncate(header) + "…" : header;
            throw new CsvImportException("The file " + file.getFileName() + " is not a Low Carbon London smart-meter export: "
                    + "expected the columns " + String.join(", ", COLUMNS) + " but the first line is \"" + shown + "\". "
                    + "Choose a half-hourly file in the 'Smart meters in London' layout (LCLid, tstp, energy(kWh/hh)).");
        }
    }

    private String readLine() throws IOException {
        try {
            return reader.readLine();
        } catch (ZipException | EOFException e) {
            // GZIPInputStream reports a cut-off download as EOFException and damaged data as ZipException.
            String where = lineNumber == 0 ? "before the first line could be read" : "after line " + lineNumber;
            throw new CsvImportException("The compressed file " + file.getFileName() + " is incomplete or damaged: reading "
                    + "stopped " + where + " (" + e.getMessage() + "). Copy or download the file again, then import it "
                    + "into a new workspace.", e);
        } catch (IOException e) {
            throw new CsvImportException("Reading " + file.getFileName() + " failed after line " + lineNumber + " ("
                    + e.getMessage() + "). Check the file is still available and try again.", e);
        }
    }

    private ParsedLine parse(String line, long number) {
        int firstComma = line.indexOf(',');
        int secondComma = firstComma < 0 ? -1 : line.indexOf(',', firstComma + 1);
        if (secondComma < 0 || line.indexOf(',', secondComma + 1) >= 0) {
            return reject(number, RejectionKind.WRONG_FIELD_COUNT, wrongFieldCount(line), line);
        }
        String household = line.substring(0, firstComma).trim();
        String stamp = line.substring(firstComma + 1, secondComma).trim();
        String energy = line.substring(secondComma + 1).trim();

        int householdNumber = householdNumber(household);
        if (householdNumber < 0) {
            return reject(number, RejectionKind.INVALID_HOUSEHOLD, household.isEmpty()
                    ? "LCLid is empty: every line needs a household id such as MAC000002"
                    : "LCLid '" + household + "' is not a household id: expected MAC followed by 6 digits, e.g. MAC000002", line);
        }
        LocalDateTime start = parseTimestamp(stamp);
        if (start == null) {
            return reject(number, RejectionKind.INVALID_TIMESTAMP,
                    "tstp '" + stamp + "' is not a date and time in the form yyyy-MM-dd HH:mm:ss", line);
        }
        if (start.getSecond() != 0 || start.getNano() != 0 || start.getMinute() % 30 != 0) {
            return reject(number, RejectionKind.OFF_HALF_HOUR,
                    "tstp '" + stamp + "' does not start a half-hour: readings must start at :00 or :30", line);
        }
        if (energy.isEmpty() || energy.equalsIgnoreCase("Null")) {
            return reject(number, RejectionKind.MISSING_ENERGY, energy.isEmpty()
                    ? "energy(kWh/hh) is empty: the meter sent no reading for this half-hour"
                    : "energy(kWh/hh) is 'Null': the meter sent no reading for this half-hour", line);
        }
        if (!isDecimal(energy)) {
            return reject(number, RejectionKind.INVALID_ENERGY, "energy(kWh/hh) '" + energy + "' is not a number", line);
        }
        double value = Double.parseDouble(energy);
        if (!Double.isFinite(value)) {
            return reject(number, RejectionKind.INVALID_ENERGY, "energy(kWh/hh) '" + energy + "' is out of range", line);
        }
        long epochSecond = start.toEpochSecond(ZoneOffset.UTC);
        long key = ((long) householdNumber << 32) | ((epochSecond / HALF_HOUR_SECONDS) & 0xFFFF_FFFFL);
        long firstLine = firstSeen.putIfAbsent(key, number);
        if (firstLine != 0) {
            return RejectedRow.duplicate(number, firstLine, "duplicate reading for " + household + " at " + stamp
                    + ": the first one, on line " + firstLine + ", was kept", line);
        }
        // Adding 0.0 turns "-0.000" into 0.0; rounding removes the 32-bit float artefacts such as 1.9220001 (a value
        // too large to round in a long is implausible anyway and kept as sent).
        double kwh = Math.abs(value) < 1e12 ? Math.round(value * 1000) / 1000.0 + 0.0 : value;
        // A negative or impossibly high value is what a faulty meter sends: kept, flagged, for the detectors to find.
        return new MeterReading(number, household, Instant.ofEpochSecond(epochSecond), kwh, ReadingFlag.of(kwh));
    }

    private static RejectedRow reject(long number, RejectionKind kind, String reason, String line) {
        return RejectedRow.of(number, kind, reason, line);
    }

    private static String wrongFieldCount(String line) {
        if (line.isBlank()) {
            return "the line is empty: expected 3 fields (" + String.join(", ", COLUMNS) + ")";
        }
        int fields = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                fields++;
            }
        }
        return "expected 3 fields (" + String.join(", ", COLUMNS) + ") but found " + fields;
    }

    /** The numeric part of an LCLid (MAC000002 → 2), or -1 when it is not one. Exactly 6 digits keeps the MPAN mapping one-to-one. */
    static int householdNumber(String household) {
        if (household.length() != HOUSEHOLD_PREFIX.length() + HOUSEHOLD_DIGITS
                || !household.startsWith(HOUSEHOLD_PREFIX)) {
            return -1;
        }
        return digits(household, HOUSEHOLD_PREFIX.length(), household.length());
    }

    /** Parses yyyy-MM-dd HH:mm:ss (also with a 'T' and fractional seconds, as other LCL exports write it); null if invalid. */
    static LocalDateTime parseTimestamp(String text) {
        if (text.length() < 19 || text.charAt(4) != '-' || text.charAt(7) != '-'
                || (text.charAt(10) != ' ' && text.charAt(10) != 'T') || text.charAt(13) != ':' || text.charAt(16) != ':') {
            return null;
        }
        int year = digits(text, 0, 4);
        int month = digits(text, 5, 7);
        int day = digits(text, 8, 10);
        int hour = digits(text, 11, 13);
        int minute = digits(text, 14, 16);
        int second = digits(text, 17, 19);
        int nano = 0;
        if (text.length() > 19) {
            int fractionDigits = text.length() - 20;
            if (text.charAt(19) != '.' || fractionDigits < 1 || fractionDigits > 9) {
                return null;
            }
            nano = digits(text, 20, text.length());
            if (nano < 0) {
                return null;
            }
            for (int i = fractionDigits; i < 9; i++) {
                nano *= 10;
            }
        }
        if (year < 0 || month < 0 || day < 0 || hour < 0 || minute < 0 || second < 0) {
            return null;
        }
        try {
            return LocalDateTime.of(year, month, day, hour, minute, second, nano);
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static int digits(String text, int from, int to) {
        int value = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return -1;
            }
            value = value * 10 + (c - '0');
        }
        return value;
    }

    /** Plain decimal notation with an optional exponent; rejects what Double.parseDouble also takes (NaN, Infinity, 1d, hex). */
    static boolean isDecimal(String text) {
        int i = 0;
        int n = text.length();
        if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
            i++;
        }
        int mantissaDigits = 0;
        while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
            i++;
            mantissaDigits++;
        }
        if (i < n && text.charAt(i) == '.') {
            i++;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                mantissaDigits++;
            }
        }
        if (mantissaDigits == 0) {
            return false;
        }
        if (i < n && (text.charAt(i) == 'e' || text.charAt(i) == 'E')) {
            i++;
            if (i < n && (text.charAt(i) == '-' || text.charAt(i) == '+')) {
                i++;
            }
            int exponentDigits = 0;
            while (i < n && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
                exponentDigits++;
            }
            if (exponentDigits == 0) {
                return false;
            }
        }
        return i == n;
    }
}
