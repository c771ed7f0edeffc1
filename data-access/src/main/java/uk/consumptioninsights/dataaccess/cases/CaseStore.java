package uk.consumptioninsights.dataaccess.cases;

import java.util.List;
import java.util.Optional;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseChange;
import uk.consumptioninsights.model.cases.CaseDraft;
import uk.consumptioninsights.model.cases.CaseId;
import uk.consumptioninsights.model.cases.CaseReport;

/**
 * Where cases live: the local workspace ({@link WorkspaceCaseStore}) or the provider's Unity Catalog tables
 * ({@link WarehouseCaseStore}). Every call does IO: call it off the FX thread. Failures to reach the storage are
 * {@link uk.consumptioninsights.dataaccess.source.SourceException}s with a message for the user; a refused status move
 * is a {@link uk.consumptioninsights.model.cases.StatusTransitionRefused}, a meter the purpose may not name a
 * {@link uk.consumptioninsights.model.cases.MeterKeyRefused}, and an edit racing another analyst's a
 * {@link CaseUpdateResult.EditConflict}, never an overwrite.
 */
public interface CaseStore {

    /** Who the activity trail names for changes made through this store. */
    String actor();

    /** Raises a case under {@code purpose}: status open, version 1, one "raised" trail entry. */
    CaseReport raise(PurposeRole purpose, CaseDraft draft);

    /** The case as {@code purpose} may see it (a meter it may not see is withheld), or empty when there is none. */
    Optional<CaseReport> find(PurposeRole purpose, CaseId id);

    /**
     * Applies {@code changes} to the case, provided nobody saved it since {@code versionRead} (the version the analyst
     * had on screen); otherwise nothing is written and the conflict names who changed it and when.
     */
    CaseUpdateResult update(PurposeRole purpose, CaseId id, long versionRead, List<CaseChange> changes);

    /** One page of the cases matching {@code query}, most recently updated first, and how many match in all. */
    CasePage list(PurposeRole purpose, CaseQuery query);

    /** The case's trail, oldest first. */
    List<CaseActivity> activity(CaseId id);
}
