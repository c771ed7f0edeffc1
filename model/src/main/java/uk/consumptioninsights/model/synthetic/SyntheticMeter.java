package uk.consumptioninsights.model.synthetic;

import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.meter.Mpan;

/**
 * One generated supply and the traits that make its consumption its own.
 *
 * @param index         position in the fleet, the key of its random stream
 * @param annualKwh     expected consumption over a year
 * @param evCharging    charges an electric vehicle overnight on some nights
 */
public record SyntheticMeter(int index, Mpan mpan, GspGroup gspGroup, CustomerClass customerClass, double annualKwh,
                             boolean evCharging) {
}
