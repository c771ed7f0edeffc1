package uk.consumptioninsights.dataaccess.octopus;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.pipeline.MedallionPipeline;
import uk.consumptioninsights.dataaccess.pipeline.PipelineRun;
import uk.consumptioninsights.dataaccess.provider.ProviderSecret;
import uk.consumptioninsights.dataaccess.provider.credentials.CredentialStoreUnavailable;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretFound;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretReadAnswer;
import uk.consumptioninsights.dataaccess.provider.credentials.SecretWriteAnswer;
import uk.consumptioninsights.dataaccess.sharing.http.Sleeper;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.tariff.UnitRate;
import uk.consumptioninsights.model.work.Progress;

/**
 * A household's own Octopus meter as a workspace source: "Add my Octopus meter" pulls its history into a new, empty
 * workspace like an import, and each refresh pulls only the half-hours after the last one held. Everything is fetched
 * before anything is written, and written in one transaction, then taken through the medallion pipeline: a failed,
 * cancelled or refused pull leaves the workspace as it was. Run off the FX thread; every call does network IO.
 *
 * <p>A workspace holds one Octopus meter: the pipeline's 48-hour watermark is shared by every meter in a workspace,
 * so a second meter's older history (or a meter refreshed less often than another) would be set aside as late.
 */
public final class OctopusMeterPull {

    public static final String KIND = "octopus";
    private static final Logger LOG = LoggerFactory.getLogger(OctopusMeterPull.class);
    private static final double FETCH_SHARE = 0.6;

    private final OctopusSettings settings;
    private final OctopusCredentials credentials;
    private final Sleeper sleeper;
    private final Clock clock;

    public OctopusMeterPull(OctopusSettings settings, OctopusCredentials credentials) {
        this(settings, credentials, Sleeper.SYSTEM, Clock.systemUTC());
    }

