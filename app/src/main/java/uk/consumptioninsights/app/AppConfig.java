package uk.consumptioninsights.app;

import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import uk.consumptioninsights.dataaccess.workspace.OwnerOnly;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLocation;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Start-up settings from system properties: {@code ciw.home} (read by {@link WorkspaceLocation}), {@code ciw.meters}
 * and {@code ciw.days} (size of a first-launch synthetic workspace, so tests build a small one fast).
 */
public record AppConfig(Path workspaceFile, FleetSettings fleet) {

    public static final String METERS_PROPERTY = "ciw.meters";
    public static final String DAYS_PROPERTY = "ciw.days";

    private static final Logger LOG = LoggerFactory.getLogger(AppConfig.class);

    public static AppConfig fromSystemProperties() {
        LocalDate yesterday = LocalDate.now(SettlementCalendar.LONDON).minusDays(1);
        FleetSettings fleet = FleetSettings.defaults(yesterday);
        Integer meters = positiveInt(METERS_PROPERTY);
        if (meters != null) {
            fleet = fleet.withMeterCount(Math.min(meters, FleetSettings.MAX_METERS));
        }
        Integer days = positiveInt(DAYS_PROPERTY);
        if (days != null) {
            fleet = fleet.withDays(days);
        }
        return new AppConfig(WorkspaceLocation.defaultWorkspace(), fleet);
    }

    /**
     * Creates the folders the workbench writes to (the data home, its workspaces, recipients' copies) and makes them
     * readable by this user only: they hold raw MPANs, readings and downloaded shares.
     */
    public void keepPrivate() {
        OwnerOnly.folder(connectionsFolder());
        OwnerOnly.folder(importFolder());
        OwnerOnly.folder(recipientFolder());
    }

    /** Where imports create their workspaces: beside the default one, i.e. {@code WorkspaceLocation.dataHome()/workspaces}. */
    public Path importFolder() {
        Path parent = workspaceFile.toAbsolutePath().getParent();
        return parent != null ? parent : WorkspaceLocation.dataHome().resolve("workspaces");
    }

    /** Where recipients' copies of shares and the downloaded share files go: {@code dataHome/recipients}. */
    public Path recipientFolder() {
        Path workspaces = importFolder();
        Path home = workspaces.getParent();
        return (home != null ? home : WorkspaceLocation.dataHome()).resolve("recipients");
    }

    /** Where saved Databricks connection profiles are kept (no secrets): the data home, beside the recipients' folder. */
    public Path connectionsFolder() {
        Path home = importFolder().getParent();
        return home != null ? home : WorkspaceLocation.dataHome();
    }

    /**
     * The meter CSV to import on start: the first command-line argument naming a .csv or .csv.gz file. Arguments that
     * are neither a CSV nor a share profile are ignored (and logged), so the app starts as usual.
     */
    public static Optional<Path> csvToImport(List<String> args) {
        return firstArgument(args, ".csv", ".csv.gz");
    }

    /** The Delta Sharing profile to open on start: the first command-line argument naming a .share file. */
    public static Optional<Path> profileToOpen(List<String> args) {
        return firstArgument(args, ".share");
    }

    private static Optional<Path> firstArgument(List<String> args, String... endings) {
        for (String arg : args) {
            if (arg.isBlank()) {
                continue;
            }
            String lower = arg.trim().toLowerCase(Locale.ROOT);
            boolean understood = lower.endsWith(".csv") || lower.endsWith(".csv.gz") || lower.endsWith(".share");
            if (!understood) {
                LOG.warn("Ignoring the argument {}: only a .csv or .csv.gz file to import, or a .share profile, is understood", arg);
                continue;
            }
            for (String ending : endings) {
                if (lower.endsWith(ending)) {
                    try {
                        return Optional.of(Path.of(arg.trim()));
                    } catch (InvalidPathException e) {
                        LOG.warn("Ignoring the argument {}: not a file path", arg);
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static Integer positiveInt(String property) {
        String value = System.getProperty(property);
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            int parsed = Integer.parseInt(value.trim());
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // fall through
        }
        LOG.warn("Ignoring {}={}: expected a positive whole number", property, value);
        return null;
    }
}
