package uk.consumptioninsights.dataaccess.market;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.LocalDate;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/**
 * The settlement period of an Elexon row. {@code startTime} is authoritative: historic FUELHH rows exist whose
 * settlementDate is a day ahead of their startTime, so date and period are re-derived from it through the settlement
 * calendar and a disagreement is flagged. Rows without a startTime fall back to (settlementDate, settlementPeriod),
 * checked against the day's 46, 48 or 50 periods.
 */
final class ElexonPeriods {

    /** A row's period, or why it has none. */
    record Resolved(SettlementPeriod period, boolean disagreed) {
    }

    private ElexonPeriods() {
    }

    /** @return null when the row names no valid period at all */
    static Resolved resolve(JsonNode row) {
        Instant start = MarketJson.instant(row.get("startTime"));
        LocalDate date = MarketJson.date(row.get("settlementDate"));
        Integer number = MarketJson.integer(row.get("settlementPeriod"));
        if (start != null) {
            SettlementPeriod fromStart = SettlementCalendar.periodOf(start);
            boolean disagreed = date != null && number != null
                    && !(fromStart.settlementDate().equals(date) && fromStart.period() == number);
            return new Resolved(fromStart, disagreed);
        }
        if (date == null || number == null || number < 1 || number > SettlementCalendar.periodsIn(date)) {
            return null;
        }
        return new Resolved(new SettlementPeriod(date, number), false);
    }
}
