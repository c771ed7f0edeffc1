package uk.consumptioninsights.app.source;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.app.sharing.OpenedShare;
import uk.consumptioninsights.app.sharing.ShareCatalog;
import uk.consumptioninsights.app.sharing.ShareRecipient;
import uk.consumptioninsights.app.sharing.ShareTableItem;
import uk.consumptioninsights.dataaccess.recipient.RecipientLoad;
import uk.consumptioninsights.dataaccess.recipient.SharedColumn;
import uk.consumptioninsights.dataaccess.recipient.SharedTableFiles;
import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;
import uk.consumptioninsights.dataaccess.sharing.DeltaColumn;
import uk.consumptioninsights.dataaccess.sharing.DeltaSharingClient;
import uk.consumptioninsights.dataaccess.sharing.DownloadedTable;
import uk.consumptioninsights.dataaccess.sharing.ProfileException;
import uk.consumptioninsights.dataaccess.sharing.QueryOptions;
import uk.consumptioninsights.dataaccess.sharing.SharedTable;
import uk.consumptioninsights.dataaccess.sharing.SharingClientSettings;
import uk.consumptioninsights.dataaccess.sharing.SharingException;
import uk.consumptioninsights.dataaccess.sharing.SharingProfile;
import uk.consumptioninsights.dataaccess.sharing.TableMetadata;
import uk.consumptioninsights.dataaccess.sharing.http.Redaction;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.governance.WorkspaceGovernance;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceConsumptionSource;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLayout;
import uk.consumptioninsights.model.work.Progress;

/**
 * Delta Sharing for the app: reads profiles with the protocol client, downloads chosen tables into the client's cache
 * (keyed by table id and file id, so a second load of the same version downloads nothing) and copies them into one
 * recipient workspace per share, under the data home's {@code recipients} folder. Keeps each workspace open while its
 * share is shown.
 */
