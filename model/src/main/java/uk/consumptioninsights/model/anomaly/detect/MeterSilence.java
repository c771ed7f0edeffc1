package uk.consumptioninsights.model.anomaly.detect;

/**
 * When a meter's silence says something about the network: a half-hour with no reading inside the meter's span, or a
 * zero where this meter seldom reads zero. A meter that reads zero half the time tells nothing by reading zero (its
 * missing readings still count), and half-hours outside its span (before its first reading, after its last) are not
 * expected from it at all.
 */
final class MeterSilence {

    /** A meter reading zero at least this often is not informative about outages. */
    static final double MAX_ZERO_SHARE = 0.5;
    /** A zero is unusual for the meter when it reads zero in less than this share of that local slot's readings. */
    static final double MAX_SLOT_ZERO_RATE = 0.2;

    private MeterSilence() {
    }

    /** Reading i is a zero this meter seldom reads at that time of day (never so for a meter that mostly reads zero). */
    static boolean unusualZero(MeterBaseline b, int i) {
        return b.meter.kwhAt(i) == 0 && b.zeroShare < MAX_ZERO_SHARE && b.slotZeroRate[b.slot[i]] < MAX_SLOT_ZERO_RATE;
    }
}
