package uk.consumptioninsights.app.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.UUID;
import java.util.prefs.Preferences;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.access.PurposeRole;

/** Runs against a throw-away node (and, under Maven, a preferences root inside target/). */
class PreferencesSettingsTest {

    private final Preferences node = Preferences.userRoot().node("uk/consumptioninsights/workbench-test/" + UUID.randomUUID());

    @AfterEach
    void removeNode() throws Exception {
        Preferences parent = node.parent();
        node.removeNode();
        parent.flush();
    }

    @Test
    void remembersRoleAndWindowSize() {
        PreferencesSettings settings = new PreferencesSettings(node);
        assertThat(settings.lastRole()).isEmpty();
        assertThat(settings.windowSize()).isEmpty();

        settings.saveLastRole(PurposeRole.RESEARCH);
        settings.saveWindowSize(new Settings.WindowSize(1200, 800));

        PreferencesSettings reread = new PreferencesSettings(node);
        assertThat(reread.lastRole()).contains(PurposeRole.RESEARCH);
        assertThat(reread.windowSize()).contains(new Settings.WindowSize(1200, 800));
    }

    @Test
    void remembersTheFolderOfTheLastImport() {
        PreferencesSettings settings = new PreferencesSettings(node);
        assertThat(settings.lastImportFolder()).isEmpty();
        Path folder = Path.of("data", "meters").toAbsolutePath();

        settings.saveLastImportFolder(folder);

        assertThat(new PreferencesSettings(node).lastImportFolder()).contains(folder);
        Settings memory = Settings.inMemory();
        memory.saveLastImportFolder(folder);
        assertThat(memory.lastImportFolder()).contains(folder);
    }

    @Test
    void remembersTheThemeAndIgnoresOneItDoesNotKnow() {
        PreferencesSettings settings = new PreferencesSettings(node);
        assertThat(settings.theme()).isEmpty();

        settings.saveTheme(ThemeChoice.DARK);

        assertThat(new PreferencesSettings(node).theme()).contains(ThemeChoice.DARK);
        node.put("theme", "SEPIA");
        assertThat(new PreferencesSettings(node).theme()).isEmpty();
    }

    @Test
    void ignoresARoleItDoesNotKnow() {
        node.put("lastRole", "AUDITOR");
        assertThat(new PreferencesSettings(node).lastRole()).isEmpty();
    }

    @Test
    void nodeComesFromTheSystemPropertySoTestsNeverTouchTheUsersSettings() {
        String before = System.getProperty(PreferencesSettings.NODE_PROPERTY);
        System.setProperty(PreferencesSettings.NODE_PROPERTY, node.absolutePath());
        try {
            assertThat(PreferencesSettings.fromSystemProperties().node().absolutePath()).isEqualTo(node.absolutePath());
        } finally {
            if (before == null) {
                System.clearProperty(PreferencesSettings.NODE_PROPERTY);
            } else {
                System.setProperty(PreferencesSettings.NODE_PROPERTY, before);
            }
        }
    }
}
