package uk.consumptioninsights.model.settlement;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;

/**
 * The settlement runs of the legacy SVA timetable, each a number of working days after the settlement day (Elexon's
 * calendars fix the exact dates; these are the usual offsets). The initial run settles on what the data service sent
 * first, estimates included; each reconciliation run restates the day with the actual reads that arrived since. Working
 * days here are Monday to Friday: bank holidays move the real calendar by a day or two, which no figure here depends on.
 */
public enum SettlementRun {
    SF("Initial Settlement", 16),
    R1("First Reconciliation", 39),
    R2("Second Reconciliation", 84),
    R3("Third Reconciliation", 154),
    RF("Final Reconciliation", 294),
    DF("Dispute Final", 588);

    private final String displayName;
    private final int workingDaysAfter;

    SettlementRun(String displayName, int workingDaysAfter) {
        this.displayName = displayName;
        this.workingDaysAfter = workingDaysAfter;
    }

    public String displayName() {
        return displayName;
    }

    public int workingDaysAfter() {
        return workingDaysAfter;
    }

    /** A reconciliation run restates a settled day: its deliveries are scheduled restatements, not stragglers. */
    public boolean isReconciliation() {
        return this != SF;
    }

    /** The day this run takes place for {@code settlementDay}. */
    public LocalDate runDate(LocalDate settlementDay) {
        Objects.requireNonNull(settlementDay, "settlementDay");
        LocalDate day = settlementDay;
        int left = workingDaysAfter;
        while (left > 0) {
            day = day.plusDays(1);
            if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
                left--;
            }
        }
        return day;
    }

    /** The stored code: SF, R1, R2, R3, RF or DF. */
    public String code() {
        return name();
    }

    /** Null for null (a source that names no run). */
    public static SettlementRun ofCode(String code) {
        return code == null ? null : valueOf(code);
    }
}
