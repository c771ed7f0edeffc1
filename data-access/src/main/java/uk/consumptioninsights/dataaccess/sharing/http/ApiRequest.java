package uk.consumptioninsights.dataaccess.sharing.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One call to the sharing server.
 *
 * @param path      path segments after the endpoint, each encoded on its own
 * @param jsonBody  the POST body, or null for a GET
 * @param action    what the call does, as a verb phrase for messages ("list the shares")
 * @param subject   what a 404 means is missing ("Share 'sales'")
 * @param bodyLimit the most bytes read of the answer, or 0 for the transport's limit for any answer
 */
public record ApiRequest(List<String> path, Map<String, String> query, Map<String, String> headers, String jsonBody,
                         String action, String subject, long bodyLimit) {

    public ApiRequest {
        path = List.copyOf(path);
        query = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(query));
        headers = Map.copyOf(headers);
        if (bodyLimit < 0) {
            throw new IllegalArgumentException("A body limit cannot be negative");
        }
    }

    public ApiRequest(List<String> path, Map<String, String> query, Map<String, String> headers, String jsonBody,
                      String action, String subject) {
        this(path, query, headers, jsonBody, action, subject, 0);
    }

    public static ApiRequest get(List<String> path, Map<String, String> query, String action, String subject) {
        return new ApiRequest(path, query, Map.of(), null, action, subject);
    }

    public ApiRequest withHeader(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(headers);
        all.put(name, value);
        return new ApiRequest(path, query, all, jsonBody, action, subject, bodyLimit);
    }

    public ApiRequest withQuery(String name, String value) {
        Map<String, String> all = new LinkedHashMap<>(query);
        all.put(name, value);
        return new ApiRequest(path, all, headers, jsonBody, action, subject, bodyLimit);
    }

    public ApiRequest withBodyLimit(long bytes) {
        return new ApiRequest(path, query, headers, jsonBody, action, subject, bytes);
    }

    public ApiRequest post(String body) {
        return new ApiRequest(path, query, headers, body, action, subject, bodyLimit);
    }
}
