package uk.consumptioninsights.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.sharing.OpenedShare;
import uk.consumptioninsights.app.sharing.ShareCatalog;
import uk.consumptioninsights.app.sharing.ShareTableItem;
import uk.consumptioninsights.app.source.RecipientRefreshes;
import uk.consumptioninsights.app.source.RecipientShares;
import uk.consumptioninsights.dataaccess.recipient.DeltaSharingChangeFeed;
import uk.consumptioninsights.dataaccess.recipient.RefreshOutcome;
import uk.consumptioninsights.dataaccess.recipient.SharedTableKind;

/**
 * {@code ciw share list|load|refresh <profile>}: recipient mode without the window, through the app's own
 * {@link RecipientShares} (the protocol client, its file cache and the share's copy under the data home's
 * {@code recipients} folder) and {@link RecipientRefreshes} (change data feed, else a whole reload).
 */
@Command(name = "share", mixinStandardHelpOptions = true,
        description = "Read a Delta Sharing profile (.share): list its tables, load them, refresh a loaded copy.",
        subcommands = {ShareCommand.ListTables.class, ShareCommand.Load.class, ShareCommand.Refresh.class})
final class ShareCommand implements Runnable {

    @ParentCommand
    Ciw ciw;

    @Override
    public void run() {
        throw new BadArgument("Name what to do with the share: list, load or refresh (see 'ciw share --help')");
    }

    RecipientShares recipients() {
        AppConfig config = ciw.workspaceFolder().config(AppConfig.fromSystemProperties().fleet());
        config.keepPrivate();
        return new RecipientShares(config.recipientFolder(), source -> source, Runnable::run);
    }

    static void mustExist(Path profile) {
        if (!Files.isRegularFile(profile)) {
            throw new BadArgument("There is no share profile " + profile.toAbsolutePath());
        }
    }

