package uk.consumptioninsights.app.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static uk.consumptioninsights.app.ui.UiSupport.allText;
import static uk.consumptioninsights.app.ui.UiSupport.awaitSettled;
import static uk.consumptioninsights.app.ui.UiSupport.fx;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.AppConfig;
import uk.consumptioninsights.app.AppContext;
import uk.consumptioninsights.app.WorkbenchWindow;
import uk.consumptioninsights.app.provider.ConnectDialogViewModel;
import uk.consumptioninsights.app.settings.PreferencesSettings;
import uk.consumptioninsights.dataaccess.provider.credentials.InMemoryCredentialStore;
import uk.consumptioninsights.dataaccess.provider.fixture.DatabricksHttpFaultFixture;
import uk.consumptioninsights.dataaccess.sharing.CapturedLogs;

/**
 * The real app's File → Connect to Databricks… against a loopback workspace, through the real databricks-jdbc driver:
 * each wrong input gets its own message in the dialog (wrong host, wrong HTTP path, wrong token, expired token,
 * missing privilege, timeout), and no token typed into the dialog shows on screen, in a log or in a saved file.
 */
@ExtendWith(ApplicationExtension.class)
class ProviderConnectUiTest {

    private static final String GOOD_TOKEN = "dapi-ui-good-4c1e9f0a7b22d3e8";
    private static final String EXPIRED_TOKEN = "dapi-ui-expired-9d0b33a1c5e7f2aa";
    private static final String WRONG_TOKEN = "pat-typed-wrong-Xq7Lm2Vw9Rk4";
    private static final List<String> TOKENS = List.of(GOOD_TOKEN, EXPIRED_TOKEN, WRONG_TOKEN);

    static final String WRONG_HOST = "The workspace host could not be found. Check the host name (for example "
            + "adb-1234567890123456.7.azuredatabricks.net, without https:// or a path) and your network or VPN.";
    static final String WRONG_HTTP_PATH = "The workspace was reached but the HTTP path was not found. Copy the HTTP path "
            + "from the SQL warehouse's Connection details (for example /sql/1.0/warehouses/abc123) and check the "
            + "warehouse still exists.";
    static final String INVALID_CREDENTIALS = "The workspace rejected the sign-in. Check the personal access token or the "
            + "service principal's client id and secret, and that they belong to this workspace.";
    static final String EXPIRED = "The token has expired. Create a new personal access token (or sign in in the "
            + "browser again) and save it for this connection.";
    static final String MISSING_PRIVILEGE = "The query needs a privilege you do not have. Ask the data owner for USE "
            + "CATALOG, USE SCHEMA and SELECT on the objects it reads.";
    static final String TIMEOUT = "The workspace did not answer within 2 s. Check the host and your network or VPN, and "
            + "that the SQL warehouse is running (a stopped warehouse can take minutes to start).";

    @TempDir
    static Path home;
    private static String prefsNode;
    private static DatabricksHttpFaultFixture workspace;
    private static final List<String> logged = new CopyOnWriteArrayList<>();
    private static LogbackCapture logbackCapture;
    private static JulCapture julCapture;

    private AppContext context;

