package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static uk.consumptioninsights.dataaccess.sharing.SharingTestBed.SHARE;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.sharing.SharingException.Category;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile.OAuthClientCredentials;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault.Kind;
import uk.consumptioninsights.dataaccess.sharing.fixture.Fault.Target;
import uk.consumptioninsights.dataaccess.sharing.fixture.RecordedRequest;
import uk.consumptioninsights.model.work.Progress;

/** Version-2 profiles with OAuth client credentials, end to end. */
class OAuthEndToEndTest {

    static final String CLIENT_ID = "workbench-recipient";
    static final String CLIENT_SECRET = "oauth-client-secret-5c1e8b7a";

    @TempDir
    static Path root;
    static SharingTestBed bed;

    @BeforeAll
    static void startServer() throws Exception {
        bed = SharingTestBed.start(root);
    }

    @AfterAll
    static void stopServer() {
        bed.close();
    }

    @BeforeEach
    void noFaults() {
        bed.server.clearFaults();
    }

    private static SharingProfile profile() throws Exception {
        return SharingProfile.parse(bed.server.profileV2OAuthJson(CLIENT_ID, CLIENT_SECRET));
    }

    /** A clock the test moves forward. */
    private static final class MovableClock extends Clock {
        private Instant now = Instant.now();

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void aVersionTwoProfileWorksEndToEndWithOneTokenReused() throws Exception {
        SharingProfile profile = profile();
        assertThat(profile.credentials()).isInstanceOf(OAuthClientCredentials.class);
        CapturedLogs.clear();
        int from = bed.server.requests().size();
        DeltaSharingClient client = new DeltaSharingClient(profile, bed.settings());

        assertThat(client.listShares()).contains(SHARE);
        DownloadedTable table = client.download(client.query(bed.anomaliesTable(), QueryOptions.latest()),
                Progress.NONE);

        assertThat(SharingTestBed.rows(table)).isEqualTo(12);
        List<RecordedRequest> requests = bed.server.requests().subList(from, bed.server.requests().size());
        List<RecordedRequest> tokenRequests = requests.stream().filter(r -> r.server().equals("token")).toList();
        assertThat(tokenRequests).hasSize(1);
        assertThat(tokenRequests.get(0).method()).isEqualTo("POST");
        assertThat(tokenRequests.get(0).headers().get("authorization")).singleElement().asString().startsWith("Basic ");
        String bearer = requests.stream().filter(r -> r.server().equals("sharing")).findFirst().orElseThrow()
                .headers().get("authorization").get(0);
        assertThat(bearer).startsWith("Bearer ");
        String accessToken = bearer.substring("Bearer ".length());
        assertThat(requests).filteredOn(r -> r.server().equals("storage")).allSatisfy(r -> {
            assertThat(r.headers()).doesNotContainKey("authorization");
            assertThat(r.headers().values().toString()).doesNotContain(accessToken).doesNotContain(CLIENT_SECRET);
        });
        assertThat(requests).filteredOn(r -> r.server().equals("sharing")).allSatisfy(r ->
                assertThat(r.headers().get("authorization")).containsExactly("Bearer " + accessToken));
        assertThat(CapturedLogs.all()).contains("Obtained an access token").doesNotContain(accessToken)
                .doesNotContain(CLIENT_SECRET);
        assertThat(bed.cacheContents()).doesNotContain(accessToken).doesNotContain(CLIENT_SECRET);
    }

    @Test
    void theTokenIsRenewedWhenLessThanTenMinutesRemain() throws Exception {
        MovableClock clock = new MovableClock();
        DeltaSharingClient client = new DeltaSharingClient(profile(), bed.settings().withClock(clock));
        long before = bed.requests("token").size();

        client.listShares();
        client.listShares();
        assertThat(bed.requests("token").size() - before).isEqualTo(1);

        clock.now = clock.now.plus(Duration.ofDays(1));
        client.listShares();

        assertThat(bed.requests("token").size() - before).isEqualTo(2);
    }

    @Test
    void expiresInSentAsAStringIsUnderstood() throws Exception {
        bed.server.setExpiresInAsString(true);
        try {
            MovableClock clock = new MovableClock();
            DeltaSharingClient client = new DeltaSharingClient(profile(), bed.settings().withClock(clock));
            long before = bed.requests("token").size();

            client.listShares();
            clock.now = clock.now.plus(Duration.ofDays(1));
            client.listShares();

            assertThat(bed.requests("token").size() - before).isEqualTo(2);
        } finally {
            bed.server.setExpiresInAsString(false);
        }
    }

    @Test
    void aFailingTokenEndpointIsRetried() throws Exception {
        bed.server.inject(new Fault(Kind.SERVER_ERROR_500, Target.TOKEN, 1, null));

        assertThat(new DeltaSharingClient(profile(), bed.settings()).listShares()).contains(SHARE);
    }

    @Test
    void refusedClientCredentialsAreAClearAuthError() throws Exception {
        bed.server.inject(new Fault(Kind.UNAUTHORIZED_401, Target.TOKEN, 1, null));

        Throwable thrown = catchThrowable(() -> new DeltaSharingClient(profile(), bed.settings()).listShares());

        assertThat(thrown).isInstanceOf(SharingException.class)
                .hasMessageContaining("refused the profile's client credentials")
                .hasMessageNotContaining(CLIENT_SECRET);
        assertThat(((SharingException) thrown).category()).isEqualTo(Category.AUTH);
    }

    @Test
    void anAccessTokenRefusedByTheSharingServerIsRenewedOnce() throws Exception {
        DeltaSharingClient client = new DeltaSharingClient(profile(), bed.settings());
        client.listShares();
        long before = bed.requests("token").size();
        bed.server.inject(new Fault(Kind.UNAUTHORIZED_401, Target.LIST, 1, null));

        assertThat(client.listShares()).contains(SHARE);

        assertThat(bed.requests("token").size() - before).isEqualTo(1);
    }
}
