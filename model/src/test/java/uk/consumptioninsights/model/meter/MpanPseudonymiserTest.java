package uk.consumptioninsights.model.meter;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class MpanPseudonymiserTest {

    private static final Mpan SOUTH_EAST = new Mpan("1901234567899");
    private static final Mpan EASTERN = new Mpan("1000000123451");

    private static byte[] key(int first) {
        byte[] key = new byte[32];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (first + i);
        }
        return key;
    }

    private static byte[] ascii(String text) {
        byte[] bytes = new byte[text.length()];
        for (int i = 0; i < bytes.length; i++) {
            bytes[i] = (byte) text.charAt(i);
        }
        return bytes;
    }

    @Test
    void matchesAnIndependentlyComputedHmac() {
        // Expected values from Python: "P" + hmac.new(bytes(range(32)), core, sha256).hexdigest()[:16]
        MpanPseudonymiser pseudonymiser = new MpanPseudonymiser(key(0));

        assertThat(pseudonymiser.pseudonym(SOUTH_EAST)).isEqualTo("Pa3de4f60c93604dd");
        assertThat(pseudonymiser.pseudonym(EASTERN)).isEqualTo("P210a500ce5be2b97");
    }

    @Test
    void isDeterministicForTheSameKey() {
        String first = new MpanPseudonymiser(key(0)).pseudonym(SOUTH_EAST);
        String second = new MpanPseudonymiser(key(0)).pseudonym(SOUTH_EAST);

        assertThat(first).isEqualTo(second);
    }

    @Test
    void differsBetweenKeysAndBetweenMeters() {
        MpanPseudonymiser one = new MpanPseudonymiser(key(0));
        MpanPseudonymiser other = new MpanPseudonymiser(key(1));

        assertThat(one.pseudonym(SOUTH_EAST)).isNotEqualTo(other.pseudonym(SOUTH_EAST));
        assertThat(one.pseudonym(SOUTH_EAST)).isNotEqualTo(one.pseudonym(EASTERN));
    }

    @Test
    void isNotAnUnsaltedHash() throws Exception {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(ascii(SOUTH_EAST.core()));
        String unsalted = "P" + HexFormat.of().formatHex(sha).substring(0, 16);

        assertThat(new MpanPseudonymiser(key(0)).pseudonym(SOUTH_EAST)).isNotEqualTo(unsalted);
    }

    @Test
    void hasTheDocumentedShape() {
        String pseudonym = new MpanPseudonymiser(key(7)).pseudonym(SOUTH_EAST);

        assertThat(pseudonym).hasSize(17).matches("P[0-9a-f]{16}");
    }

    @Test
    void rejectsShortKeysWithoutRevealingThem() {
        byte[] shortKey = ascii("secret-key-material-31-bytes-xx");

        assertThat(shortKey).hasSize(31);
        assertThatThrownBy(() -> new MpanPseudonymiser(shortKey))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("31 bytes")
                .hasMessageNotContaining("secret");
        assertThatThrownBy(() -> new MpanPseudonymiser(null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void copiesTheKeySoLaterChangesHaveNoEffect() {
        byte[] key = key(0);
        MpanPseudonymiser pseudonymiser = new MpanPseudonymiser(key);
        String before = pseudonymiser.pseudonym(SOUTH_EAST);

        key[0] = 99;

        assertThat(pseudonymiser.pseudonym(SOUTH_EAST)).isEqualTo(before);
    }

    @Test
    void toStringDoesNotRevealTheKey() {
        byte[] key = key(0x41);
        String text = new MpanPseudonymiser(key).toString();

        assertThat(text).doesNotContain(HexFormat.of().formatHex(key)).doesNotContain("ABCDEF");
    }

    @Test
    void isSafeToCallFromSeveralThreads() {
        MpanPseudonymiser pseudonymiser = new MpanPseudonymiser(key(0));
        List<Mpan> mpans = IntStream.range(0, 2_000).mapToObj(i -> Mpan.of(10 + i % 14, i)).toList();
        List<String> sequential = mpans.stream().map(pseudonymiser::pseudonym).toList();

        List<String> parallel = mpans.parallelStream().map(pseudonymiser::pseudonym).collect(Collectors.toList());

        assertThat(parallel).isEqualTo(sequential);
        assertThat(sequential).doesNotHaveDuplicates();
    }
}
