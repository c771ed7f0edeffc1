package uk.consumptioninsights.app.ui;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.BackingStoreException;
import java.util.prefs.Preferences;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.settings.PreferencesSettings;

/**
 * The system properties a UI test starts the real app with: its own data folder, a small fleet, and a preferences
 * node of its own so no test sees another's remembered settings or the user's.
 */
final class AppUnderTest {

    private AppUnderTest() {
    }

    private static String buildHome;

    /** @return the preferences node to hand back to {@link #restore(String)} */
    static String configure(Path home, String meters, String days) {
        buildHome = System.getProperty("ciw.home");
        System.setProperty("ciw.home", home.toString());
        System.setProperty(AppConfig.METERS_PROPERTY, meters);
        System.setProperty(AppConfig.DAYS_PROPERTY, days);
        String prefsNode = "uk/consumptioninsights/workbench-test/" + UUID.randomUUID();
        System.setProperty(PreferencesSettings.NODE_PROPERTY, prefsNode);
        return prefsNode;
    }

    static void restore(String prefsNode) throws BackingStoreException {
        if (buildHome == null) {
            System.clearProperty("ciw.home");
        } else {
            System.setProperty("ciw.home", buildHome);
        }
        System.clearProperty(AppConfig.METERS_PROPERTY);
        System.clearProperty(AppConfig.DAYS_PROPERTY);
        System.clearProperty(PreferencesSettings.NODE_PROPERTY);
        Preferences node = Preferences.userRoot().node(prefsNode);
        Preferences parent = node.parent();
        node.removeNode();
        parent.flush();
    }
}
