package uk.consumptioninsights.app.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.session.SourceOpener;
import uk.consumptioninsights.app.task.SameThreadTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;
import uk.consumptioninsights.dataaccess.source.AnomalyListing;
import uk.consumptioninsights.dataaccess.source.ConsumptionSeries;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.MeterChoice;
import uk.consumptioninsights.dataaccess.source.OverviewKpis;
import uk.consumptioninsights.dataaccess.source.SeriesScope;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.source.SourceKind;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.work.Progress;

/** The share view-model without the toolkit, over a scripted {@link ShareRecipient}. */
class ShareViewModelTest {

    private static final Instant NOW = Instant.parse("2026-11-22T10:00:00Z");
    private static final Path PROFILE = Path.of("/tmp/profiles/elexon.share");
    private static final ShareTableItem CONSUMPTION = new ShareTableItem("elexon_consumption", "curated",
            "consumption_half_hourly", SharedTableKind.CONSUMPTION, "Version 3 · 12 files", "");
    private static final ShareTableItem ANOMALIES = new ShareTableItem("elexon_consumption", "curated", "anomalies",
            SharedTableKind.ANOMALIES, "Version 3 · 2 files", "");
    private static final ShareTableItem RAW = new ShareTableItem("elexon_consumption", "raw", "meter_events", null,
            "Version 1", "It has no kwh column.");

    private final FakeSource shownBefore = new FakeSource();
    private final ActiveSource active = new ActiveSource();
    private final WorkbenchSession session = new WorkbenchSession();
    private final SameThreadTaskRunner runner = SameThreadTaskRunner.immediate();
    private final ScriptedRecipient recipient = new ScriptedRecipient();
    private ShellViewModel shell;
    private ShareViewModel vm;

    @BeforeEach
    void showTheDefaultSource() {
        shell = new ShellViewModel(active, new SourceOpener() {
            @Override
            public String target() {
                return "/tmp/ciw/workspaces/local.duckdb";
            }

            @Override
            public ConsumptionSource open(Progress progress) {
                return shownBefore;
            }
        }, runner, session, Settings.inMemory(), LocalDate.of(2026, 11, 20));
        shell.start();
        vm = new ShareViewModel(recipient, shell.sources(), runner, session, Clock.fixed(NOW, ZoneOffset.UTC));
    }

    @Test
    void aProfileListsItsTablesAndPicksTheReadableOnes() {
        recipient.catalog = catalog(Optional.empty(), CONSUMPTION, ANOMALIES, RAW);

        assertThat(vm.openProfile(PROFILE)).isTrue();

        assertThat(vm.browserOpenProperty().get()).isTrue();
        assertThat(vm.tables()).containsExactly(CONSUMPTION, ANOMALIES, RAW);
        assertThat(vm.consumptionOptions()).containsExactly(CONSUMPTION);
        assertThat(vm.anomalyOptions()).containsExactly(ANOMALIES);
        assertThat(vm.consumptionChoiceProperty().get()).isEqualTo(CONSUMPTION);
        assertThat(vm.anomaliesChoiceProperty().get()).isEqualTo(ANOMALIES);
        assertThat(vm.messageProperty().get()).startsWith("3 tables shared, 2 readable by the workbench.");
        assertThat(vm.canLoadProperty().get()).isTrue();
        assertThat(RAW.kindLabel()).isEqualTo("Not readable");
    }

    @Test
    void loadingShowsTheShareAsTheSourceAndClosesTheBrowser() {
        recipient.catalog = catalog(Optional.empty(), CONSUMPTION, ANOMALIES);
        vm.openProfile(PROFILE);

        assertThat(vm.load()).isTrue();

        assertThat(recipient.loaded).containsExactly(CONSUMPTION.qualifiedName() + "+" + ANOMALIES.qualifiedName());
        assertThat(shell.sourceTitleProperty().get()).isEqualTo(RecipientFake.DESCRIPTOR.title());
        assertThat(shell.roles()).containsExactly(PurposeRole.RECIPIENT);
        assertThat(vm.browserOpenProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).isEqualTo("Loaded 480 readings.");
    }

    @Test
    void withoutAnomaliesOnlyConsumptionIsLoaded() {
        recipient.catalog = catalog(Optional.empty(), CONSUMPTION, ANOMALIES);
        vm.openProfile(PROFILE);
        vm.anomaliesChoiceProperty().set(null);
        vm.load();
        assertThat(recipient.loaded).containsExactly(CONSUMPTION.qualifiedName());
    }

