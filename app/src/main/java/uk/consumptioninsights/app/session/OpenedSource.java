package uk.consumptioninsights.app.session;

import java.util.List;
import java.util.Objects;
import uk.consumptioninsights.dataaccess.source.ConsumptionSource;
import uk.consumptioninsights.dataaccess.source.SourceDescriptor;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * A source ready to be shown, with what the header needs already read in the background (so switching to it does
 * no IO on the UI thread), and how to let go of it once the workbench shows another source.
 *
 * @param release closes what the source holds open (a workspace file lock, connections). It must return at once:
 *                implementations hand the closing to a background thread. Called at most once, after every tab has
 *                moved on to the next source.
 */
public record OpenedSource(ConsumptionSource source, SourceDescriptor descriptor, List<PurposeRole> roles, Runnable release) {

    public OpenedSource {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(descriptor, "descriptor");
        roles = List.copyOf(roles);
        release = release == null ? () -> { } : release;
    }

    /** Reads the descriptor and roles: call off the UI thread. */
    public static OpenedSource of(ConsumptionSource source, Runnable release) {
        return new OpenedSource(source, source.descriptor(), source.roles(), release);
    }
}
