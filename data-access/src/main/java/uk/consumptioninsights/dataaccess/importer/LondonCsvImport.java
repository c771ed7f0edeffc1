package uk.consumptioninsights.dataaccess.importer;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.dataaccess.pipeline.MedallionPipeline;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceFiles;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.meter.Mpan;
import uk.consumptioninsights.model.series.ReadingFlag;
import uk.consumptioninsights.model.work.Progress;

/**
 * Imports a Low Carbon London smart-meter CSV into a new, empty workspace: registrations and one delivery per household
 * per settlement day in bronze, then the medallion pipeline to silver and gold. The workspace is BUILDING until every
 * step has succeeded, so a cancelled or failed import is never shown as data.
 */
public final class LondonCsvImport {

    public static final String KIND = "imported";
    /** LCL households are all in London. */
    public static final GspGroup GSP_GROUP = GspGroup.C;
    public static final String CUSTOMER_CLASS = "domestic";

    private static final int LINES_PER_CHECK = 16_384;
    private static final double READING_SHARE = 0.6;
    private static final double PIPELINE_END = 0.97;

    /**
     * A stable MPAN in London for an LCL household: distributor 12 and the LCLid's number as unique id, so MAC000002
     * always becomes the same valid core and re-imports line up.
     */
    public static Mpan mpanFor(String householdId) {
        int number = LondonSmartMeterCsv.householdNumber(householdId);
        if (number < 0) {
            throw new IllegalArgumentException("'" + householdId + "' is not an LCL household id such as MAC000002");
        }
        return Mpan.of(GSP_GROUP.distributorId(), number);
    }

