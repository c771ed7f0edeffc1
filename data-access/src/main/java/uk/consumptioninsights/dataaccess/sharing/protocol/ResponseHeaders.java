package uk.consumptioninsights.dataaccess.sharing.protocol;

import java.net.http.HttpHeaders;
import java.util.OptionalLong;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/** The response headers the protocol requires on metadata and query answers. */
public final class ResponseHeaders {

    public static final String TABLE_VERSION = "Delta-Table-Version";

    private ResponseHeaders() {
    }

    public static long tableVersion(HttpHeaders headers, String what) {
        String value = headers.firstValue(TABLE_VERSION).map(String::trim).orElse(null);
        if (value == null || !value.matches("\\d{1,18}")) {
            throw SharingException.of(Category.PROTOCOL, "The sharing server's answer to " + what + " has "
                    + (value == null ? "no" : "an unreadable") + " Delta-Table-Version header, so the workbench "
                    + "cannot tell which version it got. Tell your data provider.");
        }
        return Long.parseLong(value);
    }

    /** The version header where the protocol makes it optional (change data feed answers): empty when absent. */
    public static OptionalLong optionalTableVersion(HttpHeaders headers, String what) {
        return headers.firstValue(TABLE_VERSION).isPresent() ? OptionalLong.of(tableVersion(headers, what))
                : OptionalLong.empty();
    }

    /** We only ever ask for Parquet; a Delta-format answer needs a Delta reader this client does not have. */
    public static Capabilities requireParquet(HttpHeaders headers, String what) {
        Capabilities capabilities = Capabilities.parse(headers.firstValue(Capabilities.HEADER).orElse(null));
        if (capabilities.answersInOtherFormatThanParquet()) {
            throw SharingException.of(Category.UNSUPPORTED, "The sharing server answered " + what + " in the "
                    + String.join(",", capabilities.values().get("responseformat")) + " format, but the workbench "
                    + "reads only the Parquet format. The table probably uses Delta features such as deletion "
                    + "vectors; ask your data provider to share it without them.");
        }
        return capabilities;
    }
}
