package uk.consumptioninsights.app.session;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableMap;
import uk.consumptioninsights.app.common.UserMessage;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * State every tab shares, free of the toolkit: the role the user chose, the query all tabs show (published by the
 * shell once the source is ready and the role's dates are known), the error banner, and where figures came from.
 * Used on the UI thread only.
 */
public final class WorkbenchSession {

    private final ObjectProperty<PurposeRole> role = new SimpleObjectProperty<>(this, "role", PurposeRole.SETTLEMENT);
    private final ReadOnlyObjectWrapper<ViewQuery> query = new ReadOnlyObjectWrapper<>(this, "query");
    private final ReadOnlyStringWrapper errorMessage = new ReadOnlyStringWrapper(this, "errorMessage");
    /** The banner's message whole (what to do, details); its first sentence is {@link #errorMessage}. */
    private final ReadOnlyObjectWrapper<UserMessage> error = new ReadOnlyObjectWrapper<>(this, "error");
    private final ObservableMap<PurposeRole, List<Provenance>> provenance =
            FXCollections.observableMap(new EnumMap<>(PurposeRole.class));
    /** One wrapper for everyone: an unmodifiable wrapper listens to its backing map weakly, so it must stay referenced. */
    private final ObservableMap<PurposeRole, List<Provenance>> readOnlyProvenance =
            FXCollections.unmodifiableObservableMap(provenance);
    private long generation;

    /** The role the user chose; changing it anywhere makes every tab re-query through that role's views. */
    public ObjectProperty<PurposeRole> roleProperty() {
        return role;
    }

    /** Whether the banner's error outlives the next publish ({@link #reportLastingError}). */
    private boolean lasting;

    public PurposeRole role() {
        return role.get();
    }

    /** Null until a source is ready. */
    public ReadOnlyObjectProperty<ViewQuery> queryProperty() {
        return query.getReadOnlyProperty();
    }

    public ViewQuery query() {
        return query.get();
    }

    /** Every tab reloads for this role and range; a new generation even when nothing else changed. */
    public void publish(PurposeRole forRole, DateRange range) {
        if (!lasting) {
            show(null);
        }
        query.set(new ViewQuery(forRole, range, ++generation));
    }

    /** Forgets the query, e.g. while a source is being replaced: tabs keep what they show. */
    public void withdraw() {
        query.set(null);
    }

    /** The banner's message, or null when there is nothing to say. Never a stack trace. */
    public ReadOnlyStringProperty errorMessageProperty() {
        return errorMessage.getReadOnlyProperty();
    }

    public String errorMessage() {
        return errorMessage.get();
    }

    /** An error about what the tabs show now: the next publish (new source, role or dates) clears it. */
    public void reportError(String message) {
        reportError(message == null ? null : UserMessage.plain(message));
    }

    /** As {@link #reportError(String)}, with what to do and the details the details dialog shows. */
    public void reportError(UserMessage message) {
        show(message);
        lasting = false;
    }

    /**
     * An error about something the analyst asked for that did not happen (a file to import or a share to open, from
     * the command line or a double-click): it stays until dismissed, however the tabs change meanwhile.
     */
    public void reportLastingError(String message) {
        reportLastingError(message == null ? null : UserMessage.plain(message));
    }

    public void reportLastingError(UserMessage message) {
        show(message);
        lasting = true;
    }

    public void dismissError() {
        show(null);
        lasting = false;
    }

    /** The banner's message whole, or null when there is nothing to say. */
    public ReadOnlyObjectProperty<UserMessage> errorProperty() {
        return error.getReadOnlyProperty();
    }

    private void show(UserMessage message) {
        error.set(message);
        errorMessage.set(message == null ? null : message.whatHappened());
    }

    /** Record where a role's figures came from; the governance tab shows the relations each role read. */
    public void recordProvenance(PurposeRole forRole, Provenance p) {
        if (p == null) {
            return;
        }
        Map<String, Provenance> byRelation = new LinkedHashMap<>();
        for (Provenance earlier : provenance.getOrDefault(forRole, List.of())) {
            byRelation.put(earlier.relation(), earlier);
        }
        byRelation.remove(p.relation());
        byRelation.put(p.relation(), p);
        provenance.put(forRole, List.copyOf(byRelation.values()));
    }

    /** Per role, the latest provenance of each relation it read, oldest relation first. */
    public ObservableMap<PurposeRole, List<Provenance>> provenance() {
        return readOnlyProvenance;
    }
}
