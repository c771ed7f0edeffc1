package uk.consumptioninsights.app.common;

import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.Provenance;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.time.SettlementPeriod;

/** How the workbench writes numbers, dates and settlement periods: UK conventions, grouped digits. */
public final class Formats {

    public static final Locale LOCALE = Locale.UK;
    public static final String NONE = "—";

    private static final DateTimeFormatter DAY_MONTH = DateTimeFormatter.ofPattern("d MMM", LOCALE);
    private static final DateTimeFormatter DAY_MONTH_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", LOCALE);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", LOCALE);

    private Formats() {
    }

    public static String count(long value) {
        return NumberFormat.getIntegerInstance(LOCALE).format(value);
    }

    /** kWh with one decimal and grouping, e.g. "12,345.6 kWh". */
    public static String kwh(double value) {
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
        format.setMinimumFractionDigits(1);
        format.setMaximumFractionDigits(1);
        return format.format(value) + " kWh";
    }

    public static String decimal(double value, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(LOCALE);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(value);
    }

    public static String millis(Duration elapsed) {
        return count(elapsed.toMillis()) + " ms";
    }

    /** "2026-11-20 SP48 · 23:30 GMT": settlement date, period and London wall-clock start. */
    public static String settlementPeriod(Instant start) {
        SettlementPeriod period = SettlementCalendar.periodOf(start);
        return period.settlementDate() + " SP" + period.period() + " · " + period.localLabel();
    }

    /** "20 Nov SP48". */
    public static String shortPeriod(Instant start) {
        SettlementPeriod period = SettlementCalendar.periodOf(start);
        return DAY_MONTH.format(period.settlementDate()) + " SP" + period.period();
    }

    public static String day(LocalDate day) {
        return DAY_MONTH_YEAR.format(day);
    }

    public static String range(DateRange range) {
        return range.from().equals(range.to()) ? day(range.from()) : day(range.from()) + " – " + day(range.to());
    }

    /** Three short lines: source, relation, and query time with rows read. */
    public static String provenance(Provenance p) {
        return "Source: " + p.source() + "\n"
                + "Relation: " + p.relation() + "\n"
                + "Query " + millis(p.elapsed()) + " · " + count(p.rowsRead()) + " rows · at "
                + CLOCK.format(p.queriedAt().atZone(SettlementCalendar.LONDON));
    }
}
