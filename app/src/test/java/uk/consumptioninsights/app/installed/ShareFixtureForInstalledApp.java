package uk.consumptioninsights.app.installed;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import uk.consumptioninsights.dataaccess.sharing.fixture.DeltaSharingServerFixture;
import uk.consumptioninsights.dataaccess.sharing.fixture.SharingFixtureData;

/**
 * For the installed-app check in {@code .ci/run}: serves the UI tests' Delta Sharing fixture share on 127.0.0.1 and
 * writes its profile as {@code <folder>/elexon.share} (renamed into place once complete, so a script can wait for it),
 * then serves until killed or until {@code minutes} (default 15) have passed.
 * Usage: {@code ShareFixtureForInstalledApp <folder> [minutes]}.
 */
public final class ShareFixtureForInstalledApp {

    private static final String TOKEN = "dapi-installed-app-check-0123456789";

    private ShareFixtureForInstalledApp() {
    }

    public static void main(String[] args) throws Exception {
        Path folder = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        Duration lifetime = Duration.ofMinutes(args.length > 1 ? Long.parseLong(args[1]) : 15);
        SharingFixtureData.SharedTables tables = SharingFixtureData.fromSyntheticWorkspace(folder.resolve("share"),
                SharingFixtureData.Size.ui());
        try (DeltaSharingServerFixture server = DeltaSharingServerFixture.start(TOKEN, lifetime)) {
            tables.shareOn(server, false);
            Path partial = server.writeProfile(folder.resolve("elexon.share.partial"),
                    server.profileV1Json(Instant.now().plus(Duration.ofDays(3))));
            Files.move(partial, folder.resolve("elexon.share"), StandardCopyOption.ATOMIC_MOVE);
            Thread.sleep(lifetime.toMillis());
        }
    }
}
