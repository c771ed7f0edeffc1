package uk.consumptioninsights.model.tariff;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Prices half-hours against a tariff's unit rates: cost (p) = kWh × the VAT-inclusive rate whose
 * {@code [validFrom, validTo)} holds the half-hour's start. The rate that starts latest at or before the half-hour
 * applies, so a newer rate replaces an open-ended older one. Standing charges are per day and not part of a half-hour's cost.
 */
public final class UnitRatePricing {

    private final List<UnitRate> byStart;

    public UnitRatePricing(List<UnitRate> rates) {
        List<UnitRate> sorted = new ArrayList<>(rates);
        sorted.sort(Comparator.comparing(UnitRate::validFrom));
        this.byStart = List.copyOf(sorted);
    }

    public CostLine price(List<HalfHourUsage> usage) {
        List<PeriodCost> priced = new ArrayList<>(usage.size());
        List<Instant> unpriced = new ArrayList<>();
        for (HalfHourUsage period : usage) {
            UnitRate rate = rateAt(period.intervalStart());
            if (rate == null) {
                unpriced.add(period.intervalStart());
            } else {
                priced.add(new PeriodCost(period.intervalStart(), period.kwh(), rate.pencePerKwhIncVat(),
                        period.kwh() * rate.pencePerKwhIncVat()));
            }
        }
        return new CostLine(priced, unpriced);
    }

    /** The latest rate starting at or before {@code start}, when it still runs then; otherwise null. */
    private UnitRate rateAt(Instant start) {
        int low = 0;
        int high = byStart.size() - 1;
        int last = -1;
        while (low <= high) {
            int mid = (low + high) >>> 1;
            if (byStart.get(mid).validFrom().isAfter(start)) {
                high = mid - 1;
            } else {
                last = mid;
                low = mid + 1;
            }
        }
        return last >= 0 && byStart.get(last).covers(start) ? byStart.get(last) : null;
    }
}
