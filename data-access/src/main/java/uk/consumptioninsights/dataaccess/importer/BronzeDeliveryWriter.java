package uk.consumptioninsights.dataaccess.importer;

import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.model.settlement.ReadType;

/**
 * Appends settlement days to bronze.hh_deliveries as one first delivery each: ingest batch 0, version 1, so the
 * pipeline's first run takes them all and its watermark has nothing earlier to compare against.
 *
 * <p>Read type: the London export carries none, and is marked actual. Its values are the smart meters' own half-hourly
 * register reads, collected from the meters by the trial; a half-hour the meter did not send is left missing (the
 * importer never fills a gap), so every value present was read, not estimated. It names no settlement run either (the
 * trial's data was never settled): the run is left NULL.
 */
final class BronzeDeliveryWriter implements AutoCloseable {

    static final int INGEST_BATCH = 0;
    static final int VERSION = 1;

    private final DuckDBAppender appender;
    private final String source;
    private final long receivedAtMicros;
    private long deliveries;

    BronzeDeliveryWriter(DuckDBConnection connection, String source, Instant receivedAt) throws SQLException {
        this.appender = connection.createAppender("bronze", "hh_deliveries");
        this.source = source;
        this.receivedAtMicros = micros(receivedAt);
    }

    void write(SettlementDay day) throws SQLException {
        appender.beginRow();
        appender.append(++deliveries);
        appender.append(INGEST_BATCH);
        appender.append(LondonCsvImport.mpanFor(day.householdId()).core());
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

    long deliveries() {
        return deliveries;
    }

    @Override
    public void close() throws SQLException {
        appender.close();
    }

    static long micros(Instant instant) {
        return ChronoUnit.MICROS.between(Instant.EPOCH, instant);
    }
}
