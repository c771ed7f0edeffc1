package uk.consumptioninsights.model.series;

import java.util.Locale;

/**
 * Whether a well-formed reading is physically plausible for an import meter. An implausible reading is kept with its
 * flag (the meter sent it, and the malfunction detector exists to find it) but never counted as consumption: totals,
 * aggregates and charts leave it out.
 */
public enum ReadingFlag {
    PLAUSIBLE(""),
    /** Below zero: an import meter cannot record negative consumption. */
    NEGATIVE("negative"),
    /** Above {@value #CEILING_KWH} kWh in a half-hour: beyond any whole-current supply (100 A three-phase is about 35). */
    ABOVE_CEILING("above_ceiling");

    /** The most a half-hour can plausibly hold on a whole-current (domestic or small business) supply, with a margin. */
    public static final double CEILING_KWH = 50;

    private final String code;

    ReadingFlag(String code) {
        this.code = code;
    }

    public static ReadingFlag of(double kwh) {
        if (kwh < 0) {
            return NEGATIVE;
        }
        return kwh > CEILING_KWH ? ABOVE_CEILING : PLAUSIBLE;
    }

    public static boolean isPlausible(double kwh) {
        return kwh >= 0 && kwh <= CEILING_KWH;
    }

    /** The value stored with a flagged reading ({@code negative}, {@code above_ceiling}); empty for a plausible one. */
    public String code() {
        return code;
    }

    /** Accepts a stored code; an empty or null code is a plausible reading. */
    public static ReadingFlag fromCode(String code) {
        if (code == null || code.isBlank()) {
            return PLAUSIBLE;
        }
        String normalised = code.trim().toLowerCase(Locale.ROOT);
        for (ReadingFlag flag : values()) {
            if (flag.code.equals(normalised)) {
                return flag;
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a reading flag (negative, above_ceiling)");
    }

    /** Why the reading is flagged, in plain words, naming the value. */
    public String explain(double kwh) {
        return switch (this) {
            case PLAUSIBLE -> "";
            case NEGATIVE -> String.format(Locale.UK, "%.3f kWh is negative: an import meter cannot record negative "
                    + "consumption", kwh);
            case ABOVE_CEILING -> String.format(Locale.UK, "%.3f kWh in a half-hour is more than the %.0f kWh any "
                    + "household or small business supply can deliver", kwh, CEILING_KWH);
        };
    }
}
