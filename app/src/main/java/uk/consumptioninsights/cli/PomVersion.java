package uk.consumptioninsights.cli;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** {@code ciw --version}: the version the build wrote into {@code version.properties} from the POM. */
final class PomVersion implements IVersionProvider {

    static String version() {
        Properties properties = new Properties();
        try (InputStream in = PomVersion.class.getResourceAsStream("version.properties")) {
            if (in != null) {
                properties.load(in);
            }
        } catch (IOException e) {
            return "unknown";
        }
        String version = properties.getProperty("version", "unknown");
        // An unfiltered copy (an IDE's own build) still holds the placeholder.
        return version.startsWith("${") ? "unknown" : version;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"ciw (Consumption Insights Workbench) " + version()};
    }
}
