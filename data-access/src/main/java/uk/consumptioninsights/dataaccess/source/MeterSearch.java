package uk.consumptioninsights.dataaccess.source;

import java.util.Locale;
import java.util.Optional;
import uk.consumptioninsights.model.meter.GspGroup;

/**
 * What an analyst typed to find a meter: the start of an MPAN or a pseudonym (any case), or a GSP group's code
 * ("_C", or "C"). Blank finds every meter. One rule for every source, so the workbench finds the same meters in a
 * local workspace, a recipient's copy and the provider's warehouse.
 *
 * @param text the typed text, trimmed
 */
public record MeterSearch(String text) {

    /** Meters listed at most per search: a picker shows a page, never a whole fleet. */
    public static final int PAGE = 200;

    public MeterSearch {
        text = text == null ? "" : text.strip();
    }

    public static MeterSearch all() {
        return new MeterSearch("");
    }

    public boolean isBlank() {
        return text.isEmpty();
    }

    /** The key prefix, upper case (pseudonyms are "P" and hex; MPANs are digits). */
    public String keyPrefix() {
        return text.toUpperCase(Locale.ROOT);
    }

    /** The GSP group the text names, if it names one. */
    public Optional<GspGroup> group() {
        String code = keyPrefix().startsWith("_") ? keyPrefix() : "_" + keyPrefix();
        for (GspGroup group : GspGroup.values()) {
            if (group.code().equals(code)) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    public boolean matches(MeterChoice meter) {
        return isBlank() || meter.key().toUpperCase(Locale.ROOT).startsWith(keyPrefix())
                || group().map(g -> g == meter.gspGroup()).orElse(false);
    }

    /** The key prefix as a LIKE pattern with {@code !} as the escape character (portable to DuckDB and Spark SQL). */
    public String likePattern() {
        return keyPrefix().replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
