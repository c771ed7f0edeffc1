package uk.consumptioninsights.dataaccess.query;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.dataaccess.source.DateRange;
import uk.consumptioninsights.dataaccess.source.SeriesResolution;

class SeriesResolutionTest {

    @Test
    void aYearAtSixteenHundredPointsSumsElevenHalfHoursPerPoint() {
        DateRange year = new DateRange(LocalDate.of(2025, 1, 1), LocalDate.of(2025, 12, 31));
        // 365 days of 48 periods, the spring day short and the autumn day long: 17,520 half-hours.
        SeriesResolution resolution = SeriesResolution.forPoints(year, 1600);
        assertThat(resolution.halfHoursPerPoint()).isEqualTo(11);
        assertThat(17_520.0 / resolution.halfHoursPerPoint()).isLessThanOrEqualTo(1600);
    }

    @Test
    void aShortRangeStaysHalfHourly() {
        DateRange week = new DateRange(LocalDate.of(2025, 3, 24), LocalDate.of(2025, 3, 30));
        assertThat(SeriesResolution.forPoints(week, 1600)).isEqualTo(SeriesResolution.HALF_HOURLY);
        assertThat(SeriesResolution.HALF_HOURLY.bucketSeconds()).isEqualTo(1800);
    }

    @Test
    void theShortClockChangeDayIsCountedAsFortySixHalfHours() {
        DateRange springDay = new DateRange(LocalDate.of(2025, 3, 30), LocalDate.of(2025, 3, 30));
        assertThat(SeriesResolution.forPoints(springDay, 23).halfHoursPerPoint()).isEqualTo(2);
        assertThat(SeriesResolution.forPoints(springDay, 22).halfHoursPerPoint()).isEqualTo(3);
    }

    @Test
    void rejectsNonsense() {
        assertThatThrownBy(() -> new SeriesResolution(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SeriesResolution.forPoints(new DateRange(LocalDate.EPOCH, LocalDate.EPOCH), 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
