package uk.consumptioninsights.dataaccess.market;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * Writes fetched market rows into the workspace's {@code market} schema. Each batch lands in one transaction with
 * the completeness of the days it covers, so a failed or cancelled fetch leaves what was stored before intact. A
 * period already held is replaced only by a row published as late or later: a reload never doubles a period and an
 * older version never overwrites a newer one.
 */
public final class MarketStore {

    private static final long MICROS = 1_000_000L;

    @FunctionalInterface
    private interface Rows {
        void append(DuckDBAppender appender) throws SQLException;
    }

    private final LocalWorkspace workspace;

    public MarketStore(LocalWorkspace workspace) {
        this.workspace = workspace;
    }

    public void saveFuelGeneration(List<FuelGeneration> rows, DayRange days, Instant fetchedAt) throws SQLException {
        upsert(MarketDataset.FUELHH, rows.size(), "market.fuel_generation", days, fetchedAt, appender -> {
            for (FuelGeneration r : rows) {
                beginPeriod(appender, r.period());
                appender.append(r.fuelType());
                appender.append(r.generationMw());
                appendInstant(appender, r.publishTime());
                appender.endRow();
            }
        }, "interval_start_utc, fuel_type", "publish_time_utc",
                "generation_mw = excluded.generation_mw, publish_time_utc = excluded.publish_time_utc");
    }

    public void saveSystemPrices(List<SystemPrice> rows, DayRange days, Instant fetchedAt) throws SQLException {
        upsert(MarketDataset.SYSTEM_PRICES, rows.size(), "market.system_prices", days, fetchedAt, appender -> {
            for (SystemPrice r : rows) {
                beginPeriod(appender, r.period());
                appendDouble(appender, r.systemSellPrice());
                appendDouble(appender, r.systemBuyPrice());
                appendDouble(appender, r.netImbalanceVolume());
                appendText(appender, r.priceDerivationCode());
                appendInstant(appender, r.createdTime());
                appender.endRow();
            }
        }, "interval_start_utc", "created_time_utc", "system_sell_price = excluded.system_sell_price, "
                + "system_buy_price = excluded.system_buy_price, net_imbalance_volume = excluded.net_imbalance_volume, "
                + "price_derivation_code = excluded.price_derivation_code, created_time_utc = excluded.created_time_utc");
    }

    public void saveDemand(List<DemandOutturn> rows, DayRange days, Instant fetchedAt) throws SQLException {
        upsert(MarketDataset.DEMAND_OUTTURN, rows.size(), "market.demand_outturn", days, fetchedAt, appender -> {
            for (DemandOutturn r : rows) {
                beginPeriod(appender, r.period());
                appendDouble(appender, r.nationalDemandMw());
                appendDouble(appender, r.transmissionDemandMw());
                appendInstant(appender, r.publishTime());
                appender.endRow();
            }
        }, "interval_start_utc", "publish_time_utc", "national_demand_mw = excluded.national_demand_mw, "
                + "transmission_demand_mw = excluded.transmission_demand_mw, publish_time_utc = excluded.publish_time_utc");
    }

    public void saveIntensity(List<CarbonIntensity> rows, DayRange days, Instant fetchedAt) throws SQLException {
        upsert(MarketDataset.CARBON_INTENSITY, rows.size(), "market.carbon_intensity", days, fetchedAt, appender -> {
            for (CarbonIntensity r : rows) {
                beginPeriod(appender, r.period());
                appendInt(appender, r.forecast());
                appendInt(appender, r.actual());
                appendText(appender, r.index());
                appendInstant(appender, fetchedAt);
                appender.endRow();
            }
        }, "interval_start_utc", "fetched_at_utc", "forecast_g_per_kwh = excluded.forecast_g_per_kwh, "
                + "actual_g_per_kwh = coalesce(excluded.actual_g_per_kwh, actual_g_per_kwh), "
                + "intensity_index = excluded.intensity_index, fetched_at_utc = excluded.fetched_at_utc");
    }

