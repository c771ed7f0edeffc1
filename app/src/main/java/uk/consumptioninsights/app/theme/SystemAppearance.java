package uk.consumptioninsights.app.theme;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Asks the operating system whether it prefers dark: GNOME's {@code color-scheme}, macOS's
 * {@code AppleInterfaceStyle}, Windows' {@code AppsUseLightTheme}. Runs a short command, so never on the FX thread.
 * Unknown (no such command, no answer, an unlisted desktop) means light.
 */
public final class SystemAppearance {

    private static final Logger LOG = LoggerFactory.getLogger(SystemAppearance.class);
    private static final long WAIT_SECONDS = 3;

    private SystemAppearance() {
    }

    /** The system's preference, or light when it cannot be told. Blocks for up to a few seconds. */
    public static Appearance detect() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        Optional<Appearance> found;
        if (os.contains("win")) {
            found = run(List.of("reg", "query", "HKCU\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize",
                    "/v", "AppsUseLightTheme")).flatMap(SystemAppearance::fromWindowsRegistry);
        } else if (os.contains("mac")) {
            // The key exists only in dark mode: a failed read is the light answer, not an unknown one.
            found = Optional.of(run(List.of("defaults", "read", "-g", "AppleInterfaceStyle"))
                    .map(SystemAppearance::fromMacInterfaceStyle).orElse(Appearance.LIGHT));
        } else {
            found = run(List.of("gsettings", "get", "org.gnome.desktop.interface", "color-scheme"))
                    .flatMap(SystemAppearance::fromGnomeColorScheme);
        }
        return found.orElse(Appearance.LIGHT);
    }

    /** {@code 'prefer-dark'} is dark, {@code 'prefer-light'} and {@code 'default'} light. */
    static Optional<Appearance> fromGnomeColorScheme(String output) {
        String value = output.strip().replace("'", "");
        return switch (value) {
            case "prefer-dark" -> Optional.of(Appearance.DARK);
            case "prefer-light", "default" -> Optional.of(Appearance.LIGHT);
            default -> Optional.empty();
        };
    }

    static Appearance fromMacInterfaceStyle(String output) {
        return output.strip().equalsIgnoreCase("Dark") ? Appearance.DARK : Appearance.LIGHT;
    }

    /** {@code reg query} prints {@code AppsUseLightTheme REG_DWORD 0x0} for dark and {@code 0x1} for light. */
    static Optional<Appearance> fromWindowsRegistry(String output) {
        for (String line : output.split("\\R")) {
            if (line.contains("AppsUseLightTheme")) {
                String value = line.strip().replaceAll(".*\\s", "");
                if (value.equals("0x0")) {
                    return Optional.of(Appearance.DARK);
                }
                if (value.equals("0x1")) {
                    return Optional.of(Appearance.LIGHT);
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> run(List<String> command) {
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output;
            try (InputStream in = process.getInputStream()) {
                output = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            if (!process.waitFor(WAIT_SECONDS, TimeUnit.SECONDS)) {
                process.destroy();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(output) : Optional.empty();
        } catch (IOException e) {
            LOG.debug("Could not ask the system for its theme with {}: {}", command.get(0), e.getMessage());
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
