package uk.consumptioninsights.dataaccess.provider.credentials;

import java.util.Objects;

/**
 * No usable operating-system credential store: the secret was not kept, and nothing fell back to a plain file. The
 * sentence for the user depends on whether a secret was being saved or read, so it is built here for each, never
 * edited afterwards.
 *
 * @param problem what is wrong with the store
 * @param detail  for the user: what to do about it ({@link Problem#NO_STORE}), or the store's own words
 *                ({@link Problem#ACCESS_REFUSED})
 */
public record CredentialStoreUnavailable(Problem problem, String detail) implements SecretReadAnswer, SecretWriteAnswer {

    /** Why the store could not be used. */
    public enum Problem {
        /** No store at all on this machine (e.g. no Secret Service running on Linux). */
        NO_STORE,
        /** A store exists but refused access: locked, or access denied. */
        ACCESS_REFUSED
    }

    public CredentialStoreUnavailable {
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(detail, "detail");
    }

    /** No store at all; {@code hint} says what would provide one. */
    public static CredentialStoreUnavailable noStore(String hint) {
        return new CredentialStoreUnavailable(Problem.NO_STORE, hint);
    }

    /** The store refused; {@code why} is its message. */
    public static CredentialStoreUnavailable accessRefused(String why) {
        return new CredentialStoreUnavailable(Problem.ACCESS_REFUSED, why);
    }

    /** For the user after saving: what is missing and what to do about it. */
    public String reason() {
        return sentence("so the secret was not saved");
    }

    /** For the user after trying to read a saved secret. */
    public String readReason() {
        return sentence("so the secret could not be read");
    }

    private String sentence(String consequence) {
        return switch (problem) {
            case NO_STORE -> "No credential store is available, " + consequence + ". " + detail;
            case ACCESS_REFUSED -> "The credential store refused access (it may be locked, or access was denied): " + detail;
        };
    }
}
