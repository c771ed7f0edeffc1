package uk.consumptioninsights.model.cases;

import java.util.Optional;

/** The limits on a case's text fields, checked once for raising and editing alike. */
final class CaseText {

    static final int TITLE_MAX = 200;
    static final int NAME_MAX = 200;
    static final int DESCRIPTION_MAX = 20_000;

    private CaseText() {
    }

    static String title(String title) {
        String stripped = title == null ? "" : title.strip();
        if (stripped.isEmpty()) {
            throw new IllegalArgumentException("A case needs a title: say in a few words what was found.");
        }
        return limited("The title", oneLine("The title", stripped), TITLE_MAX);
    }

    static String description(String description) {
        return limited("The description", description == null ? "" : description.strip(), DESCRIPTION_MAX);
    }

    /** Blank means nobody (unassigned). */
    static Optional<String> assignee(Optional<String> assignee) {
        return assignee.map(String::strip).filter(a -> !a.isEmpty())
                .map(a -> limited("The assignee", oneLine("The assignee", a), NAME_MAX));
    }

    static Optional<String> anomalyId(Optional<String> anomalyId) {
        return anomalyId.map(String::strip).filter(a -> !a.isEmpty())
                .map(a -> limited("The linked anomaly id", oneLine("The linked anomaly id", a), NAME_MAX));
    }

    private static String oneLine(String what, String text) {
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(what + " must be one line without control characters.");
        }
        return text;
    }

    private static String limited(String what, String text, int max) {
        if (text.length() > max) {
            throw new IllegalArgumentException(what + " has " + text.length() + " characters; at most " + max
                    + " are kept. Shorten it.");
        }
        return text;
    }
}
