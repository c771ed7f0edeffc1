package uk.consumptioninsights.dataaccess.evaluation.independent;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import uk.consumptioninsights.dataaccess.importer.LondonSmartMeterCsv;
import uk.consumptioninsights.dataaccess.importer.MeterReading;
import uk.consumptioninsights.dataaccess.importer.ParsedLine;

/**
 * The households of a London-layout file, sorted by LCLid, split into the tuning half (even positions) and the
 * reporting half (odd positions). Lines the file's own parser rejects are not real readings and are left out.
 */
public record LondonHouseholds(Path file, List<HouseholdSeries> all) {

    public LondonHouseholds {
        all = List.copyOf(all);
    }

    public static LondonHouseholds read(Path file) throws IOException {
        Map<String, Growing> byId = new TreeMap<>();
        try (LondonSmartMeterCsv csv = LondonSmartMeterCsv.open(file)) {
            for (ParsedLine line = csv.next(); line != null; line = csv.next()) {
                if (line instanceof MeterReading r) {
                    byId.computeIfAbsent(r.householdId(), k -> new Growing()).add(r.intervalStart().getEpochSecond(), r.kwh());
                }
            }
        }
        List<HouseholdSeries> all = new ArrayList<>(byId.size());
        byId.forEach((id, g) -> all.add(g.series(id)));
        return new LondonHouseholds(file, all);
    }

    public List<HouseholdSeries> tuningHalf() {
        return half(0);
    }

    public List<HouseholdSeries> reportingHalf() {
        return half(1);
    }

    private List<HouseholdSeries> half(int parity) {
        List<HouseholdSeries> half = new ArrayList<>();
        for (int i = parity; i < all.size(); i += 2) {
            half.add(all.get(i));
        }
        return half;
    }

    /** Sum of the households' meter-years, the denominator of false-alarm rates. */
    public static double meterYears(List<HouseholdSeries> households) {
        return households.stream().mapToDouble(HouseholdSeries::meterYears).sum();
    }

    private static final class Growing {
        private long[] t = new long[17_600];
        private double[] x = new double[17_600];
        private int n;

        void add(long epochSecond, double kwh) {
            if (n == t.length) {
                t = Arrays.copyOf(t, n * 2);
                x = Arrays.copyOf(x, n * 2);
            }
            t[n] = epochSecond;
            x[n] = kwh;
            n++;
        }

        HouseholdSeries series(String id) {
            // The parser drops duplicates, but a file need not be sorted within a household.
            long[] times = Arrays.copyOf(t, n);
            double[] values = Arrays.copyOf(x, n);
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(times[a], times[b]));
            long[] sortedT = new long[n];
            double[] sortedX = new double[n];
            for (int i = 0; i < n; i++) {
                sortedT[i] = times[order[i]];
                sortedX[i] = values[order[i]];
            }
            return new HouseholdSeries(id, sortedT, sortedX);
        }
    }
}
