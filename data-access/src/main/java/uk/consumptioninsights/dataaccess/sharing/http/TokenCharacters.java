package uk.consumptioninsights.dataaccess.sharing.http;

import java.util.Optional;

/**
 * Whether a token can travel in an {@code Authorization} header. A line break or other control character means a
 * damaged token (and Java's refusal of such a header quotes the whole value), so such tokens are refused early, with
 * a message that never shows the token.
 */
public final class TokenCharacters {

    /** The highest character a request header carries (ISO-8859-1). */
    private static final char HIGHEST = '\u00FF';

    private TokenCharacters() {
    }

    /** What is wrong with the token, in words ("a line break"), or empty when it can be sent. */
    public static Optional<String> problem(String token) {
        for (int i = 0; i < token.length(); i++) {
            char c = token.charAt(i);
            if (c == '\n' || c == '\r') {
                return Optional.of("a line break");
            }
            if (Character.isISOControl(c)) {
                return Optional.of("a control character");
            }
            if (c > HIGHEST) {
                return Optional.of("a character a request header cannot carry");
            }
        }
        return Optional.empty();
    }
}
