package uk.consumptioninsights.dataaccess.sharing.schema;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@code decimal(p,s)} schema type, read tolerantly ({@code decimal( 12 , 3 )}, bare {@code decimal} = (10,0),
 * Spark's negative scales).
 */
public record DecimalType(int precision, int scale) {

    private static final Pattern DECIMAL =
            Pattern.compile("decimal\\s*(?:\\(\\s*(\\d{1,3})\\s*(?:,\\s*(-?\\d{1,3})\\s*)?\\))?",
                    Pattern.CASE_INSENSITIVE);

    /** DuckDB's (and Delta's) widest decimal. */
    public static final int MAX_PRECISION = 38;

    public static Optional<DecimalType> parse(String type) {
        Matcher m = DECIMAL.matcher(type.trim());
        if (!m.matches()) {
            return Optional.empty();
        }
        int precision = m.group(1) == null ? 10 : Integer.parseInt(m.group(1));
        int scale = m.group(2) == null ? 0 : Integer.parseInt(m.group(2));
        return Optional.of(new DecimalType(precision, scale));
    }

    public String deltaName() {
        return "decimal(" + precision + "," + scale + ")";
    }

    /**
     * The DuckDB type holding every value exactly, or empty when none can. A negative scale means whole numbers with
     * trailing zeros, so the digits left of the point grow by the scale's size.
     */
    public Optional<String> duckdbType() {
        int digits = scale < 0 ? precision - scale : precision;
        int duckScale = Math.max(scale, 0);
        if (precision < 1 || digits > MAX_PRECISION || duckScale > digits) {
            return Optional.empty();
        }
        return Optional.of("DECIMAL(" + digits + "," + duckScale + ")");
    }
}
