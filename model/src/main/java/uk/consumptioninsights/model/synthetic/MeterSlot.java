package uk.consumptioninsights.model.synthetic;

import uk.consumptioninsights.model.meter.GspGroup;

/** A meter as the anomaly planner sees it: a key (MPAN or household id) and the GSP group it sits in. */
public record MeterSlot(String meterKey, GspGroup gspGroup) {
}
