package uk.consumptioninsights.dataaccess.generate;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Optional;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.ArrayList;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import uk.consumptioninsights.dataaccess.pipeline.MedallionPipeline;
import uk.consumptioninsights.dataaccess.pipeline.PipelineRun;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.dataaccess.workspace.ParallelWork;
import uk.consumptioninsights.dataaccess.workspace.WorkspaceStatus;
import uk.consumptioninsights.model.synthetic.AnomalyInjector;
import uk.consumptioninsights.model.synthetic.AnomalyPlan;
import uk.consumptioninsights.model.synthetic.ConsumptionSynthesiser;
import uk.consumptioninsights.model.synthetic.EstimationRhythm;
import uk.consumptioninsights.model.settlement.ReadType;
import uk.consumptioninsights.model.settlement.SettlementRun;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectedAnomaly;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.synthetic.MeterSlot;
import uk.consumptioninsights.model.synthetic.SyntheticFleet;
import uk.consumptioninsights.model.synthetic.SyntheticMeter;
import uk.consumptioninsights.model.time.SettlementDayGrid;
import uk.consumptioninsights.model.work.Progress;

/**
 * Fills a local workspace with a synthetic fleet: registrations and half-hourly deliveries in bronze (with the
 * duplicates, re-publications and late arrivals of a real feed), labelled injected anomalies in evaluation, then runs
 * the pipeline to silver and gold. The workspace is marked READY only when all of it succeeded.
 */
public final class SyntheticWorkspaceBuilder {

    private static final int WRITERS = 2;
    /** Label ids are meterIndex × this + k, so they are stable whatever order the writers finish in. */
    private static final int LABELS_PER_METER = 1_000;
    private static final long MICROS_PER_SECOND = 1_000_000L;

    private final FleetSettings settings;
    private final InjectionRates rates;

    public SyntheticWorkspaceBuilder(FleetSettings settings, InjectionRates rates) {
        this.settings = settings;
        this.rates = rates;
    }

    public BuildReport build(LocalWorkspace workspace, Progress progress) throws SQLException {
        Instant started = Instant.now();
        workspace.clear();
        workspace.putInfo(Map.of("status", WorkspaceStatus.BUILDING.name()));
        SettlementDayGrid grid = new SettlementDayGrid(settings.firstDay(), settings.lastDay());
        List<SyntheticMeter> meters = SyntheticFleet.meters(settings);
        ConsumptionSynthesiser synthesiser = new ConsumptionSynthesiser(settings, grid);
        List<MeterSlot> slots = meters.stream().map(m -> new MeterSlot(m.mpan().core(), m.gspGroup())).toList();
        AnomalyPlan plan = new AnomalyInjector(settings.seed(), rates)
                .plan(slots, Instant.ofEpochSecond(grid.epochSecondAt(0)), Instant.ofEpochSecond(grid.epochSecondAt(grid.size())));
        long[] times = grid.epochSeconds();

        try (Connection connection = workspace.newConnection()) {
            writeRegistrations(connection.unwrap(DuckDBConnection.class), meters);
        }
        // Each writer synthesises and appends every WRITERS-th meter on its own connection: the appender is
        // single-threaded, so one writer per core keeps both cores busy. Ids derive from the meter index, so the
        // data does not depend on which writer ran first.
        AtomicInteger done = new AtomicInteger();
        List<CompletableFuture<long[]>> writers = new ArrayList<>();
        for (int w = 0; w < WRITERS; w++) {
            int first = w;
            writers.add(CompletableFuture.supplyAsync(() -> writeMeters(workspace, first, meters, synthesiser, plan, slots, times,
                    grid, done, progress)));
        }
        long deliveries = 0;
        int labelCount = 0;
        for (CompletableFuture<long[]> writer : writers) {
            long[] written = ParallelWork.join(writer);
            deliveries += written[0];
            labelCount += (int) written[1];
        }
        Duration generation = Duration.between(started, Instant.now());
        PipelineRun run;
        try (Connection connection = workspace.newConnection()) {
            run = new MedallionPipeline(connection, workspace.pseudonyms()).run(progress.slice(0.6, 0.98));
        }
        long readings;
        try (Connection connection = workspace.newConnection(); Statement st = connection.createStatement()) {
            var rs = st.executeQuery("SELECT count(*) FROM gold.consumption_half_hourly");
            rs.next();
            readings = rs.getLong(1);
            st.execute("CHECKPOINT");
        }
        workspace.putInfo(Map.of(
                "status", WorkspaceStatus.READY.name(),
                "kind", "synthetic",
                "seed", Long.toString(settings.seed()),
                "meters", Integer.toString(meters.size()),
                "first_day", settings.firstDay().toString(),
                "last_day", settings.lastDay().toString(),
                "built_at_utc", Instant.now().toString()));
        workspace.keepPrivate();
        progress.report(1, "Workspace ready");
        return new BuildReport(meters.size(), settings.dayCount(), deliveries, readings, labelCount, run, generation,
                Duration.between(started, Instant.now()));
    }

