package uk.consumptioninsights.app.logging;

import ch.qos.logback.core.PropertyDefinerBase;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceLocation;

/** Tells logback.xml where the log files go: {@code <data home>/logs}, which honours {@code ciw.home}. */
public final class LogDirectory extends PropertyDefinerBase {

    @Override
    public String getPropertyValue() {
        return WorkspaceLocation.dataHome().resolve("logs").toAbsolutePath().toString();
    }
}