    @BeforeAll
    static void startTheWorkspace() throws IOException {
        prefsNode = AppUnderTest.configure(home, "20", "3");
        workspace = DatabricksHttpFaultFixture.start(GOOD_TOKEN, EXPIRED_TOKEN);
        // SLF4J binds either logback or data-access's test provider CapturedLogs (both are on this class path).
        if (LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            logbackCapture = new LogbackCapture();
            logbackCapture.setContext(logback);
            logbackCapture.start();
            logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME).addAppender(logbackCapture);
        } else {
            assertThat(CapturedLogs.installed()).isTrue();
            CapturedLogs.clear();
        }
        julCapture = new JulCapture();
        java.util.logging.Logger.getLogger("").addHandler(julCapture);
    }

    @AfterAll
    static void stopTheWorkspace() throws Exception {
        workspace.close();
        if (logbackCapture != null && LoggerFactory.getILoggerFactory() instanceof LoggerContext logback) {
            Logger root = logback.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
            root.detachAppender(logbackCapture);
        }
        java.util.logging.Logger.getLogger("").removeHandler(julCapture);
        AppUnderTest.restore(prefsNode);
    }

    @Start
    void start(Stage stage) {
        context = AppContext.create(AppConfig.fromSystemProperties(), PreferencesSettings.fromSystemProperties(), s -> s,
                new AppContext.ProviderWiring(new InMemoryCredentialStore(), DatabricksHttpFaultFixture.driverOverrides()));
        WorkbenchWindow.show(stage, context, () -> { });
    }

    @Stop
    void stop() {
        context.close();
    }

    @Test
    void everyWrongInputGetsItsOwnMessageAndNoTokenLeaks(FxRobot robot) throws Exception {
        awaitSettled(context, 300);
        ConnectDialogViewModel vm = context.connect();
        robot.push(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.D);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dialog() != null));
        assertThat(fx(() -> vm.schemaProperty().get())).isEqualTo("gold");

        // The token is typed, as an analyst would; the rest is set on the view-model the fields are bound to.
        robot.clickOn("#connectSecret").write(WRONG_TOKEN);
        assertThat(fx(() -> vm.secretProperty().get())).isEqualTo(WRONG_TOKEN);
        fill(vm, workspace.host(), DatabricksHttpFaultFixture.HTTP_PATH, "settlement", null);
        assertThat(test(robot, vm)).isEqualTo(INVALID_CREDENTIALS);
        assertThat(detailsText(robot)).contains("INVALID_CREDENTIALS").contains("401");

        fill(vm, "workspace-that-does-not-exist.invalid", DatabricksHttpFaultFixture.HTTP_PATH, "settlement", GOOD_TOKEN);
        assertThat(test(robot, vm)).isEqualTo(WRONG_HOST);

        fill(vm, workspace.host(), "/sql/1.0/warehouses/0000000000000000", "settlement", GOOD_TOKEN);
        assertThat(test(robot, vm)).isEqualTo(WRONG_HTTP_PATH);

        fill(vm, workspace.host(), DatabricksHttpFaultFixture.HTTP_PATH, "settlement", EXPIRED_TOKEN);
        assertThat(test(robot, vm)).isEqualTo(EXPIRED);

        fill(vm, workspace.host(), DatabricksHttpFaultFixture.HTTP_PATH, DatabricksHttpFaultFixture.RESTRICTED_CATALOG,
                GOOD_TOKEN);
        assertThat(test(robot, vm)).isEqualTo(MISSING_PRIVILEGE);
        assertThat(workspace.statements()).anyMatch(sql -> sql.contains("`" + DatabricksHttpFaultFixture.RESTRICTED_CATALOG
                + "`.`gold`.v_settlement_gsp_half_hourly"));

        fill(vm, workspace.host(), DatabricksHttpFaultFixture.HTTP_PATH, "settlement", GOOD_TOKEN);
        fx(() -> {
            vm.connectTimeoutSecondsProperty().set(2);
            return null;
        });
        workspace.stopAnswering();
        try {
            assertThat(test(robot, vm)).isEqualTo(TIMEOUT);
        } finally {
            workspace.resumeAnswering();
        }

        fx(() -> {
            vm.connectTimeoutSecondsProperty().set(60);
            return null;
        });
        assertThat(test(robot, vm)).isEqualTo("Connected as " + DatabricksHttpFaultFixture.USER + "; 3 catalogs visible");
        assertThat(fx(() -> List.copyOf(vm.catalogs()))).isEqualTo(DatabricksHttpFaultFixture.CATALOGS);

        // Saved with the secret going to the (in-memory) credential store: the profile file has no token.
        fx(() -> {
            vm.profileNameProperty().set("Fixture workspace");
            return null;
        });
        robot.clickOn("#connectSaveProfile");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fx(() -> vm.messageProperty().get().startsWith("Saved")));

        List<String> onScreen = new ArrayList<>();
        for (Window window : fx(() -> List.copyOf(Window.getWindows()))) {
            Scene scene = window.getScene();
            onScreen.addAll(fx(() -> allText(scene)));
        }
        // The password field holds the token by design; every other text, label and tooltip must not.
        onScreen.remove(GOOD_TOKEN);
        List<String> logLines = new ArrayList<>(logged);
        if (logbackCapture == null) {
            logLines.addAll(CapturedLogs.events());
        }
        for (String token : TOKENS) {
            assertThat(onScreen).noneMatch(text -> text.contains(token));
            assertThat(logLines).as("log lines").noneMatch(line -> line.contains(token));
        }
        assertThat(logLines).as("the app and driver log something, so the capture works")
                .anyMatch(line -> line.contains("Databricks connection failed"));

        // Esc closes the dialog and forgets the typed secret.
        robot.push(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> dialog() == null || !dialog().isShowing()));
        assertThat(fx(() -> vm.secretProperty().get())).isEmpty();

        for (Path root : List.of(home, Path.of("target", "prefs"))) {
            if (!Files.exists(root)) {
                continue;
            }
            try (var files = Files.walk(root)) {
                for (Path file : files.filter(Files::isRegularFile).filter(f -> !f.toString().endsWith(".duckdb")
                        && !f.toString().endsWith(".wal")).toList()) {
                    String content = new String(Files.readAllBytes(file), java.nio.charset.StandardCharsets.ISO_8859_1);
                    for (String token : TOKENS) {
                        assertThat(content).as(file.toString()).doesNotContain(token);
                    }
                }
            }
        }
        assertThat(Files.readString(home.resolve("provider-connections.json"))).contains("Fixture workspace");
    }

    /** The dialog while it shows; JavaFX lists hidden windows no more. */
    private Stage dialog() {
        return Window.getWindows().stream().filter(w -> w instanceof Stage s && "Connect to Databricks".equals(s.getTitle()))
                .map(Stage.class::cast).findFirst().orElse(null);
    }

    private static void fill(ConnectDialogViewModel vm, String host, String httpPath, String catalog, String token) {
        fx(() -> {
            vm.hostProperty().set(host);
            vm.httpPathProperty().set(httpPath);
            vm.catalogProperty().set(catalog);
            if (token != null) {
                vm.secretProperty().set(token);
            }
            return null;
        });
    }

    /** Clicks Test connection and returns the dialog's message once the test is over. */
    private static String test(FxRobot robot, ConnectDialogViewModel vm) throws Exception {
        robot.clickOn("#connectTest");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> fx(() -> !vm.busyProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        return fx(() -> robot.lookup("#connectMessage").queryAs(Label.class).getText());
    }

    private static String detailsText(FxRobot robot) {
        return fx(() -> robot.lookup("#connectDetailsText").queryAs(Label.class).getText());
    }

    /** Every logback event, formatted with its stack trace, as the log file would have it. */
    private static final class LogbackCapture extends AppenderBase<ILoggingEvent> {
        @Override
        protected void append(ILoggingEvent event) {
            String trace = event.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(event.getThrowableProxy());
            logged.add(event.getLoggerName() + " " + event.getFormattedMessage() + trace);
        }
    }

    /** The driver logs through java.util.logging by default. */
    private static final class JulCapture extends Handler {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + " " + record.getMessage());
            if (record.getParameters() != null) {
                for (Object parameter : record.getParameters()) {
                    line.append(' ').append(parameter);
                }
            }
            if (record.getThrown() != null) {
                line.append(' ').append(record.getThrown());
            }
            logged.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    }
}
