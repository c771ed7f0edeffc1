package uk.consumptioninsights.model.anomaly.detect;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import uk.consumptioninsights.model.meter.GspGroup;
import uk.consumptioninsights.model.series.ReadingFlag;
import uk.consumptioninsights.model.time.SettlementCalendar;
import uk.consumptioninsights.model.work.Progress;

/**
 * Everything the detectors share, computed once per rescoring: each meter's {@link MeterBaseline}, the GSP group's
 * daily peer index (median of meters' day total over their own baseline), and per group and half-hour the share of
 * meters reading zero and the share reading far above their own profile (area co-occurrence).
 */
public final class FleetContext {

    /** Peer index needs at least this many meters in a group with a complete day; otherwise it is 1. */
    static final int MIN_PEERS = 3;

    /** Day layout of the window in London local dates. */
    static final class Calendar {
        final long firstLocalEpochDay;
        final int dayCount;
        final int scoreFromDay;
        final boolean wholeWindowIsBaseline;
        final boolean[] weekend;
        final long firstEpochSecond;
        final int halfHours;

        Calendar(FleetWindow window) {
            LocalDate first = SettlementCalendar.settlementDate(window.from());
            LocalDate last = SettlementCalendar.settlementDate(window.to().minusSeconds(1));
            LocalDate scoreFirst = SettlementCalendar.settlementDate(window.scoreFrom());
            firstLocalEpochDay = first.toEpochDay();
            dayCount = (int) (last.toEpochDay() - firstLocalEpochDay + 1);
            scoreFromDay = (int) (scoreFirst.toEpochDay() - firstLocalEpochDay);
            wholeWindowIsBaseline = !window.scoreFrom().isAfter(window.from()) || scoreFromDay == 0;
            weekend = new boolean[dayCount];
            for (int d = 0; d < dayCount; d++) {
                weekend[d] = MeterBaseline.isWeekend(first.plusDays(d));
            }
            firstEpochSecond = Math.floorDiv(window.from().getEpochSecond(), Features.HALF_HOUR) * Features.HALF_HOUR;
            halfHours = (int) Math.max(1, (window.to().getEpochSecond() - firstEpochSecond + Features.HALF_HOUR - 1) / Features.HALF_HOUR);
        }

        boolean isBaselineDay(int d) {
            return wholeWindowIsBaseline || d < scoreFromDay;
        }

        long epochSecondOf(int halfHour) {
            return firstEpochSecond + halfHour * Features.HALF_HOUR;
        }

        int halfHourIndex(long epochSecond) {
            long h = (epochSecond - firstEpochSecond) / Features.HALF_HOUR;
            return h < 0 || h >= halfHours ? -1 : (int) h;
        }
    }

    /** Per-group arrays. */
    static final class Group {
        final double[] peerIndex;
        final int[] present;
        final int[] zero;
        final int[] high;
        /** Meters whose span (first to last reading) covers the half-hour: those expected to report. */
        final int[] active;
        /** Of those, the ones silent then: no reading at all, or a zero they seldom read ({@link MeterSilence}). */
        final int[] silent;
        double meanZeroShare;
        double meanOutageShare;

        Group(int days, int halfHours) {
            peerIndex = new double[days];
            present = new int[halfHours];
            zero = new int[halfHours];
            high = new int[halfHours];
            active = new int[halfHours];
            silent = new int[halfHours];
        }

        /** Share of the meters expected to report that were silent; 0 when too few were expected to tell. */
        double outageShare(int h) {
            return h < 0 || active[h] < NetworkDetector.MIN_GROUP_METERS ? 0 : (double) silent[h] / active[h];
        }

        double zeroShare(int h) {
            return h < 0 || present[h] == 0 ? 0 : (double) zero[h] / present[h];
        }

        double highShare(int h) {
            return h < 0 || present[h] == 0 ? 0 : (double) high[h] / present[h];
        }
    }

    final FleetWindow window;
    final Calendar calendar;
    final MeterBaseline[] meters;
    final Map<GspGroup, Group> groups = new EnumMap<>(GspGroup.class);
    private final double[][] levelRatio;

    private FleetContext(FleetWindow window, Calendar calendar, MeterBaseline[] meters) {
        this.window = window;
        this.calendar = calendar;
        this.meters = meters;
        this.levelRatio = new double[meters.length][];
    }

    /** Builds the context, in parallel over meters; honours cancellation and reports 0..1 on {@code progress}. */
    public static FleetContext build(FleetWindow window, Progress progress) {
        Calendar calendar = new Calendar(window);
        List<MeterSeries> list = window.meters();
        MeterBaseline[] baselines = new MeterBaseline[list.size()];
        AtomicInteger done = new AtomicInteger();
        IntStream.range(0, list.size()).parallel().forEach(i -> {
            if (i % 32 == 0) {
                progress.checkCancelled();
            }
            baselines[i] = new MeterBaseline(list.get(i), calendar);
            int n = done.incrementAndGet();
            if (n % 256 == 0) {
                progress.report(0.8 * n / list.size(), "Learning baselines: " + n + " of " + list.size() + " meters");
            }
        });
        FleetContext context = new FleetContext(window, calendar, baselines);
        context.buildGroups();
        for (int i = 0; i < baselines.length; i++) {
            MeterBaseline b = baselines[i];
            context.levelRatio[i] = Features.peerRatio(b.dailyTotal, b.baselineDaily,
                    context.groups.get(b.meter.gspGroup()).peerIndex);
        }
        progress.report(1, "Baselines ready");
        return context;
    }

