package uk.consumptioninsights.model.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class PurposeRoleTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "SETTLEMENT,        Settlement,        RAW_MPAN,  true,  false, 1,  false, true",
            "MARKET_MONITORING, Market monitoring, PSEUDONYM, true,  false, 1,  false, false",
            "RESEARCH,          Research,          NONE,      false, true,  10, false, false",
            "RECIPIENT,         Recipient,         PSEUDONYM, true,  false, 1,  true,  false"})
    void grantsEachPurposeOnlyWhatItNeeds(PurposeRole role, String displayName, MeterIdentity identity,
                                          boolean halfHourlyPerMeter, boolean aggregatesOnly, int minimumGroupSize,
                                          boolean sharedTablesOnly, boolean maySeeRawMpan) {
        assertThat(role.displayName()).isEqualTo(displayName);
        assertThat(role.meterIdentity()).isEqualTo(identity);
        assertThat(role.halfHourlyPerMeter()).isEqualTo(halfHourlyPerMeter);
        assertThat(role.aggregatesOnly()).isEqualTo(aggregatesOnly);
        assertThat(role.minimumGroupSize()).isEqualTo(minimumGroupSize);
        assertThat(role.sharedTablesOnly()).isEqualTo(sharedTablesOnly);
        assertThat(role.maySeeRawMpan()).isEqualTo(maySeeRawMpan);
    }

    @Test
    void onlySettlementSeesRawMpans() {
        assertThat(Arrays.stream(PurposeRole.values()).filter(PurposeRole::maySeeRawMpan))
                .containsExactly(PurposeRole.SETTLEMENT);
    }

    @Test
    void aggregateOnlyPurposesNeverSeeMeterIdentityOrPerMeterData() {
        for (PurposeRole role : PurposeRole.values()) {
            if (role.aggregatesOnly()) {
                assertThat(role.meterIdentity()).isEqualTo(MeterIdentity.NONE);
                assertThat(role.halfHourlyPerMeter()).isFalse();
                assertThat(role.minimumGroupSize()).isGreaterThan(1);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(PurposeRole.class)
    void describesEachPurposeInOneSentence(PurposeRole role) {
        assertThat(role.description()).isNotBlank().endsWith(".").contains("sees");
        assertThat(role.description().chars().filter(c -> c == '.').count()).isEqualTo(1);
    }
}
