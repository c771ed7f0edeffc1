package uk.consumptioninsights.model.cases;

import java.util.Objects;
import java.util.Optional;
import uk.consumptioninsights.model.access.MeterIdentity;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.InvalidMpanException;
import uk.consumptioninsights.model.meter.MeterPseudonym;
import uk.consumptioninsights.model.meter.Mpan;

/**
 * The meter a case is about, under the key the purpose may see: the MPAN for Settlement, the keyed pseudonym for the
 * per-meter pseudonymous purposes, none for Research. Always a validated key, never free text.
 */
public sealed interface CaseMeter permits CaseMeter.NoMeter, CaseMeter.MpanMeter, CaseMeter.PseudonymMeter,
        CaseMeter.WithheldMeter {

    /** The stored kind of key; empty for no meter. */
    Optional<String> kind();

    /** The stored key; empty for no meter (and for a withheld one, which is never read). */
    Optional<String> key();

    /** What a screen shows. */
    String label();

    /** The case names no meter (a network or data-quality case, or any case raised under Research). */
    record NoMeter() implements CaseMeter {
        @Override
        public Optional<String> kind() {
            return Optional.empty();
        }

        @Override
        public Optional<String> key() {
            return Optional.empty();
        }

        @Override
        public String label() {
            return "";
        }
    }

    /** A raw MPAN: only ever raised, stored for and read back under Settlement. */
    record MpanMeter(Mpan mpan) implements CaseMeter {
        public MpanMeter {
            Objects.requireNonNull(mpan, "mpan");
        }

        @Override
        public Optional<String> kind() {
            return Optional.of(MPAN_KIND);
        }

        @Override
        public Optional<String> key() {
            return Optional.of(mpan.core());
        }

        @Override
        public String label() {
            return mpan.core();
        }
    }

    record PseudonymMeter(MeterPseudonym pseudonym) implements CaseMeter {
        public PseudonymMeter {
            Objects.requireNonNull(pseudonym, "pseudonym");
        }

        @Override
        public Optional<String> kind() {
            return Optional.of(PSEUDONYM_KIND);
        }

        @Override
        public Optional<String> key() {
            return Optional.of(pseudonym.value());
        }

        @Override
        public String label() {
            return pseudonym.value();
        }
    }

    /**
     * Read side only: the case names a meter under a key this purpose may not see (an MPAN outside Settlement, any
     * meter under Research). The key never leaves the store.
     */
    record WithheldMeter() implements CaseMeter {
        @Override
        public Optional<String> kind() {
            return Optional.empty();
        }

        @Override
        public Optional<String> key() {
            return Optional.empty();
        }

        @Override
        public String label() {
            return "Meter withheld for this purpose";
        }
    }

    String MPAN_KIND = "mpan";
    String PSEUDONYM_KIND = "pseudonym";

    static CaseMeter none() {
        return new NoMeter();
    }

    /**
     * The meter of a case raised under {@code purpose} from the key that purpose's lists show (MeterChoice.key,
     * AnomalyRow.meterLabel): an MPAN under Settlement, a pseudonym under Market monitoring and Recipient; Research
     * has no meter keys. Blank means no meter.
     */
    static CaseMeter fromKey(PurposeRole purpose, String key) {
        if (key == null || key.isBlank()) {
            return none();
        }
        String trimmed = key.strip();
        return switch (purpose.meterIdentity()) {
            case RAW_MPAN -> {
                try {
                    yield new MpanMeter(Mpan.parse(trimmed));
                } catch (InvalidMpanException e) {
                    throw new MeterKeyRefused(e.getMessage());
                }
            }
            case PSEUDONYM -> {
                try {
                    yield new PseudonymMeter(new MeterPseudonym(trimmed));
                } catch (IllegalArgumentException e) {
                    throw new MeterKeyRefused("Under " + purpose.displayName() + " a case names its meter by the "
                            + "pseudonym the meter list shows ('P' and 16 hex characters), never by an MPAN.");
                }
            }
            case NONE -> throw new MeterKeyRefused("Under " + purpose.displayName()
                    + " a case cannot name a meter: this purpose sees no meter identity.");
        };
    }

    /** Refuses a meter that {@code purpose} may not raise a case with. */
    static void requireRaisableUnder(PurposeRole purpose, CaseMeter meter) {
        if (meter instanceof MpanMeter && !purpose.maySeeRawMpan()) {
            throw new MeterKeyRefused("Under " + purpose.displayName() + " a case cannot carry an MPAN: only "
                    + "Settlement may. Name the meter by its pseudonym.");
        }
        if (meter instanceof PseudonymMeter && purpose.meterIdentity() != MeterIdentity.PSEUDONYM) {
            throw new MeterKeyRefused("Under " + purpose.displayName() + " a case names its meter by "
                    + (purpose.maySeeRawMpan() ? "its MPAN" : "nothing: this purpose sees no meter identity")
                    + ", not by a pseudonym.");
        }
        if (meter instanceof WithheldMeter) {
            throw new MeterKeyRefused(
                    "A withheld meter cannot be written to a case: raise it with the meter's key or with none.");
        }
    }
}