    public OctopusMeterPull(OctopusSettings settings, OctopusCredentials credentials, Sleeper sleeper, Clock clock) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.credentials = Objects.requireNonNull(credentials, "credentials");
        this.sleeper = sleeper;
        this.clock = clock;
    }

    /**
     * Adds the meter to {@code workspace}, which must be new and empty: pulls its half-hours from {@code historyFrom}
     * (and the tariff's unit rates for them), and only once that succeeded stores the API key in the credential
     * store. Nothing is kept when the pull fails, so a mistyped key is not remembered.
     */
    public OctopusPullReport addMeter(LocalWorkspace workspace, OctopusMeter meter, ProviderSecret apiKey,
                                      Optional<TariffCode> tariff, Instant historyFrom, Progress progress) {
        return addMeter(workspace, meter, apiKey, tariff, historyFrom, Optional.empty(), progress);
    }

    /** As above, pulling only half-hours before {@code until} (a bounded backfill). */
    public OctopusPullReport addMeter(LocalWorkspace workspace, OctopusMeter meter, ProviderSecret apiKey,
                                      Optional<TariffCode> tariff, Instant historyFrom, Optional<Instant> until,
                                      Progress progress) {
        Instant from = halfHourFloor(historyFrom);
        OctopusStore store = store(workspace);
        requireEmpty(workspace);
        OctopusApi api = new OctopusApi(settings, apiKey, sleeper, clock);
        GspGroup gsp = api.gspGroup(meter.mpan(), progress);
        OctopusStore.Pulled pulled = fetch(api, meter, gsp, tariff, from, from, until, progress);
        if (pulled.intervals().isEmpty()) {
            throw new OctopusException(OctopusException.Kind.NOT_FOUND, "The Octopus Energy API holds no half-hourly "
                    + "readings for meter " + meter.serialNumber() + " from " + from + ", so nothing was stored. Only "
                    + "smart meters have them, and they usually appear a day late; check the serial number or choose "
                    + "an earlier start.");
        }
        PipelineRun run = writeAndProcess(workspace, store, pulled, true, progress);
        Optional<String> note = rememberKey(meter, apiKey);
        return report(pulled, run, note);
    }

    /**
     * Pulls the half-hours after the last one held (and their unit rates) with the key stored for the meter. A second
     * refresh with nothing new asks the API once and writes no readings.
     */
    public OctopusPullReport refresh(LocalWorkspace workspace, OctopusMeter meter, Progress progress) {
        return refresh(workspace, meter, Optional.empty(), progress);
    }

    /** As above, pulling only half-hours before {@code until}. */
    public OctopusPullReport refresh(LocalWorkspace workspace, OctopusMeter meter, Optional<Instant> until,
                                     Progress progress) {
        OctopusStore store = store(workspace);
        OctopusMeterState state = storage("read the meter's pull state", () -> store.state(meter))
                .orElseThrow(() -> new OctopusException(OctopusException.Kind.NOT_FOUND, "Octopus meter "
                        + meter.serialNumber() + " is not in this workspace. Add it with File → Add my Octopus meter."));
        OctopusApi api = new OctopusApi(settings, storedKey(meter), sleeper, clock);
        OctopusStore.Pulled pulled = fetch(api, meter, state.gspGroup(), state.tariff(), state.historyFrom(),
                state.nextPullFrom(), until, progress);
        PipelineRun run = writeAndProcess(workspace, store, pulled, false, progress);
        return report(pulled, run, Optional.empty());
    }

    /** The Octopus meters this workspace holds, with where each one's next refresh starts. */
    public static List<OctopusMeterState> meters(LocalWorkspace workspace) {
        OctopusStore store = store(workspace);
        return storage("list the Octopus meters", store::meters);
    }

    private OctopusStore.Pulled fetch(OctopusApi api, OctopusMeter meter, GspGroup gsp, Optional<TariffCode> tariff,
                                      Instant historyFrom, Instant from, Optional<Instant> until, Progress progress) {
        Instant pulledAt = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<ConsumptionInterval> intervals = api.consumption(meter, from, until,
                progress.slice(0, FETCH_SHARE * 0.8));
        List<UnitRate> rates = tariff.isEmpty() || intervals.isEmpty() ? List.of()
                : api.standardUnitRates(tariff.get(), intervals.get(0).start(),
                        intervals.get(intervals.size() - 1).end(), progress.slice(FETCH_SHARE * 0.8, FETCH_SHARE));
        return new OctopusStore.Pulled(meter, gsp, tariff, historyFrom, from, intervals, rates, pulledAt);
    }

    private PipelineRun writeAndProcess(LocalWorkspace workspace, OctopusStore store, OctopusStore.Pulled pulled,
                                        boolean newMeter, Progress progress) {
        progress.checkCancelled();
        return storage("store the readings pulled from Octopus", () -> {
            if (newMeter) {
                workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name(), "kind", KIND,
                        "octopus_meter", pulled.meter().serialNumber()));
            }
            Optional<Integer> batch;
            try {
                batch = store.write(pulled, newMeter);
            } catch (SQLException | RuntimeException notWritten) {
                // The write is one transaction and rolled back: the new workspace is empty again, not half-built.
                if (newMeter) {
                    workspace.putInfo(Map.of("status", WorkspaceStatus.EMPTY.name()));
                }
                throw notWritten;
            }
            PipelineRun run = null;
            if (batch.isPresent()) {
                try (Connection connection = workspace.newConnection()) {
                    run = new MedallionPipeline(connection, workspace.pseudonyms())
                            .run(progress.slice(FETCH_SHARE, 0.97));
                }
                try (Connection connection = workspace.newConnection(); Statement st = connection.createStatement()) {
                    st.execute("CHECKPOINT");
                }
            }
            workspace.putInfo(readyInfo(store, pulled.meter()));
            workspace.keepPrivate();
            progress.report(1, "Octopus meter " + pulled.meter().serialNumber() + " pulled");
            return run;
        });
    }

    private static Map<String, String> readyInfo(OctopusStore store, OctopusMeter meter) throws SQLException {
        Map<String, String> info = new LinkedHashMap<>();
        info.put("status", WorkspaceStatus.READY.name());
        info.put("kind", KIND);
        info.put("octopus_meter", meter.serialNumber());
        store.state(meter).flatMap(OctopusMeterState::lastIntervalEnd)
                .ifPresent(end -> info.put("readings_to_utc", end.toString()));
        info.put("refreshed_at_utc", Instant.now().toString());
        return info;
    }

    private static OctopusPullReport report(OctopusStore.Pulled pulled, PipelineRun run, Optional<String> note) {
        Optional<Instant> end = pulled.intervals().isEmpty() ? Optional.empty()
                : Optional.of(pulled.intervals().get(pulled.intervals().size() - 1).end());
        long late = run == null ? 0 : run.readingsLate();
        if (late > 0) {
            LOG.warn("{} half-hours of Octopus meter {} were set aside as late by the pipeline", late,
                    pulled.meter().serialNumber());
        }
        return new OctopusPullReport(pulled.meter(), pulled.periodFrom(), pulled.intervals().size(),
                end, pulled.rates().size(), late, note);
    }

    private Optional<String> rememberKey(OctopusMeter meter, ProviderSecret apiKey) {
        SecretWriteAnswer answer = credentials.remember(meter, apiKey);
        if (answer instanceof CredentialStoreUnavailable unavailable) {
            return Optional.of("The API key was not saved, so a refresh will ask for it again: "
                    + unavailable.reason());
        }
        return Optional.empty();
    }

    private ProviderSecret storedKey(OctopusMeter meter) {
        SecretReadAnswer answer = credentials.recall(meter);
        if (answer instanceof SecretFound found) {
            return found.secret();
        }
        if (answer instanceof CredentialStoreUnavailable unavailable) {
            throw new OctopusException(OctopusException.Kind.KEY_MISSING, "The API key for Octopus meter "
                    + meter.serialNumber() + " cannot be read: " + unavailable.reason());
        }
        throw new OctopusException(OctopusException.Kind.KEY_MISSING, "No API key is saved for Octopus meter "
                + meter.serialNumber() + ". Enter it again with File → Add my Octopus meter.");
    }

    private static void requireEmpty(LocalWorkspace workspace) {
        WorkspaceStatus status = storage("read the workspace status", workspace::status);
        if (status != WorkspaceStatus.EMPTY) {
            throw new OctopusException(OctopusException.Kind.STORAGE, "The workspace "
                    + workspace.file().getFileName() + " already holds data (status " + status + "). An Octopus meter "
                    + "is added to a new, empty workspace: create one and add the meter there; refresh a meter "
                    + "already added instead.");
        }
    }

    private static OctopusStore store(LocalWorkspace workspace) {
        return storage("prepare the workspace for Octopus data", () -> new OctopusStore(workspace));
    }

    private static Instant halfHourFloor(Instant instant) {
        long seconds = instant.getEpochSecond();
        return Instant.ofEpochSecond(seconds - Math.floorMod(seconds, 1800L));
    }

    @FunctionalInterface
    private interface StorageStep<T> {
        T run() throws SQLException;
    }

    private static <T> T storage(String action, StorageStep<T> step) {
        try {
            return step.run();
        } catch (SQLException e) {
            LOG.warn("Could not {}", action, e);
            throw new OctopusException(OctopusException.Kind.STORAGE, "Could not " + action + " in the workspace ("
                    + oneLine(e.getMessage()) + "). Check there is free disk space and that no other program has the "
                    + "workspace open.", e);
        }
    }

    private static String oneLine(String text) {
        String line = text == null ? "" : text.replaceAll("\\s+", " ").strip();
        return line.length() > 160 ? line.substring(0, 160) + "…" : line;
    }
}
