package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * UTF-8 that refuses bytes that are not UTF-8 instead of turning them into U+FFFD: two file ids that differ only in
 * such bytes would otherwise become the same id, and a name would silently change.
 */
public final class StrictUtf8 {

    private StrictUtf8() {
    }

    public static CharsetDecoder decoder() {
        return StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
    }

    /** A reader that fails with a {@link java.nio.charset.CharacterCodingException} on bytes that are not UTF-8. */
    public static Reader reader(InputStream in) {
        return new InputStreamReader(in, decoder());
    }
}