    /**
     * Reads {@code csv} into {@code workspace}, which must be new and empty, and returns what was imported and rejected.
     * Every rejected or flagged line goes to the import report file beside the workspace
     * ({@link WorkspaceFiles#importReport()}) as it is found; a failed import deletes that file.
     */
    public CsvImportReport importFile(Path csv, LocalWorkspace workspace, Progress progress) throws IOException, SQLException {
        requireEmpty(workspace);
        String fileName = csv.getFileName().toString();
        String source = "csv:" + fileName;
        // Checked before BUILDING is written, so a wrong file leaves a new workspace untouched.
        try (LondonSmartMeterCsv file = LondonSmartMeterCsv.open(csv);
             ImportReportFile reportFile = new ImportReportFile(WorkspaceFiles.of(workspace.file()).importReport())) {
            boolean done = false;
            try {
                workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name(), "kind", KIND, "source_file", fileName));
                Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
                Bronze bronze = writeBronze(file, workspace, source, receivedAt, reportFile, progress);
                CsvImportReport report = new CsvImportReport(csv, file.dataLinesRead(), bronze.readings(),
                        bronze.households().size(), bronze.firstDate(), bronze.lastDate(), bronze.rejected(),
                        bronze.flagged(), reportFile.finish());
                if (report.readingsImported() == 0) {
                    throw new CsvImportException("The file " + fileName + " contains no valid readings, so nothing was "
                            + "imported. " + withoutReportFile(report).summary()
                            + " Fix the rejected lines and import the file into a new workspace.");
                }
                runPipeline(workspace, report, progress);
                workspace.putInfo(readyInfo(report, fileName));
                workspace.keepPrivate();
                progress.report(1, "Workspace ready: " + report.summary());
                done = true;
                return report;
            } finally {
                if (!done) {
                    reportFile.discard();
                }
            }
        }
    }

    /** The same report without its file, for a failed import: the file is deleted with it. */
    private static CsvImportReport withoutReportFile(CsvImportReport report) {
        return new CsvImportReport(report.file(), report.linesRead(), report.readingsImported(), report.households(),
                report.firstSettlementDate(), report.lastSettlementDate(), report.rejected(), report.flagged(),
                Optional.empty());
    }

    private static void requireEmpty(LocalWorkspace workspace) throws SQLException {
        WorkspaceStatus status = workspace.status();
        if (status == WorkspaceStatus.READY) {
            throw new IllegalStateException("The workspace " + workspace.file().getFileName() + " already holds data. "
                    + "A CSV is imported only into a new, empty workspace: create one and import the file there.");
        }
        if (status != WorkspaceStatus.EMPTY) {
            throw new IllegalStateException("The workspace " + workspace.file().getFileName() + " holds an unfinished "
                    + "build or import (status " + status + "). Create a new, empty workspace and import the file there.");
        }
    }

    private record Bronze(long readings, Set<String> households, LocalDate firstDate, LocalDate lastDate,
                          LineSample<RejectionKind, RejectedRow> rejected, LineSample<ReadingFlag, FlaggedRow> flagged) {
    }

    /**
     * One transaction: if reading fails or is cancelled part-way, bronze is left empty rather than half-filled. It is
     * begun with SQL because the DuckDB driver opens a transaction for setAutoCommit(false) only at the next statement,
     * and appenders are not statements: they would commit on their own.
     */
    private static Bronze writeBronze(LondonSmartMeterCsv file, LocalWorkspace workspace, String source, Instant receivedAt,
                                      ImportReportFile reportFile, Progress progress) throws IOException, SQLException {
        try (Connection connection = workspace.newConnection(); Statement transaction = connection.createStatement()) {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            transaction.execute("BEGIN TRANSACTION");
            try {
                Bronze bronze;
                try (BronzeDeliveryWriter deliveries = new BronzeDeliveryWriter(duck, source, receivedAt)) {
                    bronze = readAll(file, new SettlementDayAssembler(deliveries::write), reportFile, progress);
                }
                writeRegistrations(duck, bronze.households(), source, receivedAt);
                progress.checkCancelled();
                transaction.execute("COMMIT");
                return bronze;
            } catch (IOException | SQLException | RuntimeException e) {
                try {
                    transaction.execute("ROLLBACK");
                } catch (SQLException rollbackFailure) {
                    e.addSuppressed(rollbackFailure);
                }
                throw e;
            }
        }
    }

    /** Memory stays flat in the number of bad lines: they go to the report file, and only a sample stays here. */
    private static Bronze readAll(LondonSmartMeterCsv file, SettlementDayAssembler days, ImportReportFile reportFile,
                                  Progress progress) throws IOException, SQLException {
        Set<String> households = new TreeSet<>();
        LineSampler<RejectionKind, RejectedRow> rejected = new LineSampler<>(RejectionKind.class, RejectedRow::kind);
        LineSampler<ReadingFlag, FlaggedRow> flagged = new LineSampler<>(ReadingFlag.class, FlaggedRow::flag);
        long readings = 0;
        String name = file.file().getFileName().toString();
        NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.UK);
        progress.report(0, "Reading " + name);
        for (ParsedLine line = file.next(); line != null; line = file.next()) {
            if (line instanceof MeterReading reading) {
                days.add(reading);
                households.add(reading.householdId());
                readings++;
                if (reading.flag() != ReadingFlag.PLAUSIBLE) {
                    FlaggedRow row = FlaggedRow.of(reading);
                    flagged.add(row);
                    reportFile.flagged(row);
                }
            } else {
                RejectedRow row = (RejectedRow) line;
                rejected.add(row);
                reportFile.rejected(row);
            }
            if (file.dataLinesRead() % LINES_PER_CHECK == 0) {
                progress.checkCancelled();
                progress.report(READING_SHARE * Math.min(1.0, (double) file.bytesRead() / Math.max(1, file.sizeBytes())),
                        "Reading " + name + ": " + grouped.format(file.dataLinesRead()) + " lines");
            }
        }
        days.finish();
        progress.report(READING_SHARE, "Read " + grouped.format(file.dataLinesRead()) + " lines from " + name);
        return new Bronze(readings, households, days.firstDate(), days.lastDate(), rejected.sample(), flagged.sample());
    }

    private static void writeRegistrations(DuckDBConnection duck, Set<String> households, String source, Instant receivedAt)
            throws SQLException {
        try (DuckDBAppender appender = duck.createAppender("bronze", "meter_registrations")) {
            for (String household : households) {
                appender.beginRow();
                appender.append(mpanFor(household).core());
                appender.append(GSP_GROUP.code());
                appender.append(CUSTOMER_CLASS);
                appender.append(household);
                appender.append(source);
                appender.appendEpochMicros(BronzeDeliveryWriter.micros(receivedAt));
                appender.endRow();
            }
        }
    }

    private static void runPipeline(LocalWorkspace workspace, CsvImportReport report, Progress progress) throws SQLException {
        try (Connection connection = workspace.newConnection()) {
            new MedallionPipeline(connection, workspace.pseudonyms()).run(progress.slice(READING_SHARE, PIPELINE_END));
        }
        try (Connection connection = workspace.newConnection(); Statement st = connection.createStatement()) {
            long inGold;
            try (ResultSet rs = st.executeQuery("SELECT (SELECT count(*) FROM gold.consumption_half_hourly)"
                    + " + (SELECT count(*) FROM gold.flagged_readings)")) {
                rs.next();
                inGold = rs.getLong(1);
            }
            // Every imported reading is new and on time, so all must reach gold; anything else is a defect, not data.
            if (inGold != report.readingsImported()) {
                throw new IllegalStateException("The import read " + report.readingsImported() + " valid readings but "
                        + inGold + " reached gold. The workspace was left unfinished; report this as a defect.");
            }
            st.execute("CHECKPOINT");
        }
    }

    private static Map<String, String> readyInfo(CsvImportReport report, String fileName) {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("status", WorkspaceStatus.READY.name());
        info.put("kind", KIND);
        info.put("source_file", fileName);
        info.put("households", Integer.toString(report.households()));
        info.put("readings", Long.toString(report.readingsImported()));
        info.put("rejected_rows", Long.toString(report.rejectedCount()));
        info.put("first_day", report.firstSettlementDate().toString());
        info.put("last_day", report.lastSettlementDate().toString());
        info.put("built_at_utc", Instant.now().toString());
        return info;
    }
}