    /** Synthesises, injects and appends meters first, first + WRITERS, …; returns {deliveries, labels}. */
    private long[] writeMeters(LocalWorkspace workspace, int first, List<SyntheticMeter> meters, ConsumptionSynthesiser synthesiser,
                               AnomalyPlan plan, List<MeterSlot> slots, long[] times, SettlementDayGrid grid,
                               AtomicInteger done, Progress progress) {
        long deliveries = 0;
        long labelCount = 0;
        try (Connection connection = workspace.newConnection()) {
            DuckDBConnection duck = connection.unwrap(DuckDBConnection.class);
            try (DuckDBAppender bronze = duck.createAppender("bronze", "hh_deliveries");
                 DuckDBAppender labels = duck.createAppender("evaluation", "anomaly_labels")) {
                DeliveryWriter writer = new DeliveryWriter(bronze, grid);
                for (int i = first; i < meters.size(); i += WRITERS) {
                    if (i % 64 < WRITERS) {
                        progress.checkCancelled();
                    }
                    SyntheticMeter meter = meters.get(i);
                    double[] kwh = synthesiser.series(meter);
                    // Estimates are drawn from the meter's own consumption before any anomaly was injected.
                    double[] clean = kwh.clone();
                    List<InjectedAnomaly> injected = plan.inject(slots.get(i), times, kwh);
                    deliveries += writer.write(meter, kwh, clean, injected, settings.seed());
                    for (int k = 0; k < injected.size(); k++) {
                        appendLabel(labels, i * LABELS_PER_METER + k + 1, meter, injected.get(k));
                    }
                    labelCount += injected.size();
                    int count = done.incrementAndGet();
                    if (count % 64 == 0 || count == meters.size()) {
                        progress.report(0.6 * count / meters.size(), "Generating half-hourly readings: " + count + " of "
                                + meters.size() + " meters");
                    }
                }
            }
        } catch (SQLException e) {
            throw ParallelWork.wrap(e);
        }
        return new long[] {deliveries, labelCount};
    }


