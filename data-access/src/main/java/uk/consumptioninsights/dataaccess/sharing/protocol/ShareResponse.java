package uk.consumptioninsights.dataaccess.sharing.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.CharacterCodingException;
import uk.consumptioninsights.dataaccess.sharing.Share;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;

/** Reads the answer to "Get Share": {@code {"share": {"name": ..., "id": ...}}}, the id optional. */
public final class ShareResponse {

    private ShareResponse() {
    }

    public static Share read(InputStream body, String asked) throws IOException {
        JsonNode root;
        try {
            root = SharingJson.MAPPER.readTree(StrictUtf8.reader(body));
        } catch (JsonProcessingException | CharacterCodingException e) {
            throw unreadable(asked, "is not JSON");
        }
        JsonNode share = root == null ? null : root.get("share");
        if (share == null || !share.isObject()) {
            throw unreadable(asked, "has no share object");
        }
        String name = SharingJson.text(share, "name").filter(n -> !n.isBlank())
                .orElseThrow(() -> unreadable(asked, "has a share without a name"));
        return new Share(name, SharingJson.text(share, "id").filter(i -> !i.isBlank()).orElse(null));
    }

    private static SharingException unreadable(String asked, String problem) {
        return SharingException.of(Category.PROTOCOL, "The sharing server's description of share '" + asked + "' "
                + problem + ". Tell your data provider.");
    }
}
