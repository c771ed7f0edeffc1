package uk.consumptioninsights.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.FixtureDuckDb;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;

/**
 * {@code ciw share list|load|refresh} against the Delta Sharing protocol fixture over real HTTP on 127.0.0.1: both
 * tables keep a change data feed, so a refresh after the provider changes one half-hour applies only the changes.
 * The steps build on each other (list, load, export the copy, refresh), hence the order.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CiwShareTest {

    private static final String TOKEN = "dapi-cli-test-token-0123456789abcdef";

    @TempDir
    static Path home;
    @TempDir
    static Path shareDir;
    private static DeltaSharingServerFixture server;
    private static SharingFixtureData.SharedTables tables;
    private static Path profile;
    private static Path copy;

    @BeforeAll
    static void serve() throws Exception {
        tables = SharingFixtureData.generatedWithChangeDataFeed(shareDir.resolve("share"),
                new SharingFixtureData.Size(12, 3, SharingFixtureData.DEFAULT_LAST_DAY, 600));
        server = DeltaSharingServerFixture.start(TOKEN, Duration.ofMinutes(10));
        tables.shareOn(server, true);
        profile = server.writeProfile(shareDir.resolve("elexon.share"),
                server.profileV1Json(Instant.now().plus(Duration.ofDays(30))));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    @Order(1)
    void listNamesEveryTableWithWhatItCanBeReadAs() {
        CiwRun run = CiwRun.of("--workspace", home.toString(), "share", "list", profile.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode answer = run.json();
        assertThat(answer.get("endpoint").asText()).startsWith("http://127.0.0.1:");
        assertThat(answer.get("tables").findValuesAsText("name")).containsExactlyInAnyOrder(
                "elexon_consumption.curated.consumption_half_hourly", "elexon_consumption.curated.anomalies");
        assertThat(answer.get("tables").findValuesAsText("kind")).containsExactlyInAnyOrder("consumption", "anomalies");
        assertThat(run.out()).doesNotContain(TOKEN);
        assertThat(run.err()).isEmpty();

        CiwRun text = CiwRun.of("--workspace", home.toString(), "share", "list", profile.toString());
        assertThat(text.out()).startsWith("2 tables at http://127.0.0.1:")
                .contains("elexon_consumption.curated.consumption_half_hourly  Half-hourly consumption");
    }

    @Test
    @Order(2)
    void loadCopiesBothTablesIntoTheRecipientsFolder() throws Exception {
        CiwRun run = CiwRun.of("--workspace", home.toString(), "share", "load", profile.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode answer = run.json();
        assertThat(answer.get("consumption").asText()).isEqualTo("elexon_consumption.curated.consumption_half_hourly");
        assertThat(answer.get("anomalies").asText()).isEqualTo("elexon_consumption.curated.anomalies");
        assertThat(answer.get("summary").asText()).startsWith("Loaded " + String.format("%,d", tables.consumptionRows())
                + " readings");
        copy = Path.of(answer.get("workspace").asText());
        assertThat(copy.getParent()).isEqualTo(home.resolve("recipients").toAbsolutePath());
        assertThat(copy).exists();

        // The copy is a workspace like any other for the Recipient purpose, and for that purpose only.
        Path overview = shareDir.resolve("overview.csv");
        CiwRun export = CiwRun.of("--workspace", copy.toString(), "export", "overview", "--purpose", "recipient", "-o",
                overview.toString());
        assertThat(export.exitCode()).as(export.toString()).isZero();
        assertThat(Files.readAllLines(overview).get(1)).startsWith("Recipient,").contains("," + tables.consumptionRows() + ",");
        CiwRun settlement = CiwRun.of("--workspace", copy.toString(), "export", "overview", "--purpose", "settlement");
        assertThat(settlement.exitCode()).as(settlement.toString()).isEqualTo(ExitCodes.USAGE);
        assertThat(settlement.errLines()).hasSize(1);
    }

    @Test
    @Order(3)
    void refreshAppliesOnlyWhatChangedSinceTheLoad() throws Exception {
        long loaded = tables.consumption().version();
        String day = "settlement_date = DATE '" + SharingFixtureData.DEFAULT_LAST_DAY + "'";
        long newVersion;
        try (Connection provider = FixtureDuckDb.inMemory()) {
            newVersion = tables.consumption().update(provider, Map.of("kwh", "kwh + 1"), day + " AND settlement_period = 1");
        }

        CiwRun run = CiwRun.of("--workspace", home.toString(), "share", "refresh", profile.toString(), "--json");

        assertThat(run.exitCode()).as(run.toString()).isZero();
        JsonNode consumption = null;
        for (JsonNode table : run.json().get("tables")) {
            if (table.get("table").asText().endsWith("consumption_half_hourly")) {
                consumption = table;
            }
        }
        assertThat(consumption).as(run.out()).isNotNull();
        assertThat(consumption.get("mode").asText()).isEqualTo("changes");
        assertThat(consumption.get("fromVersion").asLong()).isEqualTo(loaded);
        assertThat(consumption.get("toVersion").asLong()).isEqualTo(newVersion);
        // One half-hour of 12 meters changed.
        assertThat(consumption.get("updated").asLong()).isEqualTo(12);
        assertThat(consumption.get("inserted").asLong() + consumption.get("deleted").asLong()).isZero();

        CiwRun again = CiwRun.of("--workspace", home.toString(), "share", "refresh", profile.toString());
        assertThat(again.exitCode()).as(again.toString()).isZero();
        assertThat(again.out().lines().toList()).allMatch(l -> l.contains("Up to date at version"));
    }

    @Test
    @Order(4)
    void aServerThatCannotBeReachedIsADataProblem() throws Exception {
        Path dead = shareDir.resolve("dead.share");
        Files.writeString(dead, "{\"shareCredentialsVersion\":1,\"endpoint\":\"http://127.0.0.1:9/delta-sharing/\","
                + "\"bearerToken\":\"" + TOKEN + "\"}");

        CiwRun run = CiwRun.of("--workspace", home.toString(), "share", "list", dead.toString());

        assertThat(run.exitCode()).as(run.toString()).isEqualTo(ExitCodes.DATA);
        assertThat(run.errLines()).hasSize(1);
        assertThat(run.err()).doesNotContain(TOKEN);
        assertThat(List.of(run.out())).containsExactly("");
    }
}
