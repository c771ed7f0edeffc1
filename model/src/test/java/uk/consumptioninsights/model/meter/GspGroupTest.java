package uk.consumptioninsights.model.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GspGroupTest {

    @ParameterizedTest(name = "distributor {0} -> {1}")
    @CsvSource(delimiter = '|', value = {
            "10 | _A | Eastern England          | EELC",
            "11 | _B | East Midlands            | EMEB",
            "12 | _C | London                   | LOND",
            "13 | _D | Merseyside & North Wales | MANW",
            "14 | _E | West Midlands            | MIDE",
            "15 | _F | North East England       | NEEB",
            "16 | _G | North West England       | NORW",
            "17 | _P | North Scotland           | HYDE",
            "18 | _N | South Scotland           | SPOW",
            "19 | _J | South East England       | SEEB",
            "20 | _H | Southern England         | SOUT",
            "21 | _K | South Wales              | SWAE",
            "22 | _L | South West England       | SWEB",
            "23 | _M | Yorkshire                | YELG"})
    void mapsEveryDistributorIdToItsGspGroup(int distributorId, String code, String region, String participant) {
        GspGroup group = GspGroup.forDistributorId(distributorId).orElseThrow();

        assertThat(group.code()).isEqualTo(code);
        assertThat(group.distributorId()).isEqualTo(distributorId);
        assertThat(group.region()).isEqualTo(region);
        assertThat(group.marketParticipantId()).isEqualTo(participant);
        assertThat(GspGroup.fromCode(code)).isSameAs(group);
    }

    @Test
    void hasFourteenGroupsWithoutIOrO() {
        assertThat(GspGroup.values()).hasSize(14);
        assertThat(Arrays.stream(GspGroup.values()).map(GspGroup::code))
                .containsExactly("_A", "_B", "_C", "_D", "_E", "_F", "_G", "_H", "_J", "_K", "_L", "_M", "_N", "_P");
        assertThat(Arrays.stream(GspGroup.values()).mapToInt(GspGroup::distributorId).distinct().count())
                .isEqualTo(14);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 9, 24, 30, 38, 99, -1})
    void hasNoGroupForIdnoOrUnknownIds(int distributorId) {
        assertThat(GspGroup.forDistributorId(distributorId)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"_J", "J", "j", "_j", " _J "})
    void acceptsCodesWithOrWithoutUnderscoreInAnyCase(String code) {
        assertThat(GspGroup.fromCode(code)).isEqualTo(GspGroup.J);
    }

    @ParameterizedTest
    @ValueSource(strings = {"_I", "O", "", "_", "__A", "AB", "Eastern"})
    void rejectsUnknownCodesWithAClearMessage(String code) {
        assertThatThrownBy(() -> GspGroup.fromCode(code))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + code + "' is not a GSP group code");
    }

    @Test
    void rejectsNullCode() {
        assertThatThrownBy(() -> GspGroup.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
