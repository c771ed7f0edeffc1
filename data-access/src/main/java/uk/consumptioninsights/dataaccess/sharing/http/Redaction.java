package uk.consumptioninsights.dataaccess.sharing.http;

import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Keeps secrets out of logs and messages: a pre-signed URL's query string is its signature, so it is cut; tokens and
 * client secrets this client knows of are replaced wherever a server echoes them back.
 */
public final class Redaction {

    /** Shorter strings would blank ordinary words; real tokens and secrets are far longer. */
    private static final int MIN_SECRET_LENGTH = 6;

    private final Set<String> secrets = ConcurrentHashMap.newKeySet();

    /** {@code url} without its query string and fragment, safe to log. */
    public static String url(String url) {
        if (url == null) {
            return "null";
        }
        int cut = url.length();
        int query = url.indexOf('?');
        int fragment = url.indexOf('#');
        if (query >= 0) {
            cut = query;
        }
        if (fragment >= 0 && fragment < cut) {
            cut = fragment;
        }
        return cut < url.length() ? url.substring(0, cut) + "?…" : url;
    }

    /** As {@link #url(String)}, and without any user information ({@code user:password@}) before the host. */
    public static String url(URI uri) {
        if (uri == null) {
            return "null";
        }
        String text = uri.toString();
        String userInfo = uri.getRawUserInfo();
        return url(userInfo == null ? text : text.replace(userInfo + "@", ""));
    }

    /** Remembers a secret so that {@link #scrub(String)} removes it from any text. */
    public void add(String secret) {
        if (secret != null && secret.length() >= MIN_SECRET_LENGTH) {
            secrets.add(secret);
        }
    }

    public String scrub(String text) {
        if (text == null) {
            return null;
        }
        String result = text;
        for (String secret : secrets) {
            result = result.replace(secret, "***");
        }
        return result;
    }
}
