package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class FirstSeenLinesTest {

    @Test
    void remembersTheFirstLineOfEveryKeyAcrossGrowth() {
        FirstSeenLines seen = new FirstSeenLines();
        for (long key = 0; key < 200_000; key++) {
            assertThat(seen.putIfAbsent((key % 100) << 32 | key, key + 2)).isZero();
        }
        assertThat(seen.size()).isEqualTo(200_000);
        for (long key = 0; key < 200_000; key += 997) {
            assertThat(seen.putIfAbsent((key % 100) << 32 | key, 999_999)).isEqualTo(key + 2);
        }
        assertThat(seen.size()).isEqualTo(200_000);
    }
}
