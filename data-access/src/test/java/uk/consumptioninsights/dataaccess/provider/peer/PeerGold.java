package uk.consumptioninsights.dataaccess.provider.peer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.rescoring.WorkspaceRescorer;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * The same gold data in a local workspace and on the peer, built once per JVM for every provider-peer test: 150
 * meters over two weeks spanning the October clock change (a 50-period settlement day), rescored so there are
 * detections to compare.
 */
public final class PeerGold {

    public static final LocalDate FIRST = LocalDate.of(2024, 10, 21);
    public static final LocalDate LAST = LocalDate.of(2024, 11, 3);
    public static final LocalDate LONG_DAY = LocalDate.of(2024, 10, 27);
    public static final DateRange ALL = new DateRange(FIRST, LAST);

    private static PeerGold shared;

    private final LocalWorkspace workspace;
    private final PeerRuntime runtime;

    private PeerGold(LocalWorkspace workspace, PeerRuntime runtime) {
        this.workspace = workspace;
        this.runtime = runtime;
    }

    public static synchronized PeerGold shared() throws Exception {
        if (shared == null) {
            Path dir = Files.createDirectories(Path.of(System.getProperty("provider-peer.work"), "gold-" + ProcessHandle.current().pid()));
            LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("peer-parity.duckdb"));
            new SyntheticWorkspaceBuilder(new FleetSettings(11L, 150, FIRST, LAST, 0.05), InjectionRates.defaults())
                    .build(workspace, Progress.NONE);
            new WorkspaceRescorer(workspace).rescore(Progress.NONE);
            PeerRuntime runtime = PeerRuntime.shared();
            long started = System.nanoTime();
            try (Connection peer = runtime.goldConnector().open()) {
                GoldOnPeer.load(workspace, peer, dir.resolve("export"), PeerRuntime.CATALOG, PeerRuntime.SCHEMA);
            }
            System.out.printf("gold loaded on the peer in %d ms%n", (System.nanoTime() - started) / 1_000_000);
            shared = new PeerGold(workspace, runtime);
        }
        return shared;
    }

    public LocalWorkspace workspace() {
        return workspace;
    }

    public PeerRuntime runtime() {
        return runtime;
    }
}
