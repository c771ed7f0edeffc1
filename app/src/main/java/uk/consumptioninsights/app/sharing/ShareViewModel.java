package uk.consumptioninsights.app.sharing;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.Optional;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.common.UserMessages;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.SourceSwitch;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.task.TaskHandle;
import uk.consumptioninsights.app.task.TaskRunner;
import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * File → Open share profile… (also a dropped {@code .share} file or one named at start): reads the profile and lists
 * the tables it grants in a browser, then loads the chosen consumption table (and anomalies, when the share has them)
 * in the background with progress and cancel, and shows them as the recipient source. The source shown before stays
 * until the load has succeeded, and stays for good when it fails or is cancelled.
 */
public final class ShareViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(ShareViewModel.class);
    /** Warn this long before the token expires: time to ask the provider for a new profile. */
    static final Duration EXPIRY_WARNING = Duration.ofDays(7);
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm z");

    private final ShareRecipient recipient;
    private final SourceSwitch sources;
    private final TaskRunner runner;
    private final WorkbenchSession session;
    private final Clock clock;

    private final ReadOnlyObjectWrapper<ShareCatalog> catalog = new ReadOnlyObjectWrapper<>(this, "catalog");
    private final ObservableList<ShareTableItem> tables = FXCollections.observableArrayList();
    private final ObservableList<ShareTableItem> readOnlyTables = FXCollections.unmodifiableObservableList(tables);
    private final ObservableList<ShareTableItem> consumptionOptions = FXCollections.observableArrayList();
    private final ObservableList<ShareTableItem> readOnlyConsumptionOptions =
            FXCollections.unmodifiableObservableList(consumptionOptions);
    private final ObservableList<ShareTableItem> anomalyOptions = FXCollections.observableArrayList();
    private final ObservableList<ShareTableItem> readOnlyAnomalyOptions = FXCollections.unmodifiableObservableList(anomalyOptions);
    private final ObjectProperty<ShareTableItem> consumptionChoice = new SimpleObjectProperty<>(this, "consumptionChoice");
    private final ObjectProperty<ShareTableItem> anomaliesChoice = new SimpleObjectProperty<>(this, "anomaliesChoice");
    private final ObjectProperty<ShareTableItem> selected = new SimpleObjectProperty<>(this, "selected");
    private final ReadOnlyBooleanWrapper browsing = new ReadOnlyBooleanWrapper(this, "browsing", false);
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading", false);
    private final ReadOnlyBooleanWrapper browserOpen = new ReadOnlyBooleanWrapper(this, "browserOpen", false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(this, "failed", false);
    private final ReadOnlyStringWrapper tokenNotice = new ReadOnlyStringWrapper(this, "tokenNotice", "");
    private final ReadOnlyObjectWrapper<OpenedShare> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final BooleanBinding canLoad;
    private TaskHandle current = TaskHandle.NONE;
    /** The title of the share source last shown, to drop its token notice once another source is shown. */
    private String shownTitle;

    public ShareViewModel(ShareRecipient recipient, SourceSwitch sources, TaskRunner runner, WorkbenchSession session,
                          Clock clock) {
        this.recipient = recipient;
        this.sources = sources;
        this.runner = runner;
        this.session = session;
        this.clock = clock;
        this.canLoad = Bindings.createBooleanBinding(() -> consumptionChoice.get() != null && !browsing.get() && !loading.get()
                && !sources.preparingProperty().get(), consumptionChoice, browsing, loading, sources.preparingProperty());
        sources.shownProperty().addListener((o, old, now) -> {
            if (shownTitle != null && (now == null || !shownTitle.equals(now.descriptor().title()))) {
                tokenNotice.set("");
                shownTitle = null;
                shown.set(null);
            }
        });
    }

    /** Reads {@code profile} in the background and lists what it grants; false when something else is running. */
    public boolean openProfile(Path profile) {
        if (profile == null) {
            return false;
        }
        if (browsing.get() || loading.get()) {
            message.set("Wait for the share being read to finish (or press Esc), then open " + profile.getFileName() + " again.");
            return false;
        }
        String name = String.valueOf(profile.getFileName());
        browsing.set(true);
        failed.set(false);
        message.set("Reading " + name + " and listing what it shares…");
        browserOpen.set(true);
        LOG.info("Opening the share profile {}", profile);
        current = runner.task("Reading the share profile " + name, progress -> recipient.browse(profile, progress))
                .onSuccess(found -> {
                    browsing.set(false);
                    show(found);
                })
                .onFailure(error -> {
                    browsing.set(false);
                    fail(UserMessages.describe(error, "read the share profile " + name));
                })
                .onCancelled(() -> {
                    browsing.set(false);
                    message.set("Reading " + name + " was cancelled.");
                })
                .start();
        return true;
    }

    /** For a profile named on the command line: opens it once the window has a source to fall back on. */
    public void openWhenReady(Path profile) {
        sources.whenPrepared(() -> openProfile(profile));
    }

    private void show(ShareCatalog found) {
        catalog.set(found);
        tables.setAll(found.tables());
        consumptionOptions.setAll(found.usable(SharedTableKind.CONSUMPTION));
        anomalyOptions.setAll(found.usable(SharedTableKind.ANOMALIES));
        consumptionChoice.set(consumptionOptions.isEmpty() ? null : consumptionOptions.get(0));
        anomaliesChoice.set(anomalyOptions.isEmpty() ? null : anomalyOptions.get(0));
        selected.set(consumptionChoice.get() != null ? consumptionChoice.get() : found.tables().isEmpty() ? null : found.tables().get(0));
        long usable = found.tables().stream().filter(ShareTableItem::usable).count();
        if (found.tables().isEmpty()) {
            fail("The profile works, but it grants no tables. Ask the provider to add tables to the share.");
        } else if (consumptionOptions.isEmpty()) {
            fail("None of the " + found.tables().size() + " shared tables holds half-hourly consumption the workbench can "
                    + "read (per meter pseudonym, GSP group, settlement date and period, kWh). See each table's details.");
        } else {
            failed.set(false);
            message.set(found.tables().size() + (found.tables().size() == 1 ? " table" : " tables") + " shared, " + usable
                    + " readable by the workbench. Choose the consumption table (and anomalies, if wanted), then Load.");
        }
        tokenNoticeFor(found).ifPresent(notice -> {
            if (!notice.isEmpty()) {
                message.set(notice + " " + message.get());
            }
        });
    }

    /** Downloads the chosen tables in the background and shows them; false when it cannot start now. */
    public boolean load() {
        if (!canLoad.get()) {
            return false;
        }
        ShareCatalog from = catalog.get();
        ShareTableItem consumption = consumptionChoice.get();
        Optional<ShareTableItem> anomalies = Optional.ofNullable(anomaliesChoice.get());
        loading.set(true);
        failed.set(false);
        message.set("Loading " + consumption.qualifiedName() + anomalies.map(a -> " and " + a.qualifiedName()).orElse("") + "…");
        session.dismissError();
        current = sources.open(new SourceSwitch.Opening<>("Loading " + consumption.qualifiedName(),
                        progress -> recipient.load(from, consumption, anomalies, progress),
                        share -> OpenedSource.of(share.source(), share.governance(), () -> recipient.release(share)),
                        recipient::release),
                SourceSwitch.Outcome.of((share, opened) -> {
                    loading.set(false);
                    shownTitle = opened.descriptor().title();
                    shown.set(share);
                    message.set(share.summary());
                    tokenNotice.set(tokenNoticeFor(from).orElse(""));
                    browserOpen.set(false);
                }, error -> {
                    loading.set(false);
                    String text = UserMessages.describe(error, "load " + consumption.qualifiedName()) + " Nothing was "
                            + "loaded; still showing " + sources.shownTitle() + ".";
                    fail(text);
                    session.reportLastingError(text);
                }, () -> {
                    loading.set(false);
                    message.set("Loading was cancelled. Still showing " + sources.shownTitle() + ".");
                }));
        return true;
    }

    private void fail(String text) {
        failed.set(true);
        message.set(text);
    }

    /** The expiry warning for the profile's token: empty when it is far off or never comes. */
    Optional<String> tokenNoticeFor(ShareCatalog found) {
        if (found.expiresAt().isEmpty()) {
            return Optional.empty();
        }
        Instant expiry = found.expiresAt().get();
        Instant now = clock.instant();
        String when = WHEN.format(expiry.atZone(SettlementCalendar.LONDON));
        String profile = String.valueOf(found.profile().getFileName());
        if (!expiry.isAfter(now)) {
            return Optional.of("The token in " + profile + " expired on " + when + ": the share can no longer be read or "
                    + "refreshed. Ask the provider for a new profile; tables already loaded stay available.");
        }
        Duration left = Duration.between(now, expiry);
        if (left.compareTo(EXPIRY_WARNING) <= 0) {
            long days = left.toDays();
            String inWords = days >= 1 ? days + (days == 1 ? " day" : " days") : left.toHours() + " hours";
            return Optional.of("The token in " + profile + " expires in " + inWords + " (" + when + "). Ask the provider "
                    + "for a new profile before then.");
        }
        return Optional.empty();
    }

    /** Stops reading or loading; Esc and the status bar's Cancel stop it too. */
    public void cancel() {
        current.cancel();
    }

    public void closeBrowser() {
        if (!browsing.get() && !loading.get()) {
            browserOpen.set(false);
        }
    }

    public void dismissTokenNotice() {
        tokenNotice.set("");
    }

    public ReadOnlyObjectProperty<ShareCatalog> catalogProperty() {
        return catalog.getReadOnlyProperty();
    }

    public ObservableList<ShareTableItem> tables() {
        return readOnlyTables;
    }

    public ObservableList<ShareTableItem> consumptionOptions() {
        return readOnlyConsumptionOptions;
    }

    public ObservableList<ShareTableItem> anomalyOptions() {
        return readOnlyAnomalyOptions;
    }

    /** The consumption table to load; the browser's picker sets it. */
    public ObjectProperty<ShareTableItem> consumptionChoiceProperty() {
        return consumptionChoice;
    }

    /** The anomalies table to load with it; null loads none. */
    public ObjectProperty<ShareTableItem> anomaliesChoiceProperty() {
        return anomaliesChoice;
    }

    /** The table whose details the browser shows. */
    public ObjectProperty<ShareTableItem> selectedProperty() {
        return selected;
    }

    public ReadOnlyBooleanProperty browsingProperty() {
        return browsing.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True from opening a profile until a load succeeds or the browser is closed. */
    public ReadOnlyBooleanProperty browserOpenProperty() {
        return browserOpen.getReadOnlyProperty();
    }

    public BooleanBinding canLoadProperty() {
        return canLoad;
    }

    /** What the browser says: progress, the result, or what went wrong and what to do. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    /** The share loaded last while it is the source shown; null once another source is shown. */
    public ReadOnlyObjectProperty<OpenedShare> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** The banner about the shown share's token expiring or expired; empty otherwise. */
    public ReadOnlyStringProperty tokenNoticeProperty() {
        return tokenNotice.getReadOnlyProperty();
    }
}