    @Test
    void aFailedLoadKeepsTheSourceShownBeforeAndSaysWhy() {
        recipient.catalog = catalog(Optional.empty(), CONSUMPTION);
        vm.openProfile(PROFILE);
        recipient.loadFailure = new SourceException("The sharing server refused the token (HTTP 401).");

        vm.load();

        assertThat(shell.sourceTitleProperty().get()).isEqualTo(shownBefore.descriptor().title());
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).startsWith("The sharing server refused the token (HTTP 401).")
                .endsWith("Nothing was loaded; still showing " + shownBefore.descriptor().title() + ".");
        assertThat(session.errorMessageProperty().get()).isEqualTo(vm.messageProperty().get());
    }

    @Test
    void aCancelledLoadChangesNothing() {
        recipient.catalog = catalog(Optional.empty(), CONSUMPTION);
        vm.openProfile(PROFILE);
        recipient.loadFailure = new CancellationException();
        vm.load();
        assertThat(shell.sourceTitleProperty().get()).isEqualTo(shownBefore.descriptor().title());
        assertThat(vm.messageProperty().get()).startsWith("Loading was cancelled.");
    }

    @Test
    void aBadProfileSaysWhatIsWrongAndLoadsNothing() {
        recipient.browseFailure = new SourceException("elexon.share is not a Delta Sharing profile: it has no endpoint.");
        vm.openProfile(PROFILE);
        assertThat(vm.failedProperty().get()).isTrue();
        assertThat(vm.messageProperty().get()).isEqualTo("elexon.share is not a Delta Sharing profile: it has no endpoint.");
        assertThat(vm.canLoadProperty().get()).isFalse();
    }

    @Test
    void aShareWithoutConsumptionCannotBeLoaded() {
        recipient.catalog = catalog(Optional.empty(), RAW);
        vm.openProfile(PROFILE);
        assertThat(vm.canLoadProperty().get()).isFalse();
        assertThat(vm.messageProperty().get()).contains("None of the 1 shared tables holds half-hourly consumption");
    }

    @Test
    void theTokenBannerWarnsAWeekAheadAndOnExpiry() {
        recipient.catalog = catalog(Optional.of(NOW.plus(Duration.ofDays(3)).plusSeconds(60)), CONSUMPTION);
        vm.openProfile(PROFILE);
        assertThat(vm.messageProperty().get()).startsWith("The token in elexon.share expires in 3 days (25 Nov 2026 10:01 GMT).");
        vm.load();
        assertThat(vm.tokenNoticeProperty().get()).startsWith("The token in elexon.share expires in 3 days");

        assertThat(vm.tokenNoticeFor(catalog(Optional.of(NOW.minusSeconds(3600)), CONSUMPTION)))
                .hasValueSatisfying(t -> assertThat(t).startsWith("The token in elexon.share expired on 22 Nov 2026 09:00 GMT"));
        assertThat(vm.tokenNoticeFor(catalog(Optional.of(NOW.plus(Duration.ofDays(30))), CONSUMPTION))).isEmpty();
        assertThat(vm.tokenNoticeFor(catalog(Optional.empty(), CONSUMPTION))).isEmpty();

        shell.openDefaultSource();
        assertThat(vm.tokenNoticeProperty().get()).as("the banner belongs to the share shown").isEmpty();
    }

    private static ShareCatalog catalog(Optional<Instant> expiry, ShareTableItem... tables) {
        return new ShareCatalog(PROFILE, "https://sharing.example/delta-sharing", expiry, List.of(tables));
    }

    /** Browses to {@link #catalog} and loads a {@link RecipientFake}, or fails as told. */
    private static final class ScriptedRecipient implements ShareRecipient {
        ShareCatalog catalog;
        RuntimeException browseFailure;
        RuntimeException loadFailure;
        final List<String> loaded = new ArrayList<>();
        final List<OpenedShare> released = new ArrayList<>();

        @Override
        public ShareCatalog browse(Path profile, Progress progress) {
            if (browseFailure != null) {
                throw browseFailure;
            }
            return catalog;
        }

        @Override
        public OpenedShare load(ShareCatalog from, ShareTableItem consumption, Optional<ShareTableItem> anomalies,
                                Progress progress) {
            if (loadFailure != null) {
                throw loadFailure;
            }
            loaded.add(consumption.qualifiedName() + anomalies.map(a -> "+" + a.qualifiedName()).orElse(""));
            return new OpenedShare(new RecipientFake(), null, Path.of("/tmp/recipients/elexon.duckdb"), "Loaded 480 readings.");
        }

        @Override
        public void release(OpenedShare share) {
            released.add(share);
        }
    }

    /** A shown share: the fake's data under the Recipient purpose only. */
    private static final class RecipientFake implements ConsumptionSource {
        static final SourceDescriptor DESCRIPTOR = new SourceDescriptor(SourceKind.RECIPIENT,
                "Share elexon_consumption (consumption_half_hourly, version 3)", "https://sharing.example/delta-sharing");
        private final FakeSource data = new FakeSource();

        @Override
        public SourceDescriptor descriptor() {
            return DESCRIPTOR;
        }

        @Override
        public List<PurposeRole> roles() {
            return List.of(PurposeRole.RECIPIENT);
        }

        @Override
        public DateRange availableRange(PurposeRole role) {
            return data.availableRange(role);
        }

        @Override
        public OverviewKpis overview(PurposeRole role, DateRange range) {
            return data.overview(role, range);
        }

        @Override
        public ConsumptionSeries consumption(PurposeRole role, SeriesScope scope, DateRange range) {
            return data.consumption(role, scope, range);
        }

        @Override
        public List<MeterChoice> meters(PurposeRole role) {
            return data.meters(role);
        }

        @Override
        public List<GspGroup> gspGroups(PurposeRole role) {
            return data.gspGroups(role);
        }

        @Override
        public AnomalyListing anomalies(PurposeRole role, DateRange range) {
            return data.anomalies(role, range);
        }
    }
}
