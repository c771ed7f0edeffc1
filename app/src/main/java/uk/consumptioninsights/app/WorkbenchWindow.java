package uk.consumptioninsights.app;

import java.util.ArrayList;
import java.util.List;
import javafx.geometry.Rectangle2D;
import javafx.scene.Scene;
import javafx.scene.control.MenuItem;
import javafx.stage.Screen;
import javafx.stage.Stage;
import uk.consumptioninsights.app.anomalies.AnomaliesView;
import uk.consumptioninsights.app.consumption.ConsumptionView;
import uk.consumptioninsights.app.governance.GovernanceView;
import uk.consumptioninsights.app.sharing.ProviderSharingView;
import uk.consumptioninsights.app.importer.ImportView;
import uk.consumptioninsights.app.overview.OverviewView;
import uk.consumptioninsights.app.provider.ConnectDialog;
import uk.consumptioninsights.app.settings.Settings;
import uk.consumptioninsights.app.sharing.ShareRefreshView;
import uk.consumptioninsights.app.sharing.ShareView;
import uk.consumptioninsights.app.shell.ShellView;
import uk.consumptioninsights.app.shell.ShellViewModel;
import uk.consumptioninsights.app.theme.WorkbenchTheme;

/** Puts the workbench into a stage: theme (remembered, View → Theme), views, shortcuts, remembered size. */
public final class WorkbenchWindow {

    /** The styles every feature page shares; each view adds its own beside it, the theme adds the palette. */
    public static final String STYLESHEET = "/uk/consumptioninsights/app/controls/controls.css";
    static final double DEFAULT_WIDTH = 1360;
    static final double DEFAULT_HEIGHT = 860;

    private WorkbenchWindow() {
    }

    /** Shows the window at once and starts preparing the source in the background. */
    public static ShellView show(Stage stage, AppContext context, Runnable onQuit) {
        ImportView imports = new ImportView(context.importer());
        ShareView shares = new ShareView(context.shares());
        List<MenuItem> fileItems = new ArrayList<>(imports.fileMenuItems());
        fileItems.addAll(shares.fileMenuItems());
        context.shareRefresh().ifPresent(refresh -> fileItems.add(new ShareRefreshView(refresh).menuItem()));
        fileItems.addAll(new ConnectDialog(context.connect(), stage).fileMenuItems());
        ShellView shell = new ShellView(context.shell(), List.of(
                new ShellView.Page("overviewTab", "Overview", new OverviewView(context.overview()).root()),
                new ShellView.Page("consumptionTab", "Consumption", new ConsumptionView(context.consumption()).root()),
                new ShellView.Page("anomaliesTab", "Anomalies", new AnomaliesView(context.anomalies()).root()),
                new ShellView.Page("governanceTab", "Governance & Consent", new GovernanceView(context.governance()).root()),
                new ShellView.Page("sharingTab", "Data Sharing", new ProviderSharingView(context.providerSharing()).root())),
                fileItems, List.of(shares.banner(), imports.notice()), onQuit);
        Settings.WindowSize size = context.settings().windowSize()
                .orElse(new Settings.WindowSize(DEFAULT_WIDTH, DEFAULT_HEIGHT));
        Rectangle2D screen = Screen.getPrimary().getVisualBounds();
        Scene scene = new Scene(shell.root(), Math.min(size.width(), screen.getWidth()),
                Math.min(size.height(), screen.getHeight()));
        WorkbenchTheme theme = WorkbenchTheme.forSystem(context.settings());
        theme.attach(scene);
        shell.addToViewMenu(theme.menu());
        stage.setTitle(ShellViewModel.APP_NAME);
        stage.setMinWidth(Math.min(1000, screen.getWidth()));
        stage.setMinHeight(Math.min(640, screen.getHeight()));
        shares.acceptDrops(scene);
        stage.setScene(scene);
        stage.setOnHiding(e -> context.settings().saveWindowSize(new Settings.WindowSize(scene.getWidth(), scene.getHeight())));
        stage.show();
        context.shell().start();
        return shell;
    }
}
