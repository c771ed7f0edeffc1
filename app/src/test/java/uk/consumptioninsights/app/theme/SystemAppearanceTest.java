package uk.consumptioninsights.app.theme;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SystemAppearanceTest {

    @Test
    void gnomeColorSchemeIsReadAndAnUnknownAnswerIsNoAnswer() {
        assertThat(SystemAppearance.fromGnomeColorScheme("'prefer-dark'\n")).contains(Appearance.DARK);
        assertThat(SystemAppearance.fromGnomeColorScheme("'default'\n")).contains(Appearance.LIGHT);
        assertThat(SystemAppearance.fromGnomeColorScheme("'prefer-light'")).contains(Appearance.LIGHT);
        assertThat(SystemAppearance.fromGnomeColorScheme("No such key")).isEmpty();
    }

    @Test
    void macInterfaceStyleDarkIsDark() {
        assertThat(SystemAppearance.fromMacInterfaceStyle("Dark\n")).isEqualTo(Appearance.DARK);
        assertThat(SystemAppearance.fromMacInterfaceStyle("")).isEqualTo(Appearance.LIGHT);
    }

    @Test
    void windowsAppsUseLightThemeZeroIsDark() {
        String dark = "\r\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\r\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\r\n";
        assertThat(SystemAppearance.fromWindowsRegistry(dark)).contains(Appearance.DARK);
        assertThat(SystemAppearance.fromWindowsRegistry(dark.replace("0x0", "0x1"))).contains(Appearance.LIGHT);
        assertThat(SystemAppearance.fromWindowsRegistry("ERROR: The system was unable to find the specified registry key")).isEmpty();
    }
}
