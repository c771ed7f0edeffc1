package uk.consumptioninsights.dataaccess.cases;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import uk.consumptioninsights.model.cases.CaseActivity;
import uk.consumptioninsights.model.cases.CaseId;
import uk.consumptioninsights.model.cases.CaseReport;

/** What became of an update: saved (with the trail entries it made), or refused because someone saved first. */
public sealed interface CaseUpdateResult permits CaseUpdateResult.Saved, CaseUpdateResult.EditConflict {

    /**
     * The case as saved. {@code entries} is empty when the changes changed nothing (then nothing was written and the
     * version is the one read).
     */
    record Saved(CaseReport report, List<CaseActivity> entries) implements CaseUpdateResult {
        public Saved {
            entries = List.copyOf(entries);
        }
    }

    /**
     * Someone saved the case after the analyst read it: nothing was written.
     *
     * @param current the case as it is now, for the analyst to review and redo the edit on
     */
    record EditConflict(CaseId id, long versionRead, CaseReport current) implements CaseUpdateResult {

        public String changedBy() {
            return current.updatedBy();
        }

        public Instant changedAt() {
            return current.updatedAt();
        }

        /** One line for the user: who changed it, when, and what to do. */
        public String message() {
            return "This case was changed by " + changedBy() + " at "
                    + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC).format(changedAt())
                    + " after you opened it (version " + versionRead + ", now " + current.version()
                    + "). Nothing was saved: review their change and make yours again.";
        }
    }
}
