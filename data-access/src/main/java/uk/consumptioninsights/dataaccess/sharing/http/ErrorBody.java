package uk.consumptioninsights.dataaccess.sharing.http;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import uk.consumptioninsights.dataaccess.sharing.protocol.SharingJson;

/**
 * What an error response says, read tolerantly: the spec's {@code {"errorCode","message"}}, hosted servers'
 * {@code error_code}, Google-style {@code details[].metadata.dsError}, OAuth's {@code error}/{@code error_description},
 * S3's XML, plain text or nothing at all.
 *
 * @param code    the machine-readable code, or null
 * @param message the human-readable text, shortened, or null
 * @param dsError a Delta Sharing error name from {@code details}, or null
 */
public record ErrorBody(String code, String message, String dsError) {

    static final int MAX_MESSAGE = 300;

    private static final Pattern XML_CODE = Pattern.compile("<Code>([^<]{1,100})</Code>");
    private static final Pattern XML_MESSAGE = Pattern.compile("<Message>([^<]{1,500})</Message>");

    public static ErrorBody parse(String body) {
        if (body == null || body.isBlank()) {
            return new ErrorBody(null, null, null);
        }
        String trimmed = body.trim();
        if (trimmed.startsWith("{")) {
            try {
                return fromJson(SharingJson.MAPPER.readTree(trimmed));
            } catch (java.io.IOException e) {
                return new ErrorBody(null, shorten(trimmed), null);
            }
        }
        if (trimmed.startsWith("<")) {
            Matcher code = XML_CODE.matcher(trimmed);
            Matcher message = XML_MESSAGE.matcher(trimmed);
            String c = code.find() ? code.group(1).trim() : null;
            String m = message.find() ? shorten(message.group(1)) : shorten(trimmed.replaceAll("<[^>]*>", " "));
            return new ErrorBody(c, m, null);
        }
        return new ErrorBody(null, shorten(trimmed), null);
    }

    private static ErrorBody fromJson(JsonNode root) {
        JsonNode error = root.get("error");
        JsonNode inner = error != null && error.isObject() ? error : root;
        String code = SharingJson.text(inner, "errorCode")
                .or(() -> SharingJson.text(inner, "error_code"))
                .or(() -> SharingJson.text(inner, "code"))
                .or(() -> SharingJson.text(root, "error"))
                .orElse(null);
        String message = SharingJson.text(inner, "message")
                .or(() -> SharingJson.text(root, "error_description"))
                .map(ErrorBody::shorten)
                .orElse(null);
        return new ErrorBody(code, message, dsError(inner.get("details")).orElse(null));
    }

    private static Optional<String> dsError(JsonNode details) {
        if (details == null || !details.isArray()) {
            return Optional.empty();
        }
        for (JsonNode detail : details) {
            Optional<String> found = SharingJson.text(detail.get("metadata"), "dsError");
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    public boolean isEmpty() {
        return code == null && message == null && dsError == null;
    }

    /** {@code CODE: message} (or whichever parts exist), for quoting the server in a user message. */
    public String summary() {
        StringBuilder text = new StringBuilder();
        String shownCode = dsError != null ? dsError : code;
        if (shownCode != null) {
            text.append(shownCode);
        }
        if (message != null) {
            text.append(text.length() > 0 ? ": " : "").append(message);
        }
        return text.toString();
    }

    static String shorten(String text) {
        String flat = text.replaceAll("[\\p{Cntrl}\\s]+", " ").trim();
        return flat.length() <= MAX_MESSAGE ? flat : flat.substring(0, MAX_MESSAGE - 1) + "…";
    }
}
