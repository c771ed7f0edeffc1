package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettlementDayAssemblerTest {

    private final List<SettlementDay> days = new ArrayList<>();

    @Test
    void aBstDayStartsAt2300UtcTheDayBefore() throws Exception {
        SettlementDayAssembler assembler = new SettlementDayAssembler(days::add);
        assembler.add(reading(2, "MAC000002", "2013-06-30T22:30:00Z", 0.1));
        assembler.add(reading(3, "MAC000002", "2013-06-30T23:00:00Z", 0.2));
        assembler.finish();

        assertThat(days).extracting(SettlementDay::settlementDate, SettlementDay::firstIntervalUtc)
                .containsExactly(
                        tuple(LocalDate.of(2013, 6, 30), Instant.parse("2013-06-29T23:00:00Z")),
                        tuple(LocalDate.of(2013, 7, 1), Instant.parse("2013-06-30T23:00:00Z")));
        assertThat(days.get(0).kwh()[47]).isEqualTo(0.1);
        assertThat(days.get(0).missing()).containsOnlyOnce(false);
        assertThat(days.get(1).kwh()[0]).isEqualTo(0.2);
        assertThat(assembler.firstDate()).isEqualTo(LocalDate.of(2013, 6, 30));
        assertThat(assembler.lastDate()).isEqualTo(LocalDate.of(2013, 7, 1));
    }

    @Test
    void anUnsortedFileReopensAClosedDayWithoutLosingOrRepeatingAReading() throws Exception {
        SettlementDayAssembler assembler = new SettlementDayAssembler(days::add, 1);
        assembler.add(reading(2, "MAC000002", "2013-01-01T00:00:00Z", 0.1));
        assembler.add(reading(3, "MAC000003", "2013-01-01T00:00:00Z", 0.2));
        assembler.add(reading(4, "MAC000002", "2013-01-01T00:30:00Z", 0.3));
        assembler.finish();

        List<SettlementDay> mac2 = days.stream().filter(d -> d.householdId().equals("MAC000002")).toList();
        assertThat(mac2).hasSize(2);
        assertThat(mac2.get(0).missing()).containsOnlyOnce(false);
        assertThat(mac2.get(0).missing()[0]).isFalse();
        assertThat(mac2.get(1).missing()[1]).isFalse();
        assertThat(mac2.get(1).missing()[0]).isTrue();
    }

    private static MeterReading reading(long line, String household, String utc, double kwh) {
        return new MeterReading(line, household, Instant.parse(utc), kwh);
    }
}