    private void buildGroups() {
        Map<GspGroup, List<MeterBaseline>> byGroup = new EnumMap<>(GspGroup.class);
        for (MeterBaseline b : meters) {
            byGroup.computeIfAbsent(b.meter.gspGroup(), g -> new ArrayList<>()).add(b);
        }
        byGroup.forEach((gsp, members) -> {
            Group group = new Group(calendar.dayCount, calendar.halfHours);
            double[] ratios = new double[members.size()];
            for (int d = 0; d < calendar.dayCount; d++) {
                int n = 0;
                for (MeterBaseline b : members) {
                    double r = b.dailyTotal[d] / b.baselineDaily;
                    if (b.baselineDaily > 0 && Double.isFinite(r)) {
                        ratios[n++] = r;
                    }
                }
                group.peerIndex[d] = n >= MIN_PEERS ? Features.median(ratios, n) : 1;
            }
            for (MeterBaseline b : members) {
                long[] t = b.meter.epochSecondsView();
                double[] x = b.meter.kwhView();
                for (int i = 0; i < x.length; i++) {
                    int h = calendar.halfHourIndex(t[i]);
                    if (h < 0 || !ReadingFlag.isPlausible(x[i])) {
                        continue;
                    }
                    group.present[h]++;
                    if (x[i] == 0) {
                        group.zero[h]++;
                    } else if (x[i] > 3 * b.expected(i) + 0.5) {
                        group.high[h]++;
                    }
                }
            }
            countSilence(group, members);
            long zeros = 0;
            long present = 0;
            double outage = 0;
            int assessed = 0;
            for (int h = 0; h < calendar.halfHours; h++) {
                zeros += group.zero[h];
                present += group.present[h];
                if (group.active[h] >= NetworkDetector.MIN_GROUP_METERS) {
                    outage += group.outageShare(h);
                    assessed++;
                }
            }
            group.meanZeroShare = present == 0 ? 0 : (double) zeros / present;
            group.meanOutageShare = assessed == 0 ? 0 : outage / assessed;
            groups.put(gsp, group);
        });
    }

    /**
     * Fills the group's {@code active} and {@code silent} counts: each informative meter is expected from its first to
     * its last reading, and is silent at every half-hour of that span it has no reading for, and at its unusual zeros.
     */
    private void countSilence(Group group, List<MeterBaseline> members) {
        int[] starts = new int[calendar.halfHours + 1];
        for (MeterBaseline b : members) {
            if (b.meter.size() == 0) {
                continue;
            }
            long[] t = b.meter.epochSecondsView();
            int first = calendar.halfHourIndex(t[0]);
            int last = calendar.halfHourIndex(t[t.length - 1]);
            if (first < 0 || last < 0) {
                continue;
            }
            starts[first]++;
            starts[last + 1]--;
            for (int i = 0; i < t.length; i++) {
                int h = calendar.halfHourIndex(t[i]);
                if (h >= 0 && MeterSilence.unusualZero(b, i)) {
                    group.silent[h]++;
                }
                if (i + 1 < t.length) {
                    int next = calendar.halfHourIndex(t[i + 1]);
                    for (int gap = h + 1; gap < next; gap++) {
                        group.silent[gap]++;
                    }
                }
            }
        }
        int running = 0;
        for (int h = 0; h < calendar.halfHours; h++) {
            running += starts[h];
            group.active[h] = running;
        }
    }

    public int meterCount() {
        return meters.length;
    }

    Group group(GspGroup gsp) {
        return groups.get(gsp);
    }

    /** Peer-adjusted daily level ratio of meter i (see {@link Features#peerRatio}). */
    /**
     * Meter i's readings by local day and slot. The theft and maintenance detectors both need it for the same meter,
     * one after the other on one thread (see {@link Rescoring#detect}), so each thread keeps the last table it built
     * instead of the context holding one per meter (a year of one meter's table is about 140 kB).
     */
    DayTable dayTable(int i) {
        LastTable last = lastTable.get();
        if (last == null || last.meter != i) {
            last = new LastTable(i, new DayTable(meters[i], levelRatio[i].length));
            lastTable.set(last);
        }
        return last.table;
    }

    private record LastTable(int meter, DayTable table) {
    }

    private final ThreadLocal<LastTable> lastTable = new ThreadLocal<>();

    double[] levelRatio(int i) {
        return levelRatio[i];
    }
}
