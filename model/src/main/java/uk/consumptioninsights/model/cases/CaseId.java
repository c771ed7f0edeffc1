package uk.consumptioninsights.model.cases;

import java.util.UUID;

/** A case's identity: a random UUID, so that analysts raising cases at once on one warehouse never collide. */
public record CaseId(String value) {

    public CaseId {
        try {
            if (value == null || !UUID.fromString(value).toString().equals(value)) {
                throw new IllegalArgumentException();
            }
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("'" + value + "' is not a case id (a lowercase UUID).");
        }
    }

    public static CaseId random() {
        return new CaseId(UUID.randomUUID().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
