package uk.consumptioninsights.app.importer;

import java.nio.file.Path;
import uk.consumptioninsights.dataaccess.governance.GovernanceSource;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.importer.CsvImportReport;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;

/**
 * A meter CSV imported into a new workspace, open and ready to be shown.
 *
 * @param governance    the new workspace's own grants, masks and audit log
 * @param workspaceFile the new workspace, under the data home's workspaces folder
 */
public record ImportedSource(ConsumptionSource source, GovernanceSource governance, CsvImportReport report, Path workspaceFile) {

    public ImportedSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(report, "report");
        Objects.requireNonNull(workspaceFile, "workspaceFile");
    }
}
