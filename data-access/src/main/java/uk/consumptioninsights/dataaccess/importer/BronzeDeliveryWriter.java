package uk.consumptioninsights.dataaccess.importer;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.function.UnaryOperator;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.model.settlement.ReadType;

/**
 * Appends settlement days to bronze.hh_deliveries as one delivery each, version 1. A CSV import writes ingest batch 0,
 * so the pipeline's first run takes them all and its watermark has nothing earlier to compare against; a source that
 * delivers again (an Octopus refresh) writes the next batch, with delivery ids after those already held.
 *
 * <p>Read type: neither the London export nor Octopus's consumption endpoint carries one, and both are marked actual.
 * Their values are the smart meters' own half-hourly register reads; a half-hour the meter did not send is left missing
 * (nothing here fills a gap), so every value present was read, not estimated. They name no settlement run either: the
 * run is left NULL.
 */
public final class BronzeDeliveryWriter implements AutoCloseable {

    static final int INGEST_BATCH = 0;
    static final int VERSION = 1;

    private final DuckDBAppender appender;
    private final String source;
    private final long receivedAtMicros;
    private final int ingestBatch;
    private final long firstDeliveryId;
    private final UnaryOperator<String> mpanOf;
    private long deliveries;

    BronzeDeliveryWriter(DuckDBConnection connection, String source, Instant receivedAt) throws SQLException {
        this(connection, source, receivedAt, INGEST_BATCH, 1, id -> LondonCsvImport.mpanFor(id).core());
    }

    /**
     * @param firstDeliveryId the id of the first delivery written (ids then count up)
     * @param mpanOf          the MPAN core of a {@link SettlementDay#householdId()}
     */
    public BronzeDeliveryWriter(DuckDBConnection connection, String source, Instant receivedAt, int ingestBatch,
                                long firstDeliveryId, UnaryOperator<String> mpanOf) throws SQLException {
        this.appender = connection.createAppender("bronze", "hh_deliveries");
        this.source = source;
        this.receivedAtMicros = micros(receivedAt);
        this.ingestBatch = ingestBatch;
        this.firstDeliveryId = firstDeliveryId;
        this.mpanOf = mpanOf;
    }

    public void write(SettlementDay day) throws SQLException {
        appender.beginRow();
        appender.append(firstDeliveryId + deliveries++);
        appender.append(ingestBatch);
        appender.append(mpanOf.apply(day.householdId()));
        appender.append(day.settlementDate());
        appender.appendEpochMicros(micros(day.firstIntervalUtc()));
        appender.append(day.kwh(), day.missing());
        appender.append(VERSION);
        appender.appendEpochMicros(receivedAtMicros);
        appender.append(source);
        appender.append(ReadType.ACTUAL.code());
        appender.append((String) null);
        appender.endRow();
    }

    public long deliveries() {
        return deliveries;
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }

    public static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
