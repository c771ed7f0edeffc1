package uk.consumptioninsights.model.cases;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * One entry of a case's activity trail: who changed which field when, from what to what. Enumerated fields carry
 * their codes ({@link CaseStatus#code()} ...), text fields their text; a raising has no "from" and the status as "to".
 *
 * @param version the case version this change produced (1 for the raising)
 * @param actor   the OS user locally, the signed-in identity on the warehouse
 */
public record CaseActivity(CaseId caseId, long version, Instant at, String actor, CaseField field,
                           Optional<String> from, Optional<String> to) {

    public CaseActivity {
        Objects.requireNonNull(caseId, "caseId");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actor, "actor");
        Objects.requireNonNull(field, "field");
        // Empty text and no value read the same in a trail, and are stored the same.
        from = Objects.requireNonNull(from, "from").filter(value -> !value.isEmpty());
        to = Objects.requireNonNull(to, "to").filter(value -> !value.isEmpty());
    }
}