public final class RecipientShares implements ShareRecipient, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(RecipientShares.class);

    private final Path folder;
    private final UnaryOperator<ConsumptionSource> decorator;
    private final Executor closer;
    private final Map<Path, LocalWorkspace> open = new ConcurrentHashMap<>();
    private final Map<SourceDescriptor, LocalWorkspace> shown = new ConcurrentHashMap<>();
    /** The last load of each workspace: releasing an earlier load of the same share must not close it. */
    private final Map<Path, OpenedShare> latest = new ConcurrentHashMap<>();
    /** The profile each workspace was last loaded with, for a refresh. */
    private final Map<Path, Path> profiles = new ConcurrentHashMap<>();
    private final RememberedCatalogs catalogs;

    /**
     * @param folder    where recipient workspaces and the download cache go
     * @param decorator wraps each share's source; identity in the app, a fault injector in tests
     * @param closer    where {@link #release} closes workspaces, off the UI thread
     */
    public RecipientShares(Path folder, UnaryOperator<ConsumptionSource> decorator, Executor closer) {
        this.folder = folder;
        this.decorator = decorator;
        this.closer = closer;
        this.catalogs = new RememberedCatalogs(folder.resolve("catalogs"));
    }

    @Override
    public ShareCatalog browse(Path profileFile, Progress progress) {
        SharingProfile profile = readProfile(profileFile);
        List<ShareTableItem> items = new ArrayList<>();
        try (DeltaSharingClient client = client(profile)) {
            progress.report(0.05, "Listing the shares of " + profileFile.getFileName() + "…");
            List<String> shares = client.listShares();
            for (String share : shares) {
                progress.checkCancelled();
                List<SharedTable> tables = client.listAllTables(share);
                for (int i = 0; i < tables.size(); i++) {
                    progress.checkCancelled();
                    SharedTable table = tables.get(i);
                    progress.report(0.1 + 0.9 * i / Math.max(1, tables.size()), "Reading " + table.qualifiedName() + "…");
                    items.add(describe(client, table));
                }
            }
        } catch (SharingException e) {
            if (e.category() == SharingException.Category.NETWORK) {
                Optional<List<ShareTableItem>> remembered = catalogs.read(profile.endpoint().toString());
                if (remembered.isPresent()) {
                    LOG.info("The sharing server of {} cannot be reached; listing the tables seen last time", profileFile);
                    return new ShareCatalog(profileFile, displayEndpoint(profile) + " (offline: tables as last listed; "
                            + "loads use the downloaded copies)", Optional.ofNullable(profile.expirationTime()),
                            remembered.get());
                }
            }
            throw asSourceException(e);
        }
        catalogs.write(profile.endpoint().toString(), items);
        return new ShareCatalog(profileFile, displayEndpoint(profile), Optional.ofNullable(profile.expirationTime()), items);
    }

    private static ShareTableItem describe(DeltaSharingClient client, SharedTable table) {
        if (!table.readableByUrl()) {
            return new ShareTableItem(table.share(), table.schema(), table.name(), null, "",
                    "The provider shares this table for direct storage access only, which the workbench does not use. "
                            + "Ask the provider to share it with URL access.");
        }
        TableMetadata metadata;
        try {
            metadata = client.metadata(table);
        } catch (SharingException e) {
            return new ShareTableItem(table.share(), table.schema(), table.name(), null, "", e.getMessage());
        }
        List<SharedColumn> columns = columns(metadata);
        SharedTableKind kind = SharedTableKind.of(columns);
        String problem = "";
        if (kind == null) {
            List<String> missing = SharedTableKind.CONSUMPTION.missingFrom(columns);
            problem = "Not half-hourly consumption (no " + String.join(", ", missing) + ") and not anomalies (no "
                    + String.join(", ", SharedTableKind.ANOMALIES.missingFrom(columns)) + ").";
        }
        return new ShareTableItem(table.share(), table.schema(), table.name(), kind, details(metadata), problem);
    }

    private static String details(TableMetadata metadata) {
        NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.UK);
        StringBuilder text = new StringBuilder("Version ").append(metadata.version());
        metadata.numFiles().ifPresent(n -> text.append(" · ").append(grouped.format(n)).append(n == 1 ? " file" : " files"));
        metadata.size().ifPresent(bytes -> text.append(" · ").append(megabytes(bytes)));
        if (!metadata.partitionColumns().isEmpty()) {
            text.append(" · partitioned by ").append(String.join(", ", metadata.partitionColumns()));
        }
        text.append("\nColumns: ").append(metadata.columns().stream()
                .map(c -> c.name() + " " + c.deltaType() + (c.supported() ? "" : " (not readable)"))
                .collect(Collectors.joining(", ")));
        return text.toString();
    }

    @Override
    public OpenedShare load(ShareCatalog catalog, ShareTableItem consumption, Optional<ShareTableItem> anomalies,
                            Progress progress) throws SQLException {
        SharingProfile profile = readProfile(catalog.profile());
        SharedTableFiles consumptionFiles;
        Optional<SharedTableFiles> anomalyFiles = Optional.empty();
        long downloaded = 0;
        long fromCache = 0;
        long files = 0;
        try (DeltaSharingClient client = client(profile)) {
            Progress first = anomalies.isPresent() ? progress.slice(0, 0.6) : progress.slice(0, 0.8);
            DownloadedTable table = download(client, consumption, first);
            consumptionFiles = SharedTableFiles.from(consumption.qualifiedName(), table);
            downloaded += table.bytesDownloaded();
            fromCache += table.filesFromCache();
            files += table.files().size();
            if (anomalies.isPresent()) {
                DownloadedTable anomalyTable = download(client, anomalies.get(), progress.slice(0.6, 0.8));
                anomalyFiles = Optional.of(SharedTableFiles.from(anomalies.get().qualifiedName(), anomalyTable));
                downloaded += anomalyTable.bytesDownloaded();
                fromCache += anomalyTable.filesFromCache();
                files += anomalyTable.files().size();
            }
        } catch (SharingException e) {
            throw asSourceException(e);
        }
        progress.checkCancelled();
        Path file = workspaceFile(consumption.share(), profile);
        LocalWorkspace workspace = open.get(file);
        if (workspace == null) {
            workspace = LocalWorkspace.open(file, WorkspaceLayout.RECIPIENT);
            open.put(file, workspace);
        }
        RecipientLoad.Loaded loaded = RecipientLoad.load(workspace, consumption.share(), displayEndpoint(profile),
                consumptionFiles, anomalyFiles, progress.slice(0.8, 1));
        WorkspaceConsumptionSource source = new WorkspaceConsumptionSource(workspace);
        shown.put(source.descriptor(), workspace);
        NumberFormat grouped = NumberFormat.getIntegerInstance(Locale.UK);
        String summary = "Loaded " + grouped.format(loaded.consumptionRows()) + " readings of "
                + consumption.qualifiedName() + " (version " + loaded.consumptionVersion() + ")"
                + (anomalies.isPresent() ? " and " + grouped.format(loaded.anomalyRows()) + " anomalies" : "") + ": "
                + grouped.format(files) + (files == 1 ? " file, " : " files, ") + grouped.format(fromCache)
                + " from the cache, " + megabytes(downloaded) + " downloaded.";
        LOG.info("{} Workspace {}", summary, file);
        OpenedShare opened = new OpenedShare(decorator.apply(source), new WorkspaceGovernance(workspace), file, summary);
        latest.put(file, opened);
        profiles.put(file, catalog.profile());
        return opened;
    }

    /**
     * Opens the copies of shares already loaded from {@code profileFile}'s sharing server (one per share), without
     * asking the server anything, so that they can be refreshed: what a refresh from the command line starts from.
     * Empty when nothing was loaded from that server yet.
     */
    public List<OpenedShare> reopen(Path profileFile) throws SQLException, IOException {
        SharingProfile profile = readProfile(profileFile);
        String suffix = "-" + EndpointKey.of(profile.endpoint().toString(), 4) + ".duckdb";
        List<Path> files;
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (var listing = Files.list(folder)) {
            files = listing.filter(f -> f.getFileName().toString().endsWith(suffix)).sorted().toList();
        }
        List<OpenedShare> reopened = new ArrayList<>();
        for (Path file : files) {
            LocalWorkspace workspace = open.get(file);
            if (workspace == null) {
                workspace = LocalWorkspace.open(file, WorkspaceLayout.RECIPIENT);
                open.put(file, workspace);
            }
            WorkspaceConsumptionSource source = new WorkspaceConsumptionSource(workspace);
            shown.put(source.descriptor(), workspace);
            OpenedShare opened = new OpenedShare(decorator.apply(source), new WorkspaceGovernance(workspace), file,
                    "Reopened " + source.descriptor().title());
            latest.put(file, opened);
            profiles.put(file, profileFile);
            reopened.add(opened);
        }
        return reopened;
    }

    /** The latest version, or when the server cannot be reached the newest complete copy in the cache. */
    private static DownloadedTable download(DeltaSharingClient client, ShareTableItem item, Progress progress) {
        SharedTable table = new SharedTable(item.share(), item.schema(), item.table());
        progress.report(0, "Asking for the files of " + item.qualifiedName() + "…");
        try {
            return client.download(client.query(table, QueryOptions.latest()), progress);
        } catch (SharingException e) {
            if (e.category() == SharingException.Category.NETWORK) {
                Optional<DownloadedTable> cached = client.openCached(table, QueryOptions.latest());
                if (cached.isPresent()) {
                    LOG.info("The sharing server cannot be reached; opening the cached version {} of {}",
                            cached.get().snapshot().version(), item.qualifiedName());
                    return cached.get();
                }
            }
            throw e;
        }
    }

    private static List<SharedColumn> columns(TableMetadata metadata) {
        return metadata.columns().stream().filter(DeltaColumn::supported)
                .map(c -> new SharedColumn(c.name(), c.duckdbType())).toList();
    }

    private DeltaSharingClient client(SharingProfile profile) {
        return new DeltaSharingClient(profile, SharingClientSettings.defaults().withCacheDir(folder.resolve("cache")));
    }

    private static SharingProfile readProfile(Path file) {
        try {
            return SharingProfile.read(file);
        } catch (ProfileException e) {
            throw new SourceException(e.getMessage(), e);
        } catch (IOException e) {
            throw new SourceException("The share profile " + file + " could not be read (" + e.getClass().getSimpleName()
                    + "). Check that the file exists and can be read.", e);
        }
    }

    /** The client's messages are already written for the user; the app shows source exceptions' messages. */
    static SourceException asSourceException(SharingException e) {
        return new SourceException(e.getMessage(), e);
    }

    /** The endpoint as shown and stored in the workspace: no user information, query or fragment, so no secret. */
    static String displayEndpoint(SharingProfile profile) {
        return Redaction.url(profile.endpoint());
    }

    /** One workspace per share and endpoint: {@code elexon_consumption-3f9a1c2b.duckdb}. */
    Path workspaceFile(String share, SharingProfile profile) {
        String safe = share.replaceAll("[^A-Za-z0-9._-]", "_");
        return folder.resolve(safe + "-" + EndpointKey.of(profile.endpoint().toString(), 4) + ".duckdb");
    }

    private static String megabytes(long bytes) {
        return String.format(Locale.UK, "%.1f MB", bytes / 1_000_000.0);
    }

    /** The open workspace of {@code share} while it is the latest load of its share; empty once released. */
    Optional<LocalWorkspace> workspaceOf(OpenedShare share) {
        Path file = share.workspaceFile();
        return latest.get(file) == share ? Optional.ofNullable(open.get(file)) : Optional.empty();
    }

    /** A protocol client for the profile {@code share} was loaded with; the caller closes it. */
    DeltaSharingClient clientFor(OpenedShare share) {
        Path profile = profiles.get(share.workspaceFile());
        if (profile == null) {
            throw new SourceException("The share's profile is not known any more. Open the share profile and load the "
                    + "tables again.");
        }
        return client(readProfile(profile));
    }

    /** The open recipient workspace behind a shown share's source, for local rescoring. */
    public Optional<LocalWorkspace> workspaceShowing(SourceDescriptor descriptor) {
        return Optional.ofNullable(shown.get(descriptor));
    }

    @Override
    public void release(OpenedShare share) {
        Path file = share.workspaceFile();
        WorkspaceClosing.later(closer, () -> {
            if (!latest.remove(file, share)) {
                // A newer load of the same share is shown now and uses this workspace.
                return;
            }
            LocalWorkspace workspace = open.remove(file);
            shown.values().removeIf(w -> w == workspace);
            if (workspace != null) {
                LOG.info("Closing the recipient workspace {}: another source is shown", file);
                WorkspaceClosing.quietly(file, workspace);
            }
        });
    }

    @Override
    public void close() {
        WorkspaceClosing.all(open);
        shown.clear();
    }

}
