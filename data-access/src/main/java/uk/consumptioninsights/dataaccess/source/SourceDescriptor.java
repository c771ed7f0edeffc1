package uk.consumptioninsights.dataaccess.source;

/**
 * What the user is looking at, always shown in the window.
 *
 * @param name     short name, e.g. "Synthetic workspace (2,000 meters)"
 * @param location where it lives: a file path, a host, a share
 */
public record SourceDescriptor(SourceKind kind, String name, String location) {

    public String title() {
        return kind.displayName() + " · " + name;
    }
}
