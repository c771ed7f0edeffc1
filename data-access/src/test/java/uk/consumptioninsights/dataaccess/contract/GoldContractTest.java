package uk.consumptioninsights.dataaccess.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;

class GoldContractTest {

    @TempDir
    Path dir;

    @Test
    void workspaceGoldFollowsTheContractColumnByColumn() throws Exception {
        GoldContract contract = GoldContract.load();
        assertThat(contract.relations()).isNotEmpty();
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
             Connection c = workspace.newConnection();
             PreparedStatement ps = c.prepareStatement("""
                     SELECT column_name, data_type, is_nullable FROM information_schema.columns
                     WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position""")) {
            for (GoldContract.Relation relation : contract.relations()) {
                String[] parts = relation.name().split("\\.");
                ps.setString(1, parts[0]);
                ps.setString(2, parts[1]);
                List<String> actual = new ArrayList<>();
                List<String> expected = new ArrayList<>();
                // Nullability is declared by tables; where the workspace computes a contracted table as a view (the
                // meter dimension joins the pseudonyms it holds in memory only), the columns and types still hold.
                boolean checkNulls = relation.kind().equals("table") && isTable(c, parts[0], parts[1]);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        actual.add(rs.getString(1) + " " + rs.getString(2) + (checkNulls ? " " + rs.getString(3) : ""));
                    }
                }
                for (GoldContract.Column column : relation.columns()) {
                    expected.add(column.name() + " " + contract.engineType(column.type(), "duckdb")
                            + (checkNulls ? (column.nullable() ? " YES" : " NO") : ""));
                }
                assertThat(actual).as(relation.name()).containsExactlyElementsOf(expected);
            }
        }
    }

    @Test
    void everyGoldAndMarketRelationInTheWorkspaceIsInTheContract() throws Exception {
        List<String> contracted = GoldContract.load().relations().stream().map(GoldContract.Relation::name).toList();
        assertThat(contracted).allMatch(name -> name.startsWith("gold.") || name.startsWith("market."));
        try (LocalWorkspace workspace = LocalWorkspace.open(dir.resolve("w.duckdb"));
             Connection c = workspace.newConnection(); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT table_schema || '.' || table_name FROM information_schema.tables "
                     + "WHERE table_schema IN ('gold', 'market') ORDER BY 1")) {
            List<String> present = new ArrayList<>();
            while (rs.next()) {
                present.add(rs.getString(1));
            }
            assertThat(present).containsExactlyInAnyOrderElementsOf(contracted);
        }
    }

    @Test
    void everyContractTypeMapsToBothEngines() {
        GoldContract contract = GoldContract.load();
        contract.relations().forEach(r -> r.columns().forEach(col -> {
            assertThat(contract.engineType(col.type(), "duckdb")).isNotBlank();
            assertThat(contract.engineType(col.type(), "databricks")).isNotBlank();
        }));
    }

    private static boolean isTable(Connection c, String schema, String name) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT count(*) FROM information_schema.tables "
                + "WHERE table_schema = ? AND table_name = ? AND table_type = 'BASE TABLE'")) {
            ps.setString(1, schema);
            ps.setString(2, name);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1) > 0;
            }
        }
    }
}
