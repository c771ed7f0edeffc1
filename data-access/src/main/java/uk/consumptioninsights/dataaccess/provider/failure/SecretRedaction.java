package uk.consumptioninsights.dataaccess.provider.failure;

import java.util.regex.Pattern;

/** Removes anything that looks like a credential from driver text before it reaches a message or a log. */
public final class SecretRedaction {

    private static final String REDACTED = "[redacted]";
    private static final Pattern[] PATTERNS = {
            Pattern.compile("(?i)(bearer\\s+)[^\\s,;\"']+"),
            Pattern.compile("(?i)((?:PWD|password|OAuth2Secret|Auth_AccessToken|Auth_RefreshToken|client_secret|access_token|refresh_token)\\s*[=:]\\s*\"?)[^\\s,;&\"']+"),
            // Databricks personal access tokens start with "dapi" followed by hex; OAuth tokens are JWTs.
            Pattern.compile("()\\bdapi[0-9a-f]{16,}(-\\d+)?\\b"),
            Pattern.compile("()\\beyJ[A-Za-z0-9_-]{8,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
    };

    private SecretRedaction() {
    }

    public static String redact(String text) {
        if (text == null) {
            return "";
        }
        String result = text;
        for (Pattern pattern : PATTERNS) {
            result = pattern.matcher(result).replaceAll("$1" + REDACTED);
        }
        return result;
    }
}
