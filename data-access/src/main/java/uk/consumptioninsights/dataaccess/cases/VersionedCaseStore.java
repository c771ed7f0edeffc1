package uk.consumptioninsights.dataaccess.cases;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import uk.consumptioninsights.dataaccess.query.QueryEngine;
import uk.consumptioninsights.dataaccess.source.SourceException;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseChange;
import uk.consumptioninsights.model.cases.CaseDraft;
import uk.consumptioninsights.model.cases.CaseId;
import uk.consumptioninsights.model.cases.CaseReport;
import uk.consumptioninsights.model.cases.CaseRevision;

/**
 * What both stores share: reads through the engine's query path, and the optimistic update (check the version read,
 * apply the changes in the domain, write only where the stored version is still the one read, and when the write did
 * not happen, report who saved in between). Only the conditional write itself differs per engine.
 */
abstract class VersionedCaseStore implements CaseStore {

    /** A conditional write that found the stored version moved on. */
    static final class VersionMoved extends Exception {
        private static final long serialVersionUID = 1L;

        VersionMoved() {
            super(null, null, false, false);
        }
    }

    private final QueryEngine engine;
    private final CaseTables tables;
    private final String actor;
    private final Clock clock;

    VersionedCaseStore(QueryEngine engine, CaseTables tables, String actor, Clock clock) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.tables = Objects.requireNonNull(tables, "tables");
        this.actor = Objects.requireNonNull(actor, "actor");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Writes a new case (its MPAN row when it has one) and its trail entry. */
    abstract void writeRaised(CaseReport report, List<CaseActivity> entries, String writeId) throws SQLException;

    /**
     * Writes {@code revised} and its entries only if the stored case is still at {@code versionRead}.
     *
     * @throws VersionMoved when it is not (nothing written)
     */
    abstract void writeRevision(CaseReport revised, long versionRead, List<CaseActivity> entries, String writeId)
            throws SQLException, VersionMoved;

    /** Where the store writes, for messages: "the local workspace", "the Databricks warehouse". */
    abstract String place();

    final CaseTables tables() {
        return tables;
    }

    @Override
    public final String actor() {
        return actor;
    }

    @Override
    public final CaseReport raise(PurposeRole purpose, CaseDraft draft) {
        CaseRevision raising = CaseReport.raise(CaseId.random(), draft, purpose, actor, now());
        try {
            writeRaised(raising.revised(), raising.entries(), newWriteId());
        } catch (SQLException e) {
            throw failure("save the new case", e);
        }
        return raising.revised();
    }

    @Override
    public final Optional<CaseReport> find(PurposeRole purpose, CaseId id) {
        return engine.run(tables.find(purpose, id), CaseTables::readOne);
    }

    /**
     * Runs one update's read, check and write; the local store runs them one at a time per workspace, because DuckDB
     * refuses the second of two overlapping writes while the first is still uncommitted, when the winner is not yet
     * readable to name in the conflict.
     */
    <T> T exclusively(java.util.function.Supplier<T> update) {
        return update.get();
    }

    @Override
    public final CaseUpdateResult update(PurposeRole purpose, CaseId id, long versionRead, List<CaseChange> changes) {
        return exclusively(() -> checkedUpdate(purpose, id, versionRead, changes));
    }

    private CaseUpdateResult checkedUpdate(PurposeRole purpose, CaseId id, long versionRead, List<CaseChange> changes) {
        CaseReport current = existing(purpose, id);
        if (current.version() != versionRead) {
            return new CaseUpdateResult.EditConflict(id, versionRead, current);
        }
        CaseRevision revision = current.apply(changes, actor, now());
        if (!revision.changedAnything()) {
            return new CaseUpdateResult.Saved(current, List.of());
        }
        try {
            writeRevision(revision.revised(), versionRead, revision.entries(), newWriteId());
            return new CaseUpdateResult.Saved(revision.revised(), revision.entries());
        } catch (VersionMoved moved) {
            return new CaseUpdateResult.EditConflict(id, versionRead, existing(purpose, id));
        } catch (SQLException e) {
            // The engine's own concurrency control (DuckDB's write-write conflict, Delta's concurrent modification)
            // refused the write because another one got there first: that is the same conflict.
            CaseReport now = existing(purpose, id);
            if (now.version() != versionRead) {
                return new CaseUpdateResult.EditConflict(id, versionRead, now);
            }
            throw failure("save the case", e);
        }
    }

    @Override
    public final CasePage list(PurposeRole purpose, CaseQuery query) {
        long total = engine.run(tables.count(query), rs -> rs.next() ? rs.getLong(1) : 0L);
        List<CaseReport> cases = total == 0 ? List.of() : engine.run(tables.page(purpose, query), CaseTables::readAll);
        return new CasePage(cases, total, query.offset(), query.limit());
    }

    @Override
    public final List<CaseActivity> activity(CaseId id) {
        return engine.run(tables.activityOf(id), CaseTables::readActivity);
    }

    private CaseReport existing(PurposeRole purpose, CaseId id) {
        return find(purpose, id).orElseThrow(() -> new SourceException("There is no case " + id + " in " + place()
                + ": it may belong to another workspace or connection. Refresh the case list."));
    }

    private Instant now() {
        // Both engines keep microseconds at most; milliseconds make a saved case equal to the one read back.
        return clock.instant().truncatedTo(ChronoUnit.MILLIS);
    }

    private static String newWriteId() {
        return UUID.randomUUID().toString();
    }

    private SourceException failure(String task, SQLException e) {
        return new SourceException("Could not " + task + " in " + place() + ": " + firstLine(e.getMessage())
                + ". Try again; if it keeps failing, check the connection or the workspace.", e);
    }

    private static String firstLine(String message) {
        return message == null ? "no reason given" : message.lines().findFirst().orElse("no reason given");
    }
}
