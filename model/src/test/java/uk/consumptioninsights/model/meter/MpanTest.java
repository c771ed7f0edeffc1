package uk.consumptioninsights.model.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MpanTest {

    @ParameterizedTest(name = "{0} is valid, distributor {1}, group {2}")
    @CsvSource({
            "1000000123451, 10, A",
            "1901234567899, 19, J",
            "1420000001090, 14, E",
            "2309876543215, 23, M"})
    void acceptsTheWorkedExamples(String core, int distributorId, GspGroup group) {
        Mpan mpan = new Mpan(core);

        assertThat(Mpan.isValidCore(core)).isTrue();
        assertThat(mpan.core()).isEqualTo(core);
        assertThat(mpan.distributorId()).isEqualTo(distributorId);
        assertThat(mpan.gspGroup()).contains(group);
        assertThat(mpan.toString()).isEqualTo(core);
    }

    @ParameterizedTest(name = "check digit of {0} is {1}")
    @CsvSource({
            "100000012345, 1",
            "190123456789, 9",
            "142000000109, 0",
            "230987654321, 5",
            "190123456798, 7"})
    void computesCheckDigitsIncludingTheModTenStep(String first12, int expected) {
        assertThat(Mpan.checkDigit(first12)).isEqualTo(expected);
    }

    @Test
    void rejectsAWrongCheckDigitSayingWhatWasExpected() {
        assertThat(Mpan.isValidCore("1000000123452")).isFalse();
        assertThatThrownBy(() -> new Mpan("1000000123452"))
                .isInstanceOf(InvalidMpanException.class)
                .hasMessage("MPAN '1000000123452' fails its check digit: expected 1, found 2. "
                        + "Check the 13-digit core on the bill.");
    }

    @Test
    void rejectsSwappedAdjacentDigits() {
        assertThat(Mpan.isValidCore("1901234567989")).isFalse();
        assertThatThrownBy(() -> new Mpan("1901234567989"))
                .isInstanceOf(InvalidMpanException.class)
                .hasMessageContaining("expected 7, found 9");
    }

    @Test
    void rejectsTwelveDigits() {
        assertThat(Mpan.isValidCore("190123456789")).isFalse();
        assertThatThrownBy(() -> new Mpan("190123456789"))
                .isInstanceOf(InvalidMpanException.class)
                .hasMessageContaining("has 12 digits but a core has 13");
    }

    @ParameterizedTest
    @ValueSource(strings = {"19012345678X9", "ABCDEFGHIJKLM", "1901234567 99", "19O1234567899", "+901234567899"})
    void rejectsNonDigits(String core) {
        assertThat(Mpan.isValidCore(core)).isFalse();
        assertThatThrownBy(() -> new Mpan(core))
                .isInstanceOf(InvalidMpanException.class)
                .hasMessageContaining("characters other than digits");
    }

    @ParameterizedTest
    @ValueSource(ints = {99, 0, 9, 39, 50})
    void rejectsUnknownDistributorIdsEvenWhenTheChecksumPasses(int distributorId) {
        String first12 = String.format("%02d%010d", distributorId, 1_234_567_890L);
        String core = first12 + Mpan.checkDigit(first12);

        assertThat(Mpan.isValidCore(core)).isFalse();
        assertThatThrownBy(() -> new Mpan(core))
                .isInstanceOf(InvalidMpanException.class)
                .hasMessageContaining("distributor id " + distributorId)
                .hasMessageContaining("not a known DNO");
    }

    @Test
    void rejectsNull() {
        assertThat(Mpan.isValidCore(null)).isFalse();
        assertThatThrownBy(() -> new Mpan(null)).isInstanceOf(InvalidMpanException.class);
        assertThatThrownBy(() -> Mpan.parse(null)).isInstanceOf(InvalidMpanException.class);
    }

    @Test
    void invalidMpanIsAnIllegalArgument() {
        assertThatThrownBy(() -> new Mpan("1")).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"1901234567899", "19 0123 4567 899", "19-0123-4567-899", " 19 0123-4567 899 "})
    void parsesCoresAsPrintedOnBills(String text) {
        assertThat(Mpan.parse(text)).isEqualTo(new Mpan("1901234567899"));
    }

    @Test
    void parseStillValidates() {
        assertThatThrownBy(() -> Mpan.parse("19 0123 4567 989"))
                .isInstanceOf(InvalidMpanException.class)
                .hasMessageContaining("fails its check digit");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "19012345678", "1234567890123"})
    void checkDigitNeedsExactlyTwelveDigits(String text) {
        assertThatThrownBy(() -> Mpan.checkDigit(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofBuildsTheWorkedExamples() {
        assertThat(Mpan.of(10, 12_345L)).isEqualTo(new Mpan("1000000123451"));
        assertThat(Mpan.of(19, 123_456_789L)).isEqualTo(new Mpan("1901234567899"));
        assertThat(Mpan.of(14, 2_000_000_109L)).isEqualTo(new Mpan("1420000001090"));
        assertThat(Mpan.of(23, 987_654_321L)).isEqualTo(new Mpan("2309876543215"));
    }

    @Test
    void ofRoundTripsForEveryKnownDistributor() {
        long[] uniqueIds = {0L, 1L, 42L, 123_456_789L, 5_000_000_000L, 9_999_999_999L};
        for (int distributorId = 10; distributorId <= 38; distributorId++) {
            for (long uniqueId : uniqueIds) {
                Mpan mpan = Mpan.of(distributorId, uniqueId);

                assertThat(mpan.core()).hasSize(13);
                assertThat(Mpan.isValidCore(mpan.core())).isTrue();
                assertThat(mpan.distributorId()).isEqualTo(distributorId);
                assertThat(Long.parseLong(mpan.core().substring(2, 12))).isEqualTo(uniqueId);
                assertThat(Mpan.parse(mpan.toString())).isEqualTo(mpan);
            }
        }
    }

    @Test
    void ofRejectsOutOfRangeInputs() {
        assertThatThrownBy(() -> Mpan.of(19, -1)).isInstanceOf(InvalidMpanException.class);
        assertThatThrownBy(() -> Mpan.of(19, 10_000_000_000L)).isInstanceOf(InvalidMpanException.class);
        assertThatThrownBy(() -> Mpan.of(9, 1)).isInstanceOf(InvalidMpanException.class);
        assertThatThrownBy(() -> Mpan.of(39, 1)).isInstanceOf(InvalidMpanException.class);
        assertThatThrownBy(() -> Mpan.of(100, 1)).isInstanceOf(InvalidMpanException.class);
    }

    @Test
    void idnoSupplyIsValidButHasNoDerivableGspGroup() {
        Mpan idno = Mpan.of(24, 1_234_567_890L);

        assertThat(idno.distributorId()).isEqualTo(24);
        assertThat(idno.gspGroup()).isEmpty();
    }

    @Test
    void masksTheMiddleSevenDigits() {
        assertThat(new Mpan("1901234567899").masked()).isEqualTo("19\u2022\u2022\u2022\u2022\u2022\u2022\u20227899");
        assertThat(new Mpan("1000000123451").masked()).isEqualTo("10•••••••3451").hasSize(13);
    }

    @Test
    void equalityFollowsTheCore() {
        assertThat(new Mpan("1901234567899")).isEqualTo(Mpan.parse("19 0123 4567 899"))
                .isNotEqualTo(new Mpan("1000000123451"));
    }
}
