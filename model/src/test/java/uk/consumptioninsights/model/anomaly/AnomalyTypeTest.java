package uk.consumptioninsights.model.anomaly;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

class AnomalyTypeTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "THEFT_BYPASS      | theft             | Theft / bypass    | HIGH",
            "METER_MALFUNCTION | meter_malfunction | Meter malfunction | MEDIUM",
            "NETWORK_ANOMALY   | network_anomaly   | Network anomaly   | MEDIUM",
            "MAINTENANCE       | maintenance       | Maintenance       | LOW"})
    void hasTheAgreedCodesLabelsAndSeverities(AnomalyType type, String code, String label, Severity severity) {
        assertThat(type.code()).isEqualTo(code);
        assertThat(type.label()).isEqualTo(label);
        assertThat(type.severity()).isEqualTo(severity);
        assertThat(AnomalyType.fromCode(code)).isSameAs(type);
    }

    @ParameterizedTest
    @EnumSource(AnomalyType.class)
    void fromCodeToleratesCaseAndSpaces(AnomalyType type) {
        assertThat(AnomalyType.fromCode(" " + type.code().toUpperCase() + " ")).isSameAs(type);
    }

    @Test
    void fromCodeRejectsUnknownCodesListingTheKnownOnes() {
        assertThatThrownBy(() -> AnomalyType.fromCode("THEFT_BYPASS"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'THEFT_BYPASS' is not an anomaly type code")
                .hasMessageContaining("theft, meter_malfunction, network_anomaly, maintenance");
        assertThatThrownBy(() -> AnomalyType.fromCode(null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void descriptionsExplainWhatEachLooksLike() {
        assertThat(AnomalyType.THEFT_BYPASS.description()).contains("baseline").contains("daily shape");
        assertThat(AnomalyType.METER_MALFUNCTION.description()).contains("stuck").contains("spikes").contains("negative");
        assertThat(AnomalyType.NETWORK_ANOMALY.description()).contains("GSP group").contains("same time");
        assertThat(AnomalyType.MAINTENANCE.description()).contains("drift").contains("calibration");
    }

    @Test
    void severitiesHaveDisplayNamesInUrgencyOrder() {
        assertThat(Severity.values()).containsExactly(Severity.HIGH, Severity.MEDIUM, Severity.LOW);
        assertThat(Severity.HIGH.displayName()).isEqualTo("High");
        assertThat(Severity.MEDIUM.displayName()).isEqualTo("Medium");
        assertThat(Severity.LOW.displayName()).isEqualTo("Low");
    }
}
