package uk.consumptioninsights.dataaccess.sharing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class ChangeRangeAndConfigurationTest {

    private static final Instant NOV_1 = Instant.parse("2026-11-01T00:00:00Z");

    private static TableMetadata configured(Map<String, String> configuration) {
        return new TableMetadata("t", 1, List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty(), null,
                configuration);
    }

    @Test
    void aRangeStartsAtAVersionOrATimeAndEndsAtMostOnce() {
        assertThat(ChangeRange.fromVersion(3).openEnded()).isTrue();
        assertThat(ChangeRange.fromVersion(3).toVersion(5).endingVersion()).hasValue(5);
        assertThat(ChangeRange.fromTimestamp(NOV_1).toTimestamp(NOV_1.plusSeconds(60)).openEnded()).isFalse();
        assertThat(ChangeRange.fromVersion(3).toVersion(5).toTimestamp(NOV_1).endingVersion()).isEmpty();
        assertThatThrownBy(() -> new ChangeRange(OptionalLong.of(1), NOV_1, OptionalLong.empty(), null))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new ChangeRange(OptionalLong.empty(), null, OptionalLong.empty(), null))
                .hasMessageContaining("exactly one");
        assertThatThrownBy(() -> new ChangeRange(OptionalLong.of(1), null, OptionalLong.of(2), NOV_1))
                .hasMessageContaining("not both");
        assertThatThrownBy(() -> ChangeRange.fromVersion(5).toVersion(4)).hasMessageContaining("before the first");
        assertThatThrownBy(() -> ChangeRange.fromVersion(-1)).hasMessageContaining("negative");
        assertThatThrownBy(() -> ChangeRange.fromTimestamp(NOV_1).toTimestamp(NOV_1.minusMillis(1)))
                .hasMessageContaining("before the start");
    }

    @Test
    void changeDataFeedIsOnWhenEitherSpellingOfThePropertySaysTrue() {
        assertThat(configured(Map.of("delta.enableChangeDataFeed", "true")).changeDataFeed()).isTrue();
        assertThat(configured(Map.of("delta.enablechangedatafeed", "TRUE")).changeDataFeed()).isTrue();
        assertThat(configured(Map.of("enableChangeDataFeed", "true")).changeDataFeed()).isTrue();
        assertThat(configured(Map.of("delta.enableChangeDataFeed", "false")).changeDataFeed()).isFalse();
        assertThat(configured(Map.of("delta.appendOnly", "true")).changeDataFeed()).isFalse();
        assertThat(configured(null).changeDataFeed()).isFalse();
        assertThat(new TableMetadata("t", 1, List.of(), List.of(), OptionalLong.empty(), OptionalLong.empty())
                .configuration()).isEmpty();
    }
}
