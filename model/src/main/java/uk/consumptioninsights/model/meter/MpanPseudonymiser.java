package uk.consumptioninsights.model.meter;

import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keyed, stable pseudonyms for MPANs. A keyed HMAC rather than a plain hash, because the
 * MPAN space is small enough to reverse an unsalted hash by enumeration.
 * Safe for concurrent use: each call gets its own {@link Mac}.
 */
public final class MpanPseudonymiser {

    public static final int MINIMUM_KEY_BYTES = 32;

    private static final String ALGORITHM = "HmacSHA256";
    private static final int PSEUDONYM_HEX_CHARS = 16;

    private final SecretKeySpec key;

    public MpanPseudonymiser(byte[] key) {
        Objects.requireNonNull(key, "Pseudonymisation key is missing.");
        if (key.length < MINIMUM_KEY_BYTES) {
            throw new IllegalArgumentException("Pseudonymisation key is too short: " + key.length
                    + " bytes given, at least " + MINIMUM_KEY_BYTES + " are needed.");
        }
        // SecretKeySpec copies the array, so later changes by the caller have no effect.
        this.key = new SecretKeySpec(key, ALGORITHM);
    }

    /** "P" followed by the first 16 lowercase hex characters of HMAC-SHA-256(key, core). */
    public String pseudonym(Mpan mpan) {
        Objects.requireNonNull(mpan, "mpan");
        byte[] digest = newMac().doFinal(asciiBytes(mpan.core()));
        return "P" + HexFormat.of().formatHex(digest, 0, PSEUDONYM_HEX_CHARS / 2);
    }

    /** The core is validated as 13 ASCII digits, so each char is its own US-ASCII byte; no java.nio in the model. */
    private static byte[] asciiBytes(String core) {
        byte[] bytes = new byte[core.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) core.charAt(i);
        }
        return bytes;
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java platform must provide HmacSHA256, so this means a broken runtime.
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime.", e);
        }
    }

    @Override
    public String toString() {
        return "MpanPseudonymiser[" + ALGORITHM + ", key hidden]";
    }
}
