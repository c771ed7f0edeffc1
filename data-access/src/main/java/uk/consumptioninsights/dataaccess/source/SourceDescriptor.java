package uk.consumptioninsights.dataaccess.source;

/**
 * What the user is looking at, always shown in the window.
 *
 * @param name            short name, e.g. "Synthetic workspace (2,000 meters)"
 * @param location        where it lives: a file path, a host, a share
 * @param flaggedReadings readings the source keeps but flags as physically implausible, left out of every total and
 *                        chart; 0 when it has none or cannot tell
 * @param metersEndingEarly meters whose last settlement day with readings is more than {@value #DATA_ENDS_DAYS} days
 *                        before the source's last (removed, replaced or no longer read: their data end, which is not a
 *                        fault); 0 when there are none or the source cannot tell
 */
public record SourceDescriptor(SourceKind kind, String name, String location, long flaggedReadings, long metersEndingEarly) {

    /** A meter whose last day with readings is more than this many settlement days before the source's last has data that end. */
    public static final int DATA_ENDS_DAYS = 2;

    public SourceDescriptor(SourceKind kind, String name, String location) {
        this(kind, name, location, 0, 0);
    }

    public SourceDescriptor(SourceKind kind, String name, String location, long flaggedReadings) {
        this(kind, name, location, flaggedReadings, 0);
    }

    public String title() {
        return kind.displayName() + " · " + name;
    }
}
