package uk.consumptioninsights.dataaccess.sharing.download;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedFile;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.TableSnapshot;
import uk.consumptioninsights.model.work.Progress;

class CacheManifestTest {

    private static TableSnapshot snapshot(long version, QueryOptions options) {
        TableMetadata metadata = new TableMetadata("table-1", version, List.of(
                new DeltaColumn("settlement_date", "date", true, "DATE", "the day"),
                new DeltaColumn("kwh", "decimal(12,3)", false, "DECIMAL(12,3)")),
                List.of("settlement_date"), OptionalLong.of(300), OptionalLong.empty(), "consumption",
                Map.of("delta.enableChangeDataFeed", "true", "delta.appendOnly", "false"));
        return new TableSnapshot(new SharedTable("s", "c", "t"), metadata, version, List.of(
                new SharedFile("f1", "https://store/f1?X-Signature=abc", Map.of("settlement_date", "2024-03-31"),
                        100, OptionalLong.of(48), OptionalLong.of(1L)),
                new SharedFile("f2", "https://store/f2?X-Signature=def", Map.of("settlement_date", ""), 200,
                        OptionalLong.empty(), OptionalLong.empty())), options);
    }

    @Test
    void roundTripsEverythingButUrls() {
        QueryOptions options = QueryOptions.latest().withDateRange("settlement_date", LocalDate.of(2024, 3, 1),
                LocalDate.of(2024, 3, 31)).withLimitHint(10);
        TableSnapshot original = snapshot(7, options);
        CacheManifest manifest = new CacheManifest("http://h/ds", original,
                Map.of("f1", "f1.parquet", "f2", "f2.parquet"), Instant.parse("2030-01-01T00:00:00Z"));

        String json = manifest.toJson();
        CacheManifest back = CacheManifest.fromJson(json);

        assertThat(json).doesNotContain("X-Signature").doesNotContain("https://store");
        assertThat(back.snapshot().metadata()).isEqualTo(original.metadata());
        assertThat(back.snapshot().metadata().configuration()).containsEntry("delta.appendOnly", "false");
        assertThat(back.snapshot().metadata().changeDataFeed()).isTrue();
        assertThat(back.snapshot().options()).isEqualTo(options);
        assertThat(back.snapshot().version()).isEqualTo(7);
        assertThat(back.snapshot().files()).extracting(SharedFile::id).containsExactly("f1", "f2");
        assertThat(back.snapshot().files().get(1).partitionValues()).containsEntry("settlement_date", "");
        assertThat(back.snapshot().files().get(0).numRecords()).hasValue(48);
        assertThat(back.fileNames()).containsEntry("f2", "f2.parquet");
        assertThat(back.endpoint()).isEqualTo("http://h/ds");
    }

    @Test
    void aManifestWrittenBeforeConfigurationsWereKeptReadsAsNoConfiguration() {
        CacheManifest manifest = new CacheManifest("http://h/ds", snapshot(3, QueryOptions.latest()),
                Map.of("f1", "f1.parquet", "f2", "f2.parquet"), Instant.parse("2030-01-01T00:00:00Z"));
        String older = manifest.toJson().replaceAll("\"configuration\"\\s*:\\s*\\{[^}]*}\\s*,?", "");

        CacheManifest back = CacheManifest.fromJson(older);

        assertThat(older).doesNotContain("configuration");
        assertThat(back.snapshot().metadata().configuration()).isEmpty();
        assertThat(back.snapshot().metadata().changeDataFeed()).isFalse();
    }

    @Test
    void subsetsOfATableHaveTheirOwnKeys() {
        QueryOptions all = QueryOptions.latest();
        QueryOptions march = all.withDateRange("settlement_date", LocalDate.of(2024, 3, 1), LocalDate.of(2024, 3, 31));

        assertThat(all.subsetKey()).isEqualTo("all");
        assertThat(all.atVersion(3).subsetKey()).isEqualTo("all");
        assertThat(march.subsetKey()).startsWith("q").isNotEqualTo(all.subsetKey())
                .isEqualTo(march.atVersion(5).subsetKey());
    }

    @Test
    void serverIdsCanNeverEscapeTheCacheFolder(@TempDir Path dir) {
        TableCache cache = new TableCache(dir);

        assertThat(cache.tableDir("0f3e-uuid_1.2")).isEqualTo(dir.toAbsolutePath().resolve("0f3e-uuid_1.2"));
        assertThat(cache.tableDir("../../etc").getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(TableCache.fileName("a/../../b")).startsWith("h-").endsWith(".parquet").doesNotContain("/");
        assertThat(TableCache.fileName(".hidden")).startsWith("h-");
    }

    @Test
    void onlyAFileOfTheAnnouncedSizeCountsAsComplete(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("f.parquet"), new byte[10]);

        assertThat(TableCache.isComplete(file, 10)).isTrue();
        assertThat(TableCache.isComplete(file, 11)).isFalse();
        assertThat(TableCache.isComplete(dir.resolve("none"), 0)).isFalse();
    }

    @Test
    void pruningKeepsWhatTheNewestManifestNeeds(@TempDir Path dir) throws Exception {
        TableCache cache = new TableCache(dir);
        cache.prepare("table-1");
        Path tableDir = cache.tableDir("table-1");
        Files.write(tableDir.resolve("f1.parquet"), new byte[100]);
        Files.write(tableDir.resolve("f2.parquet"), new byte[200]);
        Files.write(tableDir.resolve("old.parquet"), new byte[5]);
        CacheManifest older = new CacheManifest("http://h/ds", snapshot(1, QueryOptions.latest()),
                Map.of("f1", "f1.parquet", "f2", "old.parquet"), Instant.now());
        cache.write("table-1", older);
        CacheManifest newer = new CacheManifest("http://h/ds", snapshot(2, QueryOptions.latest()),
                Map.of("f1", "f1.parquet", "f2", "f2.parquet"), Instant.now());
        cache.write("table-1", newer);

        cache.prune("table-1", newer);

        List<String> left = new ArrayList<>();
        try (var files = Files.list(tableDir)) {
            files.forEach(f -> left.add(f.getFileName().toString()));
        }
        assertThat(left).containsExactlyInAnyOrder("f1.parquet", "f2.parquet",
                "manifest-all-v00000000000000000002.json");
        assertThat(cache.newest("http://h/ds", new SharedTable("s", "c", "t"), "all", OptionalLong.empty()))
                .hasValueSatisfying(m -> assertThat(m.snapshot().version()).isEqualTo(2));
        assertThat(cache.newest("http://other/ds", new SharedTable("s", "c", "t"), "all", OptionalLong.empty()))
                .isEmpty();
    }

    @Test
    void progressMessagesCountFilesAndMegabytes() {
        List<String> messages = new ArrayList<>();
        List<Double> fractions = new ArrayList<>();
        Progress progress = new Progress() {
            public void report(double fraction, String message) {
                fractions.add(fraction);
                messages.add(message);
            }

            public boolean isCancelled() {
                return false;
            }
        };
        ByteProgress bytes = new ByteProgress(progress, 40, 120_000_000);
        bytes.alreadyDone(11, 37_000_000);
        bytes.bytes(1_000_000);
        bytes.fileDone(0);

        assertThat(messages.get(messages.size() - 1)).isEqualTo("Downloading 12 of 40 files (38 MB of 120 MB)");
        assertThat(fractions.get(fractions.size() - 1)).isCloseTo(38.0 / 120, org.assertj.core.data.Offset.offset(1e-9));
    }
}
