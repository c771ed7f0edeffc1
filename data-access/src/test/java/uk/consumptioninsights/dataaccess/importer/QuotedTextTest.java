package uk.consumptioninsights.dataaccess.importer;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class QuotedTextTest {

    @Test
    void textUpToTheLimitIsQuotedAsRead() {
        assertThat(QuotedText.cut("MAC000002")).isEqualTo("MAC000002");
        assertThat(QuotedText.cut("")).isEmpty();
        String atLimit = "y".repeat(QuotedText.LIMIT);
        assertThat(QuotedText.cut(atLimit)).isSameAs(atLimit);
    }

    @Test
    void longerTextIsCutAtTheLimitWithAnEllipsisAndItsFullLength() {
        assertThat(QuotedText.cut("z".repeat(QuotedText.LIMIT + 1)))
                .isEqualTo("z".repeat(QuotedText.LIMIT) + "… (201 characters)");
        String tenMegabytes = "MAC" + "9".repeat(10 * 1024 * 1024 - 3);
        assertThat(QuotedText.cut(tenMegabytes))
                .isEqualTo("MAC" + "9".repeat(QuotedText.LIMIT - 3) + "… (10,485,760 characters)");
    }

    @Test
    void aCutNeverSplitsACharacterOutsideTheBasicPlane() {
        String emoji = "\uD83D\uDE00"; // one character, two UTF-16 units
        String text = "a".repeat(QuotedText.LIMIT - 1) + emoji + "b";

        String cut = QuotedText.cut(text);

        assertThat(cut).isEqualTo("a".repeat(QuotedText.LIMIT - 1) + "… (202 characters)");
        assertThat(cut.codePoints()).noneMatch(cp -> Character.getType(cp) == Character.SURROGATE);
    }

    @Test
    void cuttingACutTextChangesNothing() {
        String once = QuotedText.cut("w".repeat(5_000));

        assertThat(QuotedText.cut(once)).isEqualTo(once);
        assertThat(new RejectedRow(2, RejectionKind.WRONG_FIELD_COUNT, "r", once, java.util.OptionalLong.empty()).rawLine())
                .isEqualTo(once);
    }

    @Test
    void aTextOfWhichOnlyTheStartWasReadIsQuotedWithItsFullLength() {
        assertThat(QuotedText.cut("v".repeat(4_096), 1_000_000_000L))
                .isEqualTo("v".repeat(QuotedText.LIMIT) + "… (1,000,000,000 characters)");
        assertThat(QuotedText.cut("short", 5)).isEqualTo("short");
    }

    @Test
    void aMissingTextIsEmpty() {
        assertThat(QuotedText.cut(null)).isEmpty();
    }
}
