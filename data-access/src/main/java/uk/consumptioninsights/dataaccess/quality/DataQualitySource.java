package uk.consumptioninsights.dataaccess.quality;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.settlement.SettlementDayQuality;

/**
 * Runs the {@link QualityQueries} on one engine (the local workspace or the warehouse) and reads their rows into the
 * model's values. Blocks on IO: call it off the FX thread.
 */
public final class DataQualitySource {

    private final QueryEngine engine;
    private final QualityQueries queries;

    public DataQualitySource(QueryEngine engine, QualityQueries queries) {
        this.engine = engine;
        this.queries = queries;
    }

    /** Every settlement day and GSP group of {@code range} the role sees, in date then group order. */
    public List<SettlementDayQuality> byDayAndGroup(PurposeRole role, DateRange range) {
        return engine.run(queries.byDayAndGroup(role, range), rows -> {
            List<SettlementDayQuality> days = new ArrayList<>();
            while (rows.next()) {
                days.add(new SettlementDayQuality(LocalDate.parse(rows.getString(1)), rows.getString(2), rows.getInt(3),
                        rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7), rows.getLong(8),
                        rows.getLong(9), rows.getDouble(10), rows.getDouble(11), rows.getLong(12), rows.getLong(13),
                        rows.getLong(14), rows.getLong(15)));
            }
            return List.copyOf(days);
        });
    }

    /** The meter-days of one day and group that fall short, worst first. Not for Research. */
    public List<MeterDayQuality> meterDays(PurposeRole role, LocalDate day, GspGroup group) {
        return engine.run(queries.meterDays(role, day, group), rows -> {
            List<MeterDayQuality> meterDays = new ArrayList<>();
            while (rows.next()) {
                meterDays.add(new MeterDayQuality(rows.getString(1), rows.getString(2), LocalDate.parse(rows.getString(3)),
                        rows.getInt(4), rows.getInt(5), rows.getInt(6), rows.getInt(7), rows.getDouble(8),
                        rows.getDouble(9)));
            }
            return List.copyOf(meterDays);
        });
    }
}
