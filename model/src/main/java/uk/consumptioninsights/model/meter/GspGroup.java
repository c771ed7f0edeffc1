package uk.consumptioninsights.model.meter;

import java.util.Locale;
import java.util.Optional;

/**
 * The 14 Grid Supply Point groups of GB, one per DNO licence area.
 * Letters I and O are not used; distributor ids do not follow letter order (17 is _P, 20 is _H).
 */
public enum GspGroup {
    A(10, "Eastern England", "EELC"),
    B(11, "East Midlands", "EMEB"),
    C(12, "London", "LOND"),
    D(13, "Merseyside & North Wales", "MANW"),
    E(14, "West Midlands", "MIDE"),
    F(15, "North East England", "NEEB"),
    G(16, "North West England", "NORW"),
    H(20, "Southern England", "SOUT"),
    J(19, "South East England", "SEEB"),
    K(21, "South Wales", "SWAE"),
    L(22, "South West England", "SWEB"),
    M(23, "Yorkshire", "YELG"),
    N(18, "South Scotland", "SPOW"),
    P(17, "North Scotland", "HYDE");

    private final int distributorId;
    private final String region;
    private final String marketParticipantId;

    GspGroup(int distributorId, String region, String marketParticipantId) {
        this.distributorId = distributorId;
        this.region = region;
        this.marketParticipantId = marketParticipantId;
    }

    /** The industry code with its leading underscore, e.g. "_A". */
    public String code() {
        return "_" + name();
    }

    public int distributorId() {
        return distributorId;
    }

    public String region() {
        return region;
    }

    public String marketParticipantId() {
        return marketParticipantId;
    }

    /** Empty for IDNO ids (24 upward) and unknown ids: IDNOs operate across many groups. */
    public static Optional<GspGroup> forDistributorId(int distributorId) {
        for (GspGroup group : values()) {
            if (group.distributorId == distributorId) {
                return Optional.of(group);
            }
        }
        return Optional.empty();
    }

    /** Accepts "_A" or "A" in either case, as seen in Elexon data and Octopus tariff codes. */
    public static GspGroup fromCode(String code) {
        if (code != null) {
            String letter = code.trim().toUpperCase(Locale.ROOT);
            if (letter.startsWith("_")) {
                letter = letter.substring(1);
            }
            if (letter.length() == 1) {
                for (GspGroup group : values()) {
                    if (group.name().equals(letter)) {
                        return group;
                    }
                }
            }
        }
        throw new IllegalArgumentException("'" + code + "' is not a GSP group code. "
                + "Use one of _A to _P (no _I or _O), with or without the underscore.");
    }
}