    private void writeRegistrations(DuckDBConnection duck, List<SyntheticMeter> meters) throws SQLException {
        long received = settings.firstDay().minusDays(1).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC);
        try (DuckDBAppender appender = duck.createAppender("bronze", "meter_registrations")) {
            for (SyntheticMeter m : meters) {
                appender.beginRow();
                appender.append(m.mpan().core());
                appender.append(m.gspGroup().code());
                appender.append(m.customerClass().code());
                appender.append((String) null);
                appender.append("synthetic");
                appender.appendEpochMicros(received * MICROS_PER_SECOND);
                appender.endRow();
            }
        }
    }

    private static void appendLabel(DuckDBAppender labels, int id, SyntheticMeter meter, InjectedAnomaly label) throws SQLException {
        labels.beginRow();
        labels.append(id);
        labels.append(meter.mpan().core());
        labels.append(meter.gspGroup().code());
        labels.append(label.type().code());
        labels.append(label.pattern());
        labels.appendEpochMicros(label.start().getEpochSecond() * MICROS_PER_SECOND);
        labels.appendEpochMicros(label.end().getEpochSecond() * MICROS_PER_SECOND);
        labels.append(label.magnitude());
        labels.append(label.description());
        labels.endRow();
    }

    /**
     * Turns a meter's series into bronze deliveries, one per settlement day and schedule, in the rhythm of the
     * settlement runs: the first deliveries are the initial run's data (SF), estimated for the few meter-days whose
     * meter did not answer ({@link EstimationRhythm}); the reconciliation run that first has the actual reads restates
     * the day with them, if that run has taken place by the workspace's last day (so recent days keep more estimates,
     * as a real portfolio's do). A meter-day under an injected anomaly is always read actual: a label must be visible
     * in the data it labels.
     */
    private static final class DeliveryWriter {

        /** Delivery ids are meterIndex × this + n: at most three deliveries a day, so ample for any range. */
        private static final long DELIVERIES_PER_METER = 1_000_000L;

        private final DuckDBAppender appender;
        private final SettlementDayGrid grid;
        private final int lastBatch;
        private long nextDeliveryId;
        /** The read type and run of the meter-day being written. */
        private ReadType readType = ReadType.ACTUAL;
        private SettlementRun settlementRun = SettlementRun.SF;

        DeliveryWriter(DuckDBAppender appender, SettlementDayGrid grid) {
            this.appender = appender;
            this.grid = grid;
            this.lastBatch = grid.dayCount();
        }

        long write(SyntheticMeter meter, double[] kwh, double[] clean, List<InjectedAnomaly> injected, long seed)
                throws SQLException {
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + meter.index());
            // A stream of its own: the read-type draws leave every schedule draw as it was before read types existed.
            SplittableRandom reads = new SplittableRandom(seed * 0xC2B2AE3D27D4EB4FL + meter.index());
            nextDeliveryId = (long) meter.index() * DELIVERIES_PER_METER + 1;
            String mpan = meter.mpan().core();
            long count = 0;
            for (int d = 0; d < grid.dayCount(); d++) {
                int start = grid.dayStartIndex(d);
                double[] read = Arrays.copyOfRange(kwh, start, start + grid.periodsOnDay(d));
                Optional<SettlementRun> actualsAt = EstimationRhythm.actualsArriveAt(reads.nextDouble());
                if (underAnomaly(d, injected)) {
                    actualsAt = Optional.empty();
                }
                readType = actualsAt.isPresent() ? ReadType.ESTIMATED : ReadType.ACTUAL;
                double[] day = actualsAt.isPresent() ? likeDay(clean, d, read.length) : read;
                DeliverySchedule schedule = DeliverySchedule.draw(random.nextDouble());
                int onTime = d + 1;
                int minuteOfArrival = 300 + random.nextInt(240);
                switch (schedule) {
                    case ON_TIME -> count += append(mpan, d, day, 1, onTime, minuteOfArrival);
                    case DUPLICATED -> {
                        count += append(mpan, d, day, 1, onTime, minuteOfArrival);
                        count += append(mpan, d, day, 1, Math.min(lastBatch, onTime + random.nextInt(2)), minuteOfArrival + 30);
                    }
                    case ESTIMATE_THEN_ACTUAL -> {
                        // A flat stand-in replaced the next day, before the initial run: always an estimate.
                        count += append(mpan, d, estimate(day), 1, onTime, minuteOfArrival, ReadType.ESTIMATED);
                        count += append(mpan, d, day, 2, Math.min(lastBatch, onTime + 1), minuteOfArrival);
                    }
                    case LATE_WITHIN_WATERMARK -> count += append(mpan, d, day, 1, Math.min(lastBatch, onTime + 1), minuteOfArrival + 240);
                    case CORRECTION_AFTER_WATERMARK -> {
                        count += append(mpan, d, day, 1, onTime, minuteOfArrival);
                        if (onTime + 5 <= lastBatch) {
                            count += append(mpan, d, scaled(day, 1.05), 2, onTime + 5, minuteOfArrival);
                        }
                    }
                }
                if (actualsAt.isPresent()) {
                    count += restate(mpan, d, read, actualsAt.get(), minuteOfArrival);
                }
            }
            return count;
        }

        /** The reconciliation run's delivery of the actual reads, if the run is not after the workspace's last day. */
        private long restate(String mpan, int dayIndex, double[] read, SettlementRun run, int minuteOfArrival)
                throws SQLException {
            long batch = ChronoUnit.DAYS.between(grid.firstDay(), run.runDate(grid.day(dayIndex)));
            if (batch > lastBatch) {
                return 0;
            }
            readType = ReadType.ACTUAL;
            settlementRun = run;
            // Above every version the initial run's schedules publish (1 or 2), rising run by run.
            long appended = append(mpan, dayIndex, read, 2 + run.ordinal(), (int) batch, minuteOfArrival);
            settlementRun = SettlementRun.SF;
            return appended;
        }

        private boolean underAnomaly(int dayIndex, List<InjectedAnomaly> injected) {
            long dayStart = grid.epochSecondAt(grid.dayStartIndex(dayIndex));
            long dayEnd = dayStart + 1800L * grid.periodsOnDay(dayIndex);
            for (InjectedAnomaly anomaly : injected) {
                if (anomaly.start().getEpochSecond() < dayEnd && anomaly.end().getEpochSecond() > dayStart) {
                    return true;
                }
            }
            return false;
        }

        /**
         * A data collector's like-day estimate: the meter's own readings of the same weekday a week earlier (a week
         * later for the first week). Across a clock change the periods are taken in order and the last one repeats.
         */
        private double[] likeDay(double[] clean, int dayIndex, int periods) {
            int source = dayIndex >= 7 ? dayIndex - 7 : dayIndex + 7 < grid.dayCount() ? dayIndex + 7 : dayIndex;
            int start = grid.dayStartIndex(source);
            int sourcePeriods = grid.periodsOnDay(source);
            double[] estimate = new double[periods];
            for (int p = 0; p < periods; p++) {
                estimate[p] = clean[start + Math.min(p, sourcePeriods - 1)];
            }
            return estimate;
        }

        /** An estimate spreads the day's energy evenly: what a data collector sends before the actuals are read. */
        private static double[] estimate(double[] day) {
            double total = 0;
            for (double v : day) {
                total += v;
            }
            double[] flat = new double[day.length];
            Arrays.fill(flat, Math.round(total / day.length * 1000) / 1000.0);
            return flat;
        }

        private static double[] scaled(double[] day, double factor) {
            double[] out = new double[day.length];
            for (int i = 0; i < day.length; i++) {
                out[i] = Math.round(day[i] * factor * 1000) / 1000.0;
            }
            return out;
        }

        private int append(String mpan, int dayIndex, double[] values, int version, int batch, int minuteOfArrival) throws SQLException {
            return append(mpan, dayIndex, values, version, batch, minuteOfArrival, readType);
        }

        private int append(String mpan, int dayIndex, double[] values, int version, int batch, int minuteOfArrival,
                           ReadType type) throws SQLException {
            LocalDate settlementDate = grid.day(dayIndex);
            long receivedEpoch = grid.firstDay().plusDays(batch).atStartOfDay().toEpochSecond(java.time.ZoneOffset.UTC)
                    + 60L * minuteOfArrival;
            appender.beginRow();
            appender.append(nextDeliveryId++);
            appender.append(batch);
            appender.append(mpan);
            appender.appendEpochDays((int) settlementDate.toEpochDay());
            appender.appendEpochMicros(grid.epochSecondAt(grid.dayStartIndex(dayIndex)) * MICROS_PER_SECOND);
            appender.append(values);
            appender.append(version);
            appender.appendEpochMicros(receivedEpoch * MICROS_PER_SECOND);
            appender.append("synthetic");
            appender.append(type.code());
            appender.append(settlementRun.code());
            appender.endRow();
            return 1;
        }
    }

}
