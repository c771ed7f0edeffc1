package uk.consumptioninsights.dataaccess.market;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.model.market.MarketFigures;
import uk.consumptioninsights.model.market.PeriodRates;
import uk.consumptioninsights.model.market.ScopeFigure;
import uk.consumptioninsights.model.series.HalfHourlySeries;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * What the Market tab and the Consumption overlays read from the workspace's cached market data. Reads only: no
 * request is ever made from here, so the tab works offline from the cache.
 */
public final class MarketQueries {

    private final LocalWorkspace workspace;

    public MarketQueries(LocalWorkspace workspace) {
        this.workspace = workspace;
    }

    /** FUELHH per period in time order: MW per fuel type and each fuel's % share of that period's generation. */
    public FuelMix fuelMix(DayRange days) throws SQLException {
        List<String> fuels = new ArrayList<>();
        List<SettlementPeriod> periods = new ArrayList<>();
        try (Connection c = workspace.newConnection()) {
            try (PreparedStatement ps = c.prepareStatement("SELECT DISTINCT fuel_type FROM market.fuel_generation "
                    + "WHERE settlement_date BETWEEN ? AND ? ORDER BY 1")) {
                range(ps, days);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        fuels.add(rs.getString(1));
                    }
                }
            }
            List<double[]> columns = new ArrayList<>();
            // Primitive columns only (epoch seconds, fuel index, MW): a year is 350,000 rows.
            try (PreparedStatement ps = c.prepareStatement("""
                    WITH f AS (SELECT fuel_type, CAST(row_number() OVER (ORDER BY fuel_type) - 1 AS INTEGER) AS i
                               FROM (SELECT DISTINCT fuel_type FROM market.fuel_generation
                                     WHERE settlement_date BETWEEN ? AND ?))
                    SELECT CAST(epoch(g.interval_start_utc) AS BIGINT) AS t, f.i, g.generation_mw
                    FROM market.fuel_generation g JOIN f USING (fuel_type)
                    WHERE g.settlement_date BETWEEN ? AND ?
                    ORDER BY t, f.i""")) {
                range(ps, days);
                ps.setObject(3, days.from());
                ps.setObject(4, days.to());
                try (ResultSet rs = ps.executeQuery()) {
                    long start = Long.MIN_VALUE;
                    double[] column = null;
                    while (rs.next()) {
                        long rowStart = rs.getLong(1);
                        // A period object per period, not per row: building one checks the calendar.
                        if (rowStart != start) {
                            start = rowStart;
                            periods.add(SettlementCalendar.periodOf(Instant.ofEpochSecond(start)));
                            column = new double[fuels.size()];
                            java.util.Arrays.fill(column, Double.NaN);
                            columns.add(column);
                        }
                        column[rs.getInt(2)] = rs.getDouble(3);
                    }
                }
            }
            double[][] mw = new double[fuels.size()][columns.size()];
            for (int p = 0; p < columns.size(); p++) {
                for (int f = 0; f < fuels.size(); f++) {
                    mw[f][p] = columns.get(p)[f];
                }
            }
            return new FuelMix(periods, fuels, mw);
        }
    }

    /** Carbon intensity (forecast, actual, NESO's) and NESO's zero-carbon share per period, in time order. */
    public List<IntensityPeriod> intensity(DayRange days) throws SQLException {
        List<IntensityPeriod> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("""
                     WITH neso AS (
                         SELECT settlement_date, settlement_period, interval_start_utc,
                                max(value) FILTER (WHERE measure = 'ZERO_CARBON_perc') AS zero_carbon_perc,
                                max(value) FILTER (WHERE measure = 'CARBON_INTENSITY') AS intensity
                         FROM market.generation_mix_measures
                         WHERE source = 'NESO' AND settlement_date BETWEEN ? AND ?
                         GROUP BY ALL)
                     SELECT coalesce(ci.settlement_date, n.settlement_date),
                            coalesce(ci.settlement_period, n.settlement_period),
                            ci.forecast_g_per_kwh, ci.actual_g_per_kwh, n.zero_carbon_perc, n.intensity
                     FROM (SELECT * FROM market.carbon_intensity WHERE settlement_date BETWEEN ? AND ?) ci
                     FULL OUTER JOIN neso n USING (interval_start_utc)
                     ORDER BY interval_start_utc""")) {
            range(ps, days);
            ps.setObject(3, days.from());
            ps.setObject(4, days.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new IntensityPeriod(period(rs), rs.getObject(3, Integer.class),
                            rs.getObject(4, Integer.class), rs.getObject(5, Double.class),
                            rs.getObject(6, Double.class)));
                }
            }
        }
        return rows;
    }

    /** System sell and buy prices per period, in time order. */
    public List<SystemPricePeriod> systemPrices(DayRange days) throws SQLException {
        List<SystemPricePeriod> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT settlement_date, settlement_period, system_sell_price, "
                     + "system_buy_price FROM market.system_prices WHERE settlement_date BETWEEN ? AND ? "
                     + "ORDER BY interval_start_utc")) {
            range(ps, days);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new SystemPricePeriod(period(rs), rs.getObject(3, Double.class),
                            rs.getObject(4, Double.class)));
                }
            }
        }
        return rows;
    }

    /** gCO2/kWh per period for the carbon figure: actual, else forecast, else NESO's published intensity. */
    public PeriodRates carbonIntensityRates(DayRange days) throws SQLException {
        Map<Instant, Double> rates = new TreeMap<>();
        for (IntensityPeriod p : intensity(days)) {
            Double best = p.bestIntensity();
            if (best != null) {
                rates.put(p.period().start(), best);
            }
        }
        return PeriodRates.of(rates);
    }

    /** £/MWh per period for the imbalance exposure figure: the system sell price (equal to the buy price since P305). */
    public PeriodRates systemPriceRates(DayRange days) throws SQLException {
        Map<Instant, Double> rates = new TreeMap<>();
        for (SystemPricePeriod p : systemPrices(days)) {
            if (p.systemSellPrice() != null) {
                rates.put(p.period().start(), p.systemSellPrice());
            }
        }
        return PeriodRates.of(rates);
    }

    /** kg CO2 of a scope's consumption (the series the Consumption tab shows for it). */
    public ScopeFigure carbonKg(HalfHourlySeries consumption) throws SQLException {
        return consumption.isEmpty() ? new ScopeFigure(0, 0, 0)
                : MarketFigures.carbonKg(consumption, carbonIntensityRates(span(consumption)));
    }

    /** £ of imbalance cost exposure of a scope's consumption at the system price. */
    public ScopeFigure imbalanceExposureGbp(HalfHourlySeries consumption) throws SQLException {
        return consumption.isEmpty() ? new ScopeFigure(0, 0, 0)
                : MarketFigures.imbalanceExposureGbp(consumption, systemPriceRates(span(consumption)));
    }

    public List<DayCompleteness> completeness(MarketDataset dataset, DayRange days) throws SQLException {
        List<DayCompleteness> rows = new ArrayList<>();
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT settlement_date, periods_expected, periods_received, "
                     + "fetched_at_utc FROM market.day_completeness WHERE dataset = ? "
                     + "AND settlement_date BETWEEN ? AND ? ORDER BY settlement_date")) {
            ps.setString(1, dataset.name());
            ps.setObject(2, days.from());
            ps.setObject(3, days.to());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rows.add(new DayCompleteness(dataset, rs.getObject(1, LocalDate.class), rs.getInt(2),
                            rs.getInt(3), UtcTimestamps.fromColumn(rs.getObject(4))));
                }
            }
        }
        return rows;
    }

    /** When the dataset was last fetched successfully, for the tab's "cached data from ..." line. */
    public Optional<Instant> lastFetched(MarketDataset dataset) throws SQLException {
        try (Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("SELECT max(fetched_at_utc) FROM market.fetch_log "
                     + "WHERE dataset = ? AND outcome = 'ok'")) {
            ps.setString(1, dataset.name());
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return Optional.ofNullable(UtcTimestamps.fromColumn(rs.getObject(1)));
            }
        }
    }

    /**
     * True when a refresh would fetch something worth having: some day of the range up to today is incomplete for one
     * of the datasets, and was never fetched or was last fetched longer than {@code maxAge} before {@code now}. For
     * the hourly timer: a day the API cannot complete yet is not asked for again within {@code maxAge}.
     */
    public boolean anythingStale(DayRange days, Set<MarketDataset> datasets, Instant now, Duration maxAge)
            throws SQLException {
        LocalDate today = SettlementCalendar.settlementDate(now);
        if (days.from().isAfter(today)) {
            return false;
        }
        DayRange past = new DayRange(days.from(), days.to().isAfter(today) ? today : days.to());
        for (MarketDataset dataset : datasets) {
            Map<LocalDate, DayCompleteness> held = new TreeMap<>();
            completeness(dataset, past).forEach(d -> held.put(d.settlementDate(), d));
            for (LocalDate day : past.dates()) {
                DayCompleteness d = held.get(day);
                if (d == null || (!d.complete() && d.fetchedAt().plus(maxAge).isBefore(now))) {
                    return true;
                }
            }
        }
        return false;
    }

    private static DayRange span(HalfHourlySeries consumption) {
        return new DayRange(SettlementCalendar.settlementDate(consumption.instantAt(0)),
                SettlementCalendar.settlementDate(consumption.instantAt(consumption.size() - 1)));
    }

    private static void range(PreparedStatement ps, DayRange days) throws SQLException {
        ps.setObject(1, days.from());
        ps.setObject(2, days.to());
    }

    private static SettlementPeriod period(ResultSet rs) throws SQLException {
        return new SettlementPeriod(rs.getObject(1, LocalDate.class), rs.getInt(2));
    }
}
