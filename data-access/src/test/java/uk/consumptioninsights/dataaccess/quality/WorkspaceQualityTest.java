package uk.consumptioninsights.dataaccess.quality;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import uk.consumptioninsights.dataaccess.generate.SyntheticWorkspaceBuilder;
import uk.consumptioninsights.dataaccess.workspace.LocalWorkspace;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.synthetic.FleetSettings;
import uk.consumptioninsights.model.synthetic.InjectionRates;
import uk.consumptioninsights.model.work.Progress;

/**
 * Data quality on a real workspace over the March 2026 clock change (29 March has 46 periods): the expected periods
 * follow the settlement calendar, and gaps made by hand (three periods of one meter-day gone, another meter-day gone
 * whole) show up exactly, under the key each purpose may see.
 */
class WorkspaceQualityTest {

    private static final LocalDate SHORT_DAY = LocalDate.of(2026, 3, 29);

    @TempDir
    static Path dir;
    private static LocalWorkspace workspace;

    @BeforeAll
    static void build() throws SQLException {
        workspace = LocalWorkspace.open(dir.resolve("quality.duckdb"));
        new SyntheticWorkspaceBuilder(new FleetSettings(7, 60, SHORT_DAY.minusDays(1), SHORT_DAY.plusDays(1), 0.1),
                InjectionRates.none()).build(workspace, Progress.NONE);
    }

    @AfterAll
    static void close() throws SQLException {
        workspace.close();
    }

    @Test
    void expectedPeriodsFollowTheCalendarAndHandMadeGapsAreCountedExactly() throws SQLException {
        QualitySummary before = new WorkspaceQuality(workspace).summarise(PurposeRole.SETTLEMENT, 100);
        WorkspaceDayQuality shortDay = day(before, SHORT_DAY);
        assertThat(shortDay.periodsInDay()).isEqualTo(46);
        assertThat(day(before, SHORT_DAY.minusDays(1)).periodsInDay()).isEqualTo(48);
        assertThat(shortDay.readingsExpected()).isEqualTo(shortDay.metersExpected() * 46);
        assertThat(shortDay.readingsPresent()).isEqualTo(count("SELECT count(*) FROM silver.hh_readings "
                + "WHERE quality IS NULL AND settlement_date = DATE '" + SHORT_DAY + "'"));

        // Meter 1 loses three periods of the short day; meter 2 its whole middle day (the day stays within its span).
        String mpan1 = text("SELECT mpan FROM silver.meters WHERE meter_id = 1");
        String mpan2 = text("SELECT mpan FROM silver.meters WHERE meter_id = 2");
        execute("UPDATE gold.consumption_daily SET periods_read = periods_read - 3 WHERE meter_id = 1 AND settlement_date = DATE '"
                + SHORT_DAY + "'");
        execute("DELETE FROM gold.consumption_daily WHERE meter_id = 2 AND settlement_date = DATE '" + SHORT_DAY + "'");

        QualitySummary after = new WorkspaceQuality(workspace).summarise(PurposeRole.SETTLEMENT, 100);
        assertThat(day(after, SHORT_DAY).readingsMissing()).isEqualTo(shortDay.readingsMissing() + 3 + 46);
        assertThat(day(after, SHORT_DAY).metersReporting()).isEqualTo(shortDay.metersReporting() - 1);
        assertThat(day(after, SHORT_DAY).complete()).isFalse();
        Map<String, MeterGap> gapsBefore = byKey(before);
        Map<String, MeterGap> gaps = byKey(after);
        assertThat(gaps.get(mpan1).periodsMissing()).isEqualTo(missing(gapsBefore, mpan1) + 3);
        assertThat(gaps.get(mpan2).periodsMissing()).isEqualTo(missing(gapsBefore, mpan2) + 46);
        assertThat(after.metersWithGaps()).isGreaterThanOrEqualTo(2).isEqualTo(gaps.size());

        QualitySummary monitored = new WorkspaceQuality(workspace).summarise(PurposeRole.MARKET_MONITORING, 100);
        assertThat(monitored.meterGaps()).extracting(MeterGap::meterKey).allMatch(k -> k.matches("P[0-9a-f]{16}"))
                .doesNotContain(mpan1, mpan2);
        QualitySummary research = new WorkspaceQuality(workspace).summarise(PurposeRole.RESEARCH, 100);
        assertThat(research.meterGaps()).isEmpty();
        assertThat(research.metersWithGaps()).isEqualTo(after.metersWithGaps());
        assertThat(research.groupDays()).allMatch(g -> g.metersExpected() >= PurposeRole.RESEARCH.minimumGroupSize());
        assertThat(research.days()).isEqualTo(after.days());
    }

    private static WorkspaceDayQuality day(QualitySummary summary, LocalDate date) {
        return summary.days().stream().filter(d -> d.settlementDate().equals(date)).findFirst().orElseThrow();
    }

    private static Map<String, MeterGap> byKey(QualitySummary summary) {
        return summary.meterGaps().stream().collect(Collectors.toMap(MeterGap::meterKey, Function.identity()));
    }

    private static long missing(Map<String, MeterGap> gaps, String mpan) {
        MeterGap gap = gaps.get(mpan);
        return gap == null ? 0 : gap.periodsMissing();
    }

    private static long count(String sql) throws SQLException {
        return Long.parseLong(text(sql));
    }

    private static String text(String sql) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void execute(String sql) throws SQLException {
        try (Connection c = workspace.newConnection(); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
