package uk.consumptioninsights.dataaccess.importer;

/** Why a CSV line was not imported, with the phrase the import summary uses for it ("2 with an invalid timestamp"). */
public enum RejectionKind {
    /** Longer than {@value BoundedLines#KEPT_CHARS} characters: no reading line comes near, so it is not parsed. */
    TOO_LONG("too long to be a reading"),
    WRONG_FIELD_COUNT("with the wrong number of fields"),
    INVALID_HOUSEHOLD("with a missing or invalid household id"),
    INVALID_TIMESTAMP("with an invalid timestamp"),
    OFF_HALF_HOUR("with a timestamp not on a half-hour boundary"),
    MISSING_ENERGY("with an empty or Null energy value"),
    INVALID_ENERGY("with an energy value that is not a number"),
    DUPLICATE("duplicate");

    private final String summaryPhrase;

    RejectionKind(String summaryPhrase) {
        this.summaryPhrase = summaryPhrase;
    }

    /** Follows the count in the summary, e.g. "with an invalid timestamp"; DUPLICATE reads "1 duplicate". */
    public String summaryPhrase() {
        return summaryPhrase;
    }
}
