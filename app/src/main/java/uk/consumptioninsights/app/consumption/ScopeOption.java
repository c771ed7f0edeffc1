package uk.consumptioninsights.app.consumption;

import uk.consumptioninsights.model.meter.GspGroup;

/** One entry of the scope picker: all meters, a GSP group, or "one meter" (then a meter picker appears). */
public record ScopeOption(Kind kind, GspGroup group) {

    public enum Kind { ALL_METERS, GSP_GROUP, ONE_METER }

    public static final ScopeOption ALL = new ScopeOption(Kind.ALL_METERS, null);
    public static final ScopeOption ONE_METER = new ScopeOption(Kind.ONE_METER, null);

    public static ScopeOption of(GspGroup group) {
        return new ScopeOption(Kind.GSP_GROUP, group);
    }

    public String label() {
        return switch (kind) {
            case ALL_METERS -> "All meters";
            case GSP_GROUP -> "GSP group " + group.code() + " · " + group.region();
            case ONE_METER -> "One meter…";
        };
    }

    @Override
    public String toString() {
        return label();
    }
}
