package uk.consumptioninsights.app.about;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;

/**
 * What Help → About says: the version and build time (written into the jar by the build), the Java runtime, the
 * licence of every bundled library (generated at build time from the dependencies' POMs) and the data attributions.
 */
public record AboutInfo(String version, String built, String runtime, List<String> licences, List<String> attributions) {

    public static final String BUILD_RESOURCE = "/uk/consumptioninsights/app/build.properties";
    public static final String LICENCES_RESOURCE = "/uk/consumptioninsights/app/THIRD-PARTY.txt";

    /** Data this release uses, and data sources named for features that do not use them yet. */
    static final List<String> ATTRIBUTIONS = List.of(
            "Low Carbon London: SmartMeter Energy Consumption Data in London Households (UK Power Networks), "
                    + "licensed under CC BY 4.0. Used by the CSV import and its test data.",
            "Elexon BMRS and National Grid ESO Carbon Intensity API: not used by this release; they will be "
                    + "credited here when a feature reads them.");

    public AboutInfo {
        licences = List.copyOf(licences);
        attributions = List.copyOf(attributions);
    }

    /** Reads the build's resources from the class path. */
    public static AboutInfo fromBuild() {
        Properties build = new Properties();
        try (InputStream in = AboutInfo.class.getResourceAsStream(BUILD_RESOURCE)) {
            if (in != null) {
                build.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + BUILD_RESOURCE, e);
        }
        String runtime = System.getProperty("java.vm.name", "Java") + " " + System.getProperty("java.runtime.version", "")
                + " (" + System.getProperty("java.vm.vendor", "") + "), GPLv2 with the Classpath Exception";
        return new AboutInfo(build.getProperty("version", "development build"), build.getProperty("built", "unknown"),
                runtime, generatedLicences(), ATTRIBUTIONS);
    }

    /** One line per bundled library: "(licence) name (group:artifact:version - url)". */
    static List<String> generatedLicences() {
        try (InputStream in = AboutInfo.class.getResourceAsStream(LICENCES_RESOURCE)) {
            if (in == null) {
                return List.of();
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .map(String::strip)
                    .filter(line -> line.startsWith("("))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + LICENCES_RESOURCE, e);
        }
    }
}
