package uk.consumptioninsights.dataaccess.source;

/**
 * What the user is looking at, always shown in the window.
 *
 * @param name            short name, e.g. "Synthetic workspace (2,000 meters)"
 * @param location        where it lives: a file path, a host, a share
 * @param flaggedReadings readings the source keeps but flags as physically implausible, left out of every total and
 *                        chart; 0 when it has none or cannot tell
 */
public record SourceDescriptor(SourceKind kind, String name, String location, long flaggedReadings) {

    public SourceDescriptor(SourceKind kind, String name, String location) {
        this(kind, name, location, 0);
    }

    public String title() {
        return kind.displayName() + " · " + name;
    }
}
