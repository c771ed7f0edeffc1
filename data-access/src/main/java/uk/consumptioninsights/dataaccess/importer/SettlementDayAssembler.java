package uk.consumptioninsights.dataaccess.importer;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import uk.consumptioninsights.model.time.SettlementCalendar;

/**
 * Groups readings into per-household (or per-meter: the id is any string) London settlement days. The file's stamps are UTC, so in BST the first two
 * periods of day D are stamped 23:00 and 23:30 on D-1; periods come from {@link SettlementCalendar}, never from UTC dates.
 *
 * <p>Only a bounded number of days are open at once. A file sorted by household and time (as LCL exports are) needs
 * one; an unsorted file may see a day closed and reopened, which yields two deliveries for that day with disjoint
 * periods. The pipeline merges those per interval, so no reading is lost.
 */
public final class SettlementDayAssembler {

    /** Receives each finished day. */
    @FunctionalInterface
    public interface Sink {
        void accept(SettlementDay day) throws SQLException;
    }

    static final int MAX_OPEN_DAYS = 512;
    private static final long PERIOD_SECONDS = 1800;

    private final Sink sink;
    private final int maxOpenDays;
    /** Access order, so the least recently used day is closed first. */
    private final LinkedHashMap<DayKey, OpenDay> open = new LinkedHashMap<>(64, 0.75f, true);
    private OpenDay current;
    private LocalDate cachedDate;
    private long cachedDayStart;
    private long cachedNextDayStart;
    private LocalDate firstDate;
    private LocalDate lastDate;

    public SettlementDayAssembler(Sink sink) {
        this(sink, MAX_OPEN_DAYS);
    }

    SettlementDayAssembler(Sink sink, int maxOpenDays) {
        this.sink = sink;
        this.maxOpenDays = maxOpenDays;
    }

    public void add(MeterReading reading) throws SQLException {
        long start = reading.intervalStart().getEpochSecond();
        locateDay(start);
        OpenDay day = current;
        if (day == null || !day.date.equals(cachedDate) || !day.householdId.equals(reading.householdId())) {
            day = openDay(new DayKey(reading.householdId(), cachedDate));
            current = day;
        }
        int period = (int) ((start - cachedDayStart) / PERIOD_SECONDS);
        day.kwh[period] = reading.kwh();
        day.missing[period] = false;
        if (firstDate == null || cachedDate.isBefore(firstDate)) {
            firstDate = cachedDate;
        }
        if (lastDate == null || cachedDate.isAfter(lastDate)) {
            lastDate = cachedDate;
        }
    }

    /** Sends every day still open to the sink. */
    public void finish() throws SQLException {
        List<OpenDay> remaining = new ArrayList<>(open.values());
        open.clear();
        current = null;
        for (OpenDay day : remaining) {
            sink.accept(day.toSettlementDay());
        }
    }

    /** Null until a reading was added. */
    public LocalDate firstDate() {
        return firstDate;
    }

    public LocalDate lastDate() {
        return lastDate;
    }

    /** Consecutive readings almost always fall in the same day, so the London-zone lookup runs about once a day. */
    private void locateDay(long epochSecond) {
        if (cachedDate != null && epochSecond >= cachedDayStart && epochSecond < cachedNextDayStart) {
            return;
        }
        cachedDate = SettlementCalendar.settlementDate(Instant.ofEpochSecond(epochSecond));
        cachedDayStart = SettlementCalendar.dayStart(cachedDate).getEpochSecond();
        cachedNextDayStart = SettlementCalendar.dayStart(cachedDate.plusDays(1)).getEpochSecond();
    }

    private OpenDay openDay(DayKey key) throws SQLException {
        OpenDay day = open.get(key);
        if (day != null) {
            return day;
        }
        day = new OpenDay(key.householdId(), key.date(), cachedDayStart, SettlementCalendar.periodsIn(key.date()));
        open.put(key, day);
        if (open.size() > maxOpenDays) {
            Iterator<Map.Entry<DayKey, OpenDay>> eldest = open.entrySet().iterator();
            OpenDay closed = eldest.next().getValue();
            eldest.remove();
            sink.accept(closed.toSettlementDay());
        }
        return day;
    }

    private record DayKey(String householdId, LocalDate date) {
    }

    private static final class OpenDay {
        final String householdId;
        final LocalDate date;
        final long dayStart;
        final double[] kwh;
        final boolean[] missing;

        OpenDay(String householdId, LocalDate date, long dayStart, int periods) {
            this.householdId = householdId;
            this.date = date;
            this.dayStart = dayStart;
            this.kwh = new double[periods];
            this.missing = new boolean[periods];
            Arrays.fill(missing, true);
        }

        SettlementDay toSettlementDay() {
            return new SettlementDay(householdId, date, Instant.ofEpochSecond(dayStart), kwh, missing);
        }
    }
}
