package uk.consumptioninsights.model.access;

import java.util.regex.Pattern;

/**
 * Governance answers are metadata (names of principals, relations, functions), but an audit line or a partition
 * specification can quote a statement's literals. This keeps meter identities a role may not see off the screen:
 * 13-or-more-digit runs (an MPAN core or full MPAN) unless the role sees real MPANs, and keyed pseudonyms
 * ("P" and 16 hex digits) for aggregate-only roles.
 */
public final class MeterIdentityRedaction {

    public static final String HIDDEN = "•••";

    private static final Pattern MPAN = Pattern.compile("(?<!\\d)\\d{13,}(?!\\d)");
    private static final Pattern PSEUDONYM = Pattern.compile("(?<![0-9A-Za-z_])P[0-9a-f]{16}(?![0-9A-Za-z_])");

    private MeterIdentityRedaction() {
    }

    public static String forRole(PurposeRole role, String text) {
        if (text == null || text.isEmpty()) {
            return text == null ? "" : text;
        }
        String out = role.maySeeRawMpan() ? text : MPAN.matcher(text).replaceAll(HIDDEN);
        return role.aggregatesOnly() ? PSEUDONYM.matcher(out).replaceAll(HIDDEN) : out;
    }
}
