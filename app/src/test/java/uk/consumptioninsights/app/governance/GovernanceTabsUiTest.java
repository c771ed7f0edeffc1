package uk.consumptioninsights.app.governance;

import static org.assertj.core.api.Assertions.assertThat;

import atlantafx.base.theme.PrimerLight;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListView;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.framework.junit5.Stop;
import org.testfx.util.WaitForAsyncUtils;
import uk.consumptioninsights.app.WorkbenchWindow;
import uk.consumptioninsights.app.session.ActiveSource;
import uk.consumptioninsights.app.session.OpenedSource;
import uk.consumptioninsights.app.session.WorkbenchSession;
import uk.consumptioninsights.app.sharing.ProviderSharingView;
import uk.consumptioninsights.app.sharing.ProviderSharingViewModel;
import uk.consumptioninsights.app.task.FxTaskRunner;
import uk.consumptioninsights.app.testsupport.FakeSource;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The Governance and Data Sharing views mounted in a window of their own over the in-memory governance fixture, with
 * real background loads: grants per role, an audit refusal shown inline, the share's column comparison, and no meter
 * identity on screen under Research.
 */
@ExtendWith(ApplicationExtension.class)
class GovernanceTabsUiTest {

    private final FakeSource source = new FakeSource();
    private final InMemoryGovernance governance = new InMemoryGovernance();
    private WorkbenchSession session;
    private FxTaskRunner runner;
    private Scene scene;
    private TabPane tabs;

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        // TestFX hands every test class the same primary stage: drop handlers an earlier test's window left on it
        // (the workbench saves its size to a preferences node that test has removed since).
        stage.setOnHiding(null);
        stage.setOnCloseRequest(null);
        session = new WorkbenchSession();
        runner = new FxTaskRunner(2);
        ActiveSource active = new ActiveSource();
        active.use(OpenedSource.of(source, governance, null));
        GovernanceView governanceView = new GovernanceView(new GovernanceViewModel(active, runner, session));
        ProviderSharingView sharingView = new ProviderSharingView(new ProviderSharingViewModel(active, runner, session));
        Tab governanceTab = new Tab("Governance & Consent", governanceView.root());
        governanceTab.setId("governanceTab");
        Tab sharingTab = new Tab("Data Sharing", sharingView.root());
        sharingTab.setId("sharingTab");
        tabs = new TabPane(governanceTab, sharingTab);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        scene = new Scene(tabs, 1360, 900);
        scene.getStylesheets().add(Objects.requireNonNull(WorkbenchWindow.class.getResource(WorkbenchWindow.STYLESHEET))
                .toExternalForm());
        stage.setScene(scene);
        stage.show();
    }

    @Stop
    void stop() {
        runner.close();
    }

    @Test
    void governanceTabShowsTheRolesGrantsAndAnInlineAuditRefusal(FxRobot robot) throws Exception {
        publish(PurposeRole.SETTLEMENT);

        TableView<?> grants = robot.lookup("#grantsTable").queryAs(TableView.class);
        assertThat(fx(() -> column(grants, 0))).containsExactly("bsc_settlement", "bsc_settlement", "account users");
        assertThat(fx(() -> column(grants, 3))).containsExactly("main.gold.v_settlement_half_hourly", "main.gold", "main");
        assertThat(text(robot, "#grantsSummary")).isEqualTo("3 grants");
        assertThat(fx(() -> robot.lookup("#auditTable").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#auditNotice").query().isVisible())).isFalse();
        assertThat(fx(() -> column(robot.lookup("#auditTable").queryAs(TableView.class), 0)))
                .containsExactly("20 Nov 2026 09:15:02 GMT", "25 Oct 2026 01:30:00 GMT", "1 Jul 2026 13:00:00 BST");

        publish(PurposeRole.RESEARCH);

        assertThat(fx(() -> column(grants, 0))).containsExactly("bsc_research");
        assertThat(fx(() -> robot.lookup("#auditNotice").query().isVisible())).isTrue();
        assertThat(fx(() -> robot.lookup("#auditTable").query().isVisible())).isFalse();
        assertThat(text(robot, "#auditNoticeText")).isEqualTo(InMemoryGovernance.AUDIT_DENIED);
        assertThat(text(robot, "#auditRefused")).isEqualTo("Refused: " + InMemoryGovernance.AUDIT_STATEMENT);
        assertThat(fx(() -> robot.lookup("#columnMasksTable").query().isVisible())).isTrue();
        assertThat(fx(() -> session.errorMessage())).isNull();
    }

    @Test
    void dataSharingTabComparesColumnsAndShowsARefusedRecipientList(FxRobot robot) throws Exception {
        publish(PurposeRole.SETTLEMENT);
        WaitForAsyncUtils.asyncFx(() -> tabs.getSelectionModel().select(1)).get(10, TimeUnit.SECONDS);
        settle();

        TreeView<?> tree = robot.lookup("#goldSchemaTree").queryAs(TreeView.class);
        assertThat(fx(() -> tree.getRoot().getChildren().stream().map(i -> String.valueOf(((TreeItem<?>) i).getValue())).toList()))
                .containsExactly("main.gold.consumption_half_hourly  ·  7 columns", "main.gold.anomalies  ·  6 columns",
                        "main.gold.v_settlement_half_hourly  ·  3 columns");
        TableView<?> comparison = robot.lookup("#columnComparisonTable").queryAs(TableView.class);
        assertThat(fx(() -> column(comparison, 0))).containsExactly("mpan", "gsp_group", "settlement_date",
                "settlement_period", "interval_start_ts", "kwh", "quality_flag", "meter_pseudonym");
        assertThat(fx(() -> column(comparison, 3))).containsExactly("not shared", "shared", "shared", "shared",
                "not shared", "shared", "not shared", "only in the share");
        assertThat(text(robot, "#columnComparisonNote"))
                .isEqualTo("4 shared, 3 not shared, 1 only in the share against main.gold.consumption_half_hourly.");

        // Picking an object with the mouse compares that object.
        robot.clickOn("elexon.anomalies");
        settle();
        assertThat(fx(() -> column(comparison, 0))).containsExactly("anomaly_id", "mpan", "gsp_group",
                "interval_start_ts", "anomaly_type", "score");
        assertThat(fx(() -> column(comparison, 3))).containsExactly("shared", "not shared", "shared", "shared",
                "shared", "shared");

        robot.clickOn(InMemoryGovernance.SECOND_SHARE);
        settle();
        assertThat(fx(() -> robot.lookup("#shareRecipientsNotice").query().isVisible())).isTrue();
        assertThat(text(robot, "#shareRecipientsNoticeText")).isEqualTo(InMemoryGovernance.RECIPIENTS_DENIED);
        assertThat(fx(() -> column(robot.lookup("#sharedObjectsTable").queryAs(TableView.class), 0)))
                .containsExactly("monitoring.settlement");
        assertThat(fx(() -> robot.lookup("#sharesList").queryAs(ListView.class).getSelectionModel().getSelectedItem()))
                .isEqualTo(InMemoryGovernance.SECOND_SHARE);
    }

    @Test
    void underResearchNoMeterIdentityIsOnScreen(FxRobot robot) throws Exception {
        governance.audit.put(PurposeRole.RESEARCH, governance.audit.get(PurposeRole.SETTLEMENT));
        publish(PurposeRole.RESEARCH);

        List<String> shown = fx(this::allText);
        assertThat(shown).contains("bsc_research", "mpan", "main.gold.mask_mpan");
        assertThat(shown).noneMatch(t -> t.contains(InMemoryGovernance.QUOTED_MPAN))
                .noneMatch(t -> t.contains(InMemoryGovernance.QUOTED_PSEUDONYM))
                .noneMatch(t -> t.contains(FakeSource.MPAN_1) || t.contains(FakeSource.MPAN_2));
    }

    private void publish(PurposeRole role) throws Exception {
        WaitForAsyncUtils.asyncFx(() -> {
            session.roleProperty().set(role);
            session.publish(role, FakeSource.RANGE);
        }).get(10, TimeUnit.SECONDS);
        settle();
    }

    private void settle() throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> fx(() -> runner.activity().inFlight() == 0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String query) {
        return fx(() -> robot.lookup(query).queryAs(Labeled.class).getText());
    }

    private static List<String> column(TableView<?> table, int index) {
        TableColumn<?, ?> column = table.getColumns().get(index);
        List<String> out = new ArrayList<>();
        for (int i = 0; i < table.getItems().size(); i++) {
            out.add(String.valueOf(column.getCellData(i)));
        }
        return out;
    }

    /** Labels and every table cell, in every tab, shown or not: what a person could see or reveal. */
    private List<String> allText() {
        List<String> out = new ArrayList<>();
        for (Tab tab : tabs.getTabs()) {
            visit(tab.getContent(), out);
        }
        return out;
    }

    private static void visit(Node node, List<String> out) {
        if (node instanceof Labeled labeled && labeled.getText() != null) {
            out.add(labeled.getText());
        }
        if (node instanceof TableView<?> table) {
            for (int c = 0; c < table.getColumns().size(); c++) {
                out.addAll(column(table, c));
            }
        }
        if (node instanceof ListView<?> list) {
            list.getItems().forEach(item -> out.add(String.valueOf(item)));
        }
        if (node instanceof TreeView<?> tree && tree.getRoot() != null) {
            collect(tree.getRoot(), out);
        }
        if (node instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                visit(child, out);
            }
        }
    }

    private static void collect(TreeItem<?> item, List<String> out) {
        out.add(String.valueOf(item.getValue()));
        for (TreeItem<?> child : item.getChildren()) {
            collect(child, out);
        }
    }

    private static <T> T fx(Callable<T> read) {
        try {
            return WaitForAsyncUtils.asyncFx(read).get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("FX read failed", e);
        }
    }
}
