package uk.consumptioninsights.dataaccess.octopus;

import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An Octopus electricity tariff code such as {@code E-1R-AGILE-24-10-01-J}: fuel and registers, the product code, and
 * the region letter (the GSP group without its underscore). The product code is needed to address the unit rates.
 */
public record TariffCode(String code) {

    private static final Pattern SHAPE = Pattern.compile("E-(1R|2R|FLAT2R)-([A-Z0-9-]+)-([A-HJ-NP])");

    public TariffCode {
        Objects.requireNonNull(code, "code");
        code = code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(code).matches()) {
            throw new IllegalArgumentException("'" + code + "' is not an Octopus electricity tariff code; it looks like "
                    + "E-1R-AGILE-24-10-01-J (shown in your Octopus account under your tariff).");
        }
    }

    /** {@code AGILE-24-10-01} for {@code E-1R-AGILE-24-10-01-J}. */
    public String productCode() {
        Matcher m = SHAPE.matcher(code);
        m.matches();
        return m.group(2);
    }

    @Override
    public String toString() {
        return code;
    }
}
