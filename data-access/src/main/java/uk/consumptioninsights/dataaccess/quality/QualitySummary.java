package uk.consumptioninsights.dataaccess.quality;

import java.util.List;
import uk.consumptioninsights.model.access.PurposeRole;

/**
 * The data quality of a workspace as one purpose may see it.
 *
 * @param days          per settlement day, every GSP group together, oldest first
 * @param groupDays     per settlement day and GSP group; for an aggregate-only purpose only groups of at least its
 *                      minimum size
 * @param metersWithGaps meters missing at least one period between their first and last day
 * @param meterGaps     the meters missing most, under the key the purpose sees; empty for aggregate-only purposes
 * @param readTypesRecorded whether the data say which reads are actual and which estimated (not yet: issue 18)
 */
public record QualitySummary(PurposeRole role, List<WorkspaceDayQuality> days, List<WorkspaceDayQuality> groupDays,
                             long metersWithGaps, List<MeterGap> meterGaps, boolean readTypesRecorded) {

    public QualitySummary {
        days = List.copyOf(days);
        groupDays = List.copyOf(groupDays);
        meterGaps = List.copyOf(meterGaps);
    }

    /** Every day added together (the settlement date of the first day; periodsInDay the largest). */
    public WorkspaceDayQuality total() {
        return days.stream().reduce(WorkspaceDayQuality::plus).orElse(null);
    }

    /** Days on which some expected period has no plausible reading. */
    public long incompleteDays() {
        return days.stream().filter(d -> !d.complete()).count();
    }
}
