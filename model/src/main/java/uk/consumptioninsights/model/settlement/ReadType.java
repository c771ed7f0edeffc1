package uk.consumptioninsights.model.settlement;

/**
 * Whether a delivered half-hour was read from the meter or estimated by the data service. Stored as its code; a
 * source that does not say (a workspace built before read types were kept) stores NULL, read back as
 * {@link #UNKNOWN}, which never counts as actual.
 */
public enum ReadType {
    ACTUAL("actual"),
    ESTIMATED("estimated"),
    UNKNOWN(null);

    private final String code;

    ReadType(String code) {
        this.code = code;
    }

    /** The stored value: {@code actual}, {@code estimated}, or null for unknown. */
    public String code() {
        return code;
    }

    public static ReadType ofCode(String code) {
        if (code == null) {
            return UNKNOWN;
        }
        for (ReadType type : values()) {
            if (code.equals(type.code)) {
                return type;
            }
        }
        throw new IllegalArgumentException("Not a read type: " + code);
    }
}
