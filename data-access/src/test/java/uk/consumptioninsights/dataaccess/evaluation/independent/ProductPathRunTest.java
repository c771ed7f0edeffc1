package uk.consumptioninsights.dataaccess.evaluation.independent;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.anomaly.AnomalyType;
import uk.consumptioninsights.model.anomaly.detect.Detection;

class ProductPathRunTest {

    @Test
    void importsRescoresAndReadsTheDetectionsBackByHousehold() throws Exception {
        List<HouseholdSeries> households = new ArrayList<>();
        for (int h = 0; h < 8; h++) {
            households.add(HouseholdFixtures.shaped(String.format("MAC%06d", 100 + h), LocalDate.of(2013, 4, 1), 60, h));
        }
        HouseholdSeries spiked = households.get(2);
        int spike = 45 * 48 + 20;
        spiked.kwh()[spike] = 30;
        HouseholdSeries negative = households.get(5);
        negative.kwh()[50 * 48] = -0.4;

        ProductPathRun.Outcome outcome = new ProductPathRun().run(households);

        assertThat(outcome.linesWritten()).isEqualTo(8L * 60 * 48);
        // The negative line is imported and kept flagged, not rejected.
        assertThat(outcome.imported().readingsImported()).isEqualTo(outcome.linesWritten());
        assertThat(outcome.imported().flaggedCount()).isEqualTo(1);
        assertThat(outcome.detections()).anySatisfy(d -> {
            assertThat(d.meterKey()).isEqualTo(negative.householdId());
            assertThat(d.type()).isEqualTo(AnomalyType.METER_MALFUNCTION);
            assertThat(d.start().getEpochSecond()).isLessThanOrEqualTo(negative.epochSeconds()[50 * 48]);
            assertThat(d.end().getEpochSecond()).isGreaterThan(negative.epochSeconds()[50 * 48]);
        });
        assertThat(outcome.detections()).extracting(Detection::meterKey)
                .allSatisfy(key -> assertThat(key).matches("MAC0001\\d\\d"));
        assertThat(outcome.detections()).anySatisfy(d -> {
            assertThat(d.meterKey()).isEqualTo(spiked.householdId());
            assertThat(d.type()).isEqualTo(AnomalyType.METER_MALFUNCTION);
            assertThat(d.start().getEpochSecond()).isLessThanOrEqualTo(spiked.epochSeconds()[spike]);
            assertThat(d.end().getEpochSecond()).isGreaterThan(spiked.epochSeconds()[spike]);
        });
    }
}
