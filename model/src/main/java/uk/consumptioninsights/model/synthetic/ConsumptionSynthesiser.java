package uk.consumptioninsights.model.synthetic;

import java.time.LocalDate;
import uk.consumptioninsights.model.time.SettlementDayGrid;

/**
 * Half-hourly kWh for one meter over a grid of settlement days: the meter's annual volume, a seasonal level, the
 * daily shape in local time, weekday/weekend, regional weather, day-to-day and half-hour noise, appliance spikes and
 * overnight EV charging. Stateless apart from the shared weather; safe to call from several threads.
 */
public final class ConsumptionSynthesiser {

    private final FleetSettings settings;
    private final SettlementDayGrid grid;
    private final RegionalWeather weather;
    private final double[] winterness;

    public ConsumptionSynthesiser(FleetSettings settings, SettlementDayGrid grid) {
        this.settings = settings;
        this.grid = grid;
        this.weather = new RegionalWeather(settings.seed(), grid.dayCount());
        this.winterness = new double[grid.dayCount()];
        for (int d = 0; d < grid.dayCount(); d++) {
            winterness[d] = winterness(grid.day(d));
        }
    }

    public SettlementDayGrid grid() {
        return grid;
    }

    /** 1 in mid-January, 0 in mid-July. */
    static double winterness(LocalDate day) {
        return 0.5 * (1 + Math.cos(2 * Math.PI * (day.getDayOfYear() - 15) / 365.25));
    }

    public double[] series(SyntheticMeter meter) {
        double[] kwh = new double[grid.size()];
        boolean business = meter.customerClass() == CustomerClass.SMALL_BUSINESS;
        double meanHalfHour = meter.annualKwh() / 365.0 / 48.0;
        for (int d = 0; d < grid.dayCount(); d++) {
            SplitMix random = new SplitMix(settings.seed(), 4, meter.index(), d);
            LocalDate day = grid.day(d);
            double w = winterness[d];
            double seasonal = business ? 0.9 + 0.2 * w : 0.8 + 0.4 * w;
            double dayType = !business && DailyShape.isWeekend(day.getDayOfWeek()) ? 1.08 : 1.0;
            double dayLevel = meanHalfHour * seasonal * dayType
                    * weather.loadFactor(meter.gspGroup(), d, w) * random.lognormalUnitMean(0.15);
            boolean evNight = meter.evCharging() && random.nextDouble() < 0.35;
            int evStartSlot = random.between(0, 4);
            int evLength = random.between(4, 8);
            int start = grid.dayStartIndex(d);
            for (int p = 0; p < grid.periodsOnDay(d); p++) {
                int slot = grid.localSlotAt(start + p);
                double shape = business ? DailyShape.business(day.getDayOfWeek(), slot)
                        : DailyShape.domestic(w, day.getDayOfWeek(), slot);
                double value = dayLevel * shape * random.lognormalUnitMean(business ? 0.15 : 0.4);
                boolean awake = slot >= 13 && slot <= 45;
                if (!business && awake && random.nextDouble() < 0.02) {
                    value += random.uniform(0.3, 1.2);
                }
                if (evNight && slot >= evStartSlot && slot < evStartSlot + evLength) {
                    value += 3.5;
                }
                kwh[start + p] = Math.round(value * 1000) / 1000.0;
            }
        }
        return kwh;
    }
}
