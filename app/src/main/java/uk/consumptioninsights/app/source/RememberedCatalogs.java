package uk.consumptioninsights.app.source;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.sharing.ShareTableItem;
import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;

/**
 * The tables each sharing server listed last time, one small JSON file per endpoint (named by a hash of the endpoint,
 * holding no secret), so a share whose server cannot be reached can still be browsed and opened from the cache.
 */
final class RememberedCatalogs {

    private static final Logger LOG = LoggerFactory.getLogger(RememberedCatalogs.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One listed table as stored: the kind by name, null when the workbench could not read the table. */
    record Entry(String share, String schema, String table, String kind, String details, String problem) {
    }

    private final Path folder;

    RememberedCatalogs(Path folder) {
        this.folder = folder;
    }

    void write(String endpoint, List<ShareTableItem> tables) {
        List<Entry> entries = tables.stream().map(t -> new Entry(t.share(), t.schema(), t.table(),
                t.kind() == null ? null : t.kind().name(), t.details(), t.problem())).toList();
        try {
            Files.createDirectories(folder);
            Path file = fileFor(endpoint);
            Path temp = Files.createTempFile(folder, "catalog", ".tmp");
            JSON.writeValue(temp.toFile(), entries);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("Could not remember the tables listed by a sharing server in {}", folder, e);
        }
    }

    Optional<List<ShareTableItem>> read(String endpoint) {
        Path file = fileFor(endpoint);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            List<Entry> entries = JSON.readValue(file.toFile(), new TypeReference<List<Entry>>() { });
            return Optional.of(entries.stream().map(e -> new ShareTableItem(e.share(), e.schema(), e.table(),
                    e.kind() == null ? null : SharedTableKind.valueOf(e.kind()), e.details(),
                    e.problem() == null ? "" : e.problem())).toList());
        } catch (IOException | IllegalArgumentException e) {
            LOG.warn("Could not read the remembered tables in {}", file, e);
            return Optional.empty();
        }
    }

    private Path fileFor(String endpoint) {
        return folder.resolve(EndpointKey.of(endpoint, 8) + ".json");
    }
}