    static Map<String, Object> table(ShareTableItem item) {
        return JsonTree.object("name", item.qualifiedName(), "share", item.share(), "schema", item.schema(),
                "table", item.table(), "kind", item.usable() ? item.kind().name().toLowerCase(java.util.Locale.ROOT) : null,
                "usable", item.usable(), "details", item.details(), "problem", item.problem());
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List every table the profile grants, with what the workbench can read each as.")
    static final class ListTables implements Callable<Integer> {

        @ParentCommand
        ShareCommand share;

        @Parameters(paramLabel = "<profile>", description = "The .share profile file.")
        Path profile;

        @Override
        public Integer call() throws Exception {
            mustExist(profile);
            Ciw ciw = share.ciw;
            try (RecipientShares recipients = share.recipients(); ProgressDisplay progress = ciw.progress("Listing")) {
                ShareCatalog catalog = recipients.browse(profile, progress);
                progress.close();
                List<String> lines = new ArrayList<>();
                lines.add(catalog.tables().size() + (catalog.tables().size() == 1 ? " table" : " tables") + " at "
                        + catalog.endpoint() + catalog.expiresAt().map(at -> "; the token expires " + at).orElse(""));
                for (ShareTableItem item : catalog.tables()) {
                    lines.add("  " + item.qualifiedName() + "  " + item.kindLabel()
                            + (item.problem().isEmpty() ? "" : ": " + item.problem()));
                }
                ciw.output().emit(new Report(lines, JsonTree.object("ok", true, "endpoint", catalog.endpoint(),
                        "expiresAt", catalog.expiresAt(), "tables", catalog.tables().stream().map(ShareCommand::table).toList())));
            }
            return ExitCodes.OK;
        }
    }

    @Command(name = "load", mixinStandardHelpOptions = true,
            description = "Download the share's consumption table (and anomalies) into its local copy, as Load into the workbench does.")
    static final class Load implements Callable<Integer> {

        @ParentCommand
        ShareCommand share;

        @Parameters(paramLabel = "<profile>", description = "The .share profile file.")
        Path profile;

        @Option(names = "--table", paramLabel = "<share.schema.table>",
                description = "The consumption table (default: the first the profile grants).")
        String table;

        @Option(names = "--anomalies", paramLabel = "<share.schema.table|none>",
                description = "The anomalies table to load with it (default: the first granted; none for none).")
        String anomalies;

        @Override
        public Integer call() throws Exception {
            mustExist(profile);
            Ciw ciw = share.ciw;
            try (RecipientShares recipients = share.recipients(); ProgressDisplay progress = ciw.progress("Loading")) {
                ShareCatalog catalog = recipients.browse(profile, progress.slice(0, 0.1));
                ShareTableItem consumption = choose(catalog, SharedTableKind.CONSUMPTION, table)
                        .orElseThrow(() -> new BadArgument("The profile grants no table the workbench can read as "
                                + "half-hourly consumption; 'ciw share list' says what each table is"));
                Optional<ShareTableItem> anomalyTable = "none".equalsIgnoreCase(anomalies) ? Optional.empty()
                        : choose(catalog, SharedTableKind.ANOMALIES, anomalies);
                OpenedShare opened = recipients.load(catalog, consumption, anomalyTable, progress.slice(0.1, 1));
                progress.close();
                ciw.output().emit(new Report(List.of(opened.summary(), "Workspace: " + opened.workspaceFile()),
                        JsonTree.object("ok", true, "consumption", consumption.qualifiedName(),
                                "anomalies", anomalyTable.map(ShareTableItem::qualifiedName),
                                "workspace", opened.workspaceFile(), "source", opened.source().descriptor().title(),
                                "summary", opened.summary())));
            }
            return ExitCodes.OK;
        }

        /** The named table, which must be readable as {@code kind}; unnamed, the first such (as the window preselects). */
        private static Optional<ShareTableItem> choose(ShareCatalog catalog, SharedTableKind kind, String name) {
            List<ShareTableItem> usable = catalog.usable(kind);
            if (name == null) {
                return usable.stream().findFirst();
            }
            return Optional.of(usable.stream().filter(t -> t.qualifiedName().equals(name.trim())).findFirst()
                    .orElseThrow(() -> new BadArgument("'" + name + "' is not a table of this profile readable as "
                            + kind.displayName().toLowerCase(java.util.Locale.ROOT) + "; 'ciw share list' names them")));
        }
    }

    @Command(name = "refresh", mixinStandardHelpOptions = true,
            description = "Bring the loaded copies of this profile's shares up to date: only the changes when the table has a change data feed, else reloaded whole.")
    static final class Refresh implements Callable<Integer> {

        @ParentCommand
        ShareCommand share;

        @Parameters(paramLabel = "<profile>", description = "The .share profile file the copy was loaded with.")
        Path profile;

        @Override
        public Integer call() throws Exception {
            mustExist(profile);
            Ciw ciw = share.ciw;
            try (RecipientShares recipients = share.recipients(); ProgressDisplay progress = ciw.progress("Refreshing")) {
                List<OpenedShare> copies = recipients.reopen(profile);
                if (copies.isEmpty()) {
                    throw new uk.consumptioninsights.dataaccess.source.SourceException("Nothing has been loaded from "
                            + profile.getFileName() + "'s sharing server yet. Run 'ciw share load " + profile + "' first.");
                }
                RecipientRefreshes refreshes = new RecipientRefreshes(recipients, DeltaSharingChangeFeed::new, Clock.systemUTC());
                List<String> lines = new ArrayList<>();
                List<Map<String, Object>> tables = new ArrayList<>();
                for (int i = 0; i < copies.size(); i++) {
                    OpenedShare copy = copies.get(i);
                    List<RefreshOutcome> outcomes = refreshes.refresh(copy,
                            progress.slice((double) i / copies.size(), (double) (i + 1) / copies.size()));
                    for (RefreshOutcome outcome : outcomes) {
                        lines.add(outcome.table() + ": " + outcome.summary() + ".");
                        tables.add(outcome(outcome, copy.workspaceFile()));
                    }
                }
                progress.close();
                ciw.output().emit(new Report(lines, JsonTree.object("ok", true, "tables", tables)));
            }
            return ExitCodes.OK;
        }

        private static Map<String, Object> outcome(RefreshOutcome outcome, Path workspace) {
            Map<String, Object> tree = JsonTree.object("table", outcome.table(), "workspace", workspace,
                    "summary", outcome.summary());
            if (outcome instanceof RefreshOutcome.ChangesApplied c) {
                tree.put("mode", "changes");
                tree.put("fromVersion", c.fromVersion());
                tree.put("toVersion", c.toVersion());
                tree.put("inserted", c.inserted());
                tree.put("updated", c.updated());
                tree.put("deleted", c.deleted());
                tree.put("bytesDownloaded", c.bytesDownloaded());
            } else if (outcome instanceof RefreshOutcome.SnapshotLoaded s) {
                tree.put("mode", "snapshot");
                tree.put("toVersion", s.version());
                tree.put("rows", s.rows());
                tree.put("reason", s.reason());
            } else if (outcome instanceof RefreshOutcome.UpToDate u) {
                tree.put("mode", "up-to-date");
                tree.put("toVersion", u.version());
            }
            return tree;
        }
    }
}
