package uk.consumptioninsights.dataaccess.octopus;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.UtcTimestamps;
import uk.consumptioninsights.model.tariff.CostLine;
import uk.consumptioninsights.model.tariff.HalfHourUsage;
import uk.consumptioninsights.model.tariff.UnitRate;
import uk.consumptioninsights.model.tariff.UnitRatePricing;

/**
 * The cost line of an Octopus meter: its half-hours held in gold (plausible readings only, as every consumption figure)
 * priced by {@link UnitRatePricing} against the unit rates held for its tariff. Reads the workspace only.
 */
public final class OctopusCostLine {

    private OctopusCostLine() {
    }

    /** The cost of each half-hour starting in {@code [from, to)}; empty when the meter has no tariff. */
    public static CostLine of(LocalWorkspace workspace, OctopusMeter meter, Instant from, Instant to) {
        try {
            Optional<TariffCode> tariff = new OctopusStore(workspace).state(meter).flatMap(OctopusMeterState::tariff);
            if (tariff.isEmpty()) {
                return new CostLine(List.of(), List.of());
            }
            try (Connection c = workspace.newConnection()) {
                return new UnitRatePricing(rates(c, tariff.get(), from, to)).price(usage(c, meter, from, to));
            }
        } catch (SQLException e) {
            throw new OctopusException(OctopusException.Kind.STORAGE, "Could not read the Octopus meter's readings "
                    + "and unit rates from the workspace. Check that no other program has it open.", e);
        }
    }

    private static List<HalfHourUsage> usage(Connection c, OctopusMeter meter, Instant from, Instant to)
            throws SQLException {
        List<HalfHourUsage> usage = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT interval_start_utc, kwh FROM gold.consumption_half_hourly "
                + "WHERE mpan = ? AND interval_start_utc >= ? AND interval_start_utc < ? ORDER BY interval_start_utc")) {
            ps.setString(1, meter.mpan().core());
            ps.setObject(2, UtcTimestamps.toColumn(from));
            ps.setObject(3, UtcTimestamps.toColumn(to));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    usage.add(new HalfHourUsage(UtcTimestamps.fromColumn(rs.getObject(1)), rs.getDouble(2)));
                }
            }
        }
        return usage;
    }

    /** Rates overlapping the window, so the one in force at {@code from} is included. */
    private static List<UnitRate> rates(Connection c, TariffCode tariff, Instant from, Instant to) throws SQLException {
        List<UnitRate> rates = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT valid_from_utc, valid_to_utc, value_exc_vat, value_inc_vat "
                + "FROM octopus.unit_rates WHERE tariff_code = ? AND valid_from_utc < ? "
                + "AND (valid_to_utc IS NULL OR valid_to_utc > ?) ORDER BY valid_from_utc")) {
            ps.setString(1, tariff.code());
            ps.setObject(2, UtcTimestamps.toColumn(to));
            ps.setObject(3, UtcTimestamps.toColumn(from));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    rates.add(new UnitRate(UtcTimestamps.fromColumn(rs.getObject(1)),
                            Optional.ofNullable(UtcTimestamps.fromColumn(rs.getObject(2))), rs.getDouble(3),
                            rs.getDouble(4)));
                }
            }
        }
        return rates;
    }
}
