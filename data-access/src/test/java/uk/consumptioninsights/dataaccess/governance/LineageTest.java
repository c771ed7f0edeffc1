package uk.consumptioninsights.dataaccess.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LineageTest {

    @Test
    void followsViewsDownToTheTablesThatReadNothingFurther() {
        Map<String, List<String>> reads = Map.of(
                "v_recipient_anomalies", List.of("anomalies_curated"),
                "anomalies_curated", List.of("anomalies", "meters"));
        assertThat(Lineage.baseOf("v_recipient_anomalies", r -> reads.getOrDefault(r, List.of())))
                .containsExactly("anomalies", "meters");
    }

    @Test
    void aTableHasNoSourcesAndACycleEnds() {
        assertThat(Lineage.baseOf("meters", r -> List.of())).isEmpty();
        Map<String, List<String>> loop = Map.of("a", List.of("b"), "b", List.of("a", "t"));
        assertThat(Lineage.baseOf("a", r -> loop.getOrDefault(r, List.of()))).containsExactly("t");
    }

    @Test
    void aVeryDeepChainStopsAtTheDepthLimit() {
        List<String> seen = Lineage.baseOf("v0", r -> List.of("v" + (Integer.parseInt(r.substring(1)) + 1)));
        assertThat(seen).containsExactly("v" + Lineage.MAX_DEPTH);
    }
}