    /** @param dataset NESO_GENERATION_MIX or CARBON_GENERATION_MIX */
    public void saveMeasures(MarketDataset dataset, List<PeriodMeasure> rows, DayRange days, Instant fetchedAt)
            throws SQLException {
        String source = measureSource(dataset);
        upsert(dataset, rows.size(), "market.generation_mix_measures", days, fetchedAt, appender -> {
            for (PeriodMeasure r : rows) {
                appender.beginRow();
                appender.append(source);
                appendPeriod(appender, r.period());
                appender.append(r.measure());
                appender.append(r.value());
                appendInstant(appender, fetchedAt);
                appender.endRow();
            }
        }, "source, interval_start_utc, measure", "fetched_at_utc",
                "value = excluded.value, fetched_at_utc = excluded.fetched_at_utc");
    }

    /** Records a batch that failed (a stored batch is logged in its own transaction). */
    public void logFailure(MarketDataset dataset, DayRange days, Instant at, String message) throws SQLException {
        try (Connection c = workspace.newConnection()) {
            logFetch(c, dataset, days, at, 0, "failed", message);
        }
    }

    private static void logFetch(Connection c, MarketDataset dataset, DayRange days, Instant at, long rows,
                                 String outcome, String message) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO market.fetch_log VALUES (?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, dataset.name());
            ps.setObject(2, days.from());
            ps.setObject(3, days.to());
            ps.setObject(4, UtcTimestamps.toColumn(at));
            ps.setLong(5, rows);
            ps.setString(6, outcome);
            ps.setString(7, message);
            ps.executeUpdate();
        }
    }

    static String measureSource(MarketDataset dataset) {
        return switch (dataset) {
            case NESO_GENERATION_MIX -> "NESO";
            case CARBON_GENERATION_MIX -> "CARBON_INTENSITY";
            default -> throw new IllegalArgumentException(dataset + " is not stored as measures");
        };
    }

    /** What counts as a received period of each dataset: a row with its headline value present. */
    static String receivedPeriods(MarketDataset dataset) {
        return switch (dataset) {
            case FUELHH -> "SELECT settlement_date, settlement_period FROM market.fuel_generation";
            case SYSTEM_PRICES -> "SELECT settlement_date, settlement_period FROM market.system_prices "
                    + "WHERE system_sell_price IS NOT NULL";
            case DEMAND_OUTTURN -> "SELECT settlement_date, settlement_period FROM market.demand_outturn "
                    + "WHERE national_demand_mw IS NOT NULL";
            case CARBON_INTENSITY -> "SELECT settlement_date, settlement_period FROM market.carbon_intensity "
                    + "WHERE actual_g_per_kwh IS NOT NULL";
            case NESO_GENERATION_MIX, CARBON_GENERATION_MIX -> "SELECT settlement_date, settlement_period FROM "
                    + "market.generation_mix_measures WHERE source = '" + measureSource(dataset) + "'";
        };
    }

    private void upsert(MarketDataset dataset, long rowCount, String table, DayRange days, Instant fetchedAt,
                        Rows rows, String key, String versionColumn, String updates) throws SQLException {
        try (Connection c = workspace.newConnection()) {
            DuckDBConnection duck = c.unwrap(DuckDBConnection.class);
            try (Statement st = c.createStatement()) {
                st.execute("BEGIN TRANSACTION");
            }
            try {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE OR REPLACE TEMP TABLE market_batch AS SELECT * FROM " + table + " LIMIT 0");
                }
                try (DuckDBAppender appender = duck.createAppender("temp", "main", "market_batch")) {
                    rows.append(appender);
                }
                try (Statement st = c.createStatement()) {
                    // A stored version published later than the incoming one stays: reloads never go backwards.
                    st.executeUpdate("INSERT INTO " + table + " SELECT * FROM market_batch ON CONFLICT (" + key
                            + ") DO UPDATE SET " + updates + " WHERE " + table + "." + versionColumn + " IS NULL OR "
                            + "excluded." + versionColumn + " >= " + table + "." + versionColumn);
                    st.execute("DROP TABLE market_batch");
                }
                recordCompleteness(c, dataset, days, fetchedAt);
                logFetch(c, dataset, days, fetchedAt, rowCount, "ok", null);
                try (Statement st = c.createStatement()) {
                    st.execute("COMMIT");
                }
            } catch (SQLException | RuntimeException e) {
                try (Statement st = c.createStatement()) {
                    st.execute("ROLLBACK");
                } catch (SQLException rollbackFailed) {
                    e.addSuppressed(rollbackFailed);
                }
                throw e;
            }
        }
    }

    private static void recordCompleteness(Connection c, MarketDataset dataset, DayRange days, Instant fetchedAt)
            throws SQLException {
        Map<LocalDate, Integer> received = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT settlement_date, count(DISTINCT settlement_period) "
                + "FROM (" + receivedPeriods(dataset) + ") WHERE settlement_date BETWEEN ? AND ? GROUP BY 1")) {
            ps.setObject(1, days.from());
            ps.setObject(2, days.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    received.put(rs.getObject(1, LocalDate.class), rs.getInt(2));
                }
            }
        }
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT OR REPLACE INTO market.day_completeness VALUES (?, ?, ?, ?, ?)")) {
            for (LocalDate day : days.dates()) {
                ps.setString(1, dataset.name());
                ps.setObject(2, day);
                ps.setShort(3, (short) SettlementCalendar.periodsIn(day));
                ps.setShort(4, (short) (int) received.getOrDefault(day, 0));
                ps.setObject(5, UtcTimestamps.toColumn(fetchedAt));
                // One by one: the driver's batch opens a transaction of its own, and this runs inside the caller's.
                ps.executeUpdate();
            }
        }
    }

    /** Days of the range not yet complete for the dataset (never fetched, or missing periods). */
    public List<LocalDate> incompleteDays(MarketDataset dataset, DayRange days) throws SQLException {
        Map<LocalDate, Boolean> complete = new HashMap<>();
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT settlement_date, periods_received >= periods_expected "
                     + "FROM market.day_completeness WHERE dataset = ? AND settlement_date BETWEEN ? AND ?")) {
            ps.setString(1, dataset.name());
            ps.setObject(2, days.from());
            ps.setObject(3, days.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    complete.put(rs.getObject(1, LocalDate.class), rs.getBoolean(2));
                }
            }
        }
        List<LocalDate> missing = new ArrayList<>();
        for (LocalDate day : days.dates()) {
            if (!complete.getOrDefault(day, false)) {
                missing.add(day);
            }
        }
        return missing;
    }

    private static void beginPeriod(DuckDBAppender appender, SettlementPeriod period) throws SQLException {
        appender.beginRow();
        appendPeriod(appender, period);
    }

    private static void appendPeriod(DuckDBAppender appender, SettlementPeriod period) throws SQLException {
        appender.appendEpochDays((int) period.settlementDate().toEpochDay());
        appender.append((short) period.period());
        appender.appendEpochMicros(period.start().getEpochSecond() * MICROS);
    }

    private static void appendInstant(DuckDBAppender appender, Instant instant) throws SQLException {
        if (instant == null) {
            appender.appendNull();
        } else {
            appender.appendEpochMicros(instant.getEpochSecond() * MICROS + instant.getNano() / 1000);
        }
    }

    private static void appendDouble(DuckDBAppender appender, Double value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.doubleValue());
        }
    }

    private static void appendInt(DuckDBAppender appender, Integer value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value.intValue());
        }
    }

    private static void appendText(DuckDBAppender appender, String value) throws SQLException {
        if (value == null) {
            appender.appendNull();
        } else {
            appender.append(value);
        }
    }
}
