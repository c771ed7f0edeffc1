package uk.consumptioninsights.model.time;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.Objects;

/** One half-hour of a London settlement day, numbered from 1 at local midnight. */
public record SettlementPeriod(LocalDate settlementDate, int period) implements Comparable<SettlementPeriod> {

    private static final Comparator<SettlementPeriod> ORDER =
            Comparator.comparing(SettlementPeriod::settlementDate).thenComparingInt(SettlementPeriod::period);

    public SettlementPeriod {
        Objects.requireNonNull(settlementDate, "settlementDate");
        SettlementCalendar.requireValidPeriod(settlementDate, period);
    }

    public Instant start() {
        return SettlementCalendar.periodStart(settlementDate, period);
    }

    public Instant end() {
        return start().plus(SettlementCalendar.PERIOD_LENGTH);
    }

    /**
     * London wall-clock start with its zone abbreviation, e.g. "01:00 BST" then "01:00 GMT" on an
     * autumn day. Abbreviations are derived from the offset so they do not depend on the JVM locale.
     */
    public String localLabel() {
        ZonedDateTime local = start().atZone(SettlementCalendar.LONDON);
        return String.format("%02d:%02d %s", local.getHour(), local.getMinute(), abbreviation(local.getOffset()));
    }

    public SettlementPeriod next() {
        if (period < SettlementCalendar.periodsIn(settlementDate)) {
            return new SettlementPeriod(settlementDate, period + 1);
        }
        return new SettlementPeriod(settlementDate.plusDays(1), 1);
    }

    public SettlementPeriod previous() {
        if (period > 1) {
            return new SettlementPeriod(settlementDate, period - 1);
        }
        LocalDate dayBefore = settlementDate.minusDays(1);
        return new SettlementPeriod(dayBefore, SettlementCalendar.periodsIn(dayBefore));
    }

    @Override
    public int compareTo(SettlementPeriod other) {
        return ORDER.compare(this, other);
    }

    private static String abbreviation(ZoneOffset offset) {
        return switch (offset.getTotalSeconds()) {
            case 0 -> "GMT";
            case 3600 -> "BST";
            case 7200 -> "BDST";
            default -> "UTC" + offset.getId();
        };
    }
}
