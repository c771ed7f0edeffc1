package uk.consumptioninsights.dataaccess.provider.peer;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * Runs notebooks on the peer as a job would run them on Databricks, statement by statement and in order, with the
 * job's parameters bound; a statement listed in databricks-only.md is skipped, every other one must succeed.
 */
public final class NotebookRun {

    private final Connection peer;
    private final Map<String, String> parameters;
    private final DatabricksOnlyStatements databricksOnly;
    private final Set<String> executed = new LinkedHashSet<>();
    private final Set<DatabricksOnlyStatements.Entry> skipped = new LinkedHashSet<>();

    public NotebookRun(Connection peer, Map<String, String> parameters, DatabricksOnlyStatements databricksOnly) {
        this.peer = peer;
        this.parameters = parameters;
        this.databricksOnly = databricksOnly;
    }

    public void run(String notebookFile) throws Exception {
        NotebookSql notebook = NotebookSql.notebook(notebookFile);
        try (Statement st = peer.createStatement()) {
            for (String statement : notebook.statements()) {
                DatabricksOnlyStatements.Entry listed = databricksOnly.listing(notebookFile, statement);
                if (listed != null) {
                    skipped.add(listed);
                    continue;
                }
                try {
                    st.execute(NotebookSql.bind(statement, parameters));
                } catch (SQLException e) {
                    throw new AssertionError(notebookFile + ": the peer refused\n" + statement, e);
                }
                executed.add(notebookFile + ": " + statement.lines().findFirst().orElse(""));
            }
        }
    }

    /** The statements run, as "notebook: first line". */
    public Set<String> executed() {
        return executed;
    }

    public Set<DatabricksOnlyStatements.Entry> skipped() {
        return skipped;
    }
}
