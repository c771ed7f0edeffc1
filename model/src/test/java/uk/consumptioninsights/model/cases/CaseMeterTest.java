package uk.consumptioninsights.model.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import uk.consumptioninsights.model.access.PurposeRole;
import uk.consumptioninsights.model.meter.MeterPseudonym;
import uk.consumptioninsights.model.meter.Mpan;

class CaseMeterTest {

    private static final Mpan MPAN = Mpan.of(19, 123_456_789L);
    private static final String PSEUDONYM = "P0123456789abcdef";

    @Test
    void settlementNamesTheMeterByItsValidatedMpan() {
        CaseMeter meter = CaseMeter.fromKey(PurposeRole.SETTLEMENT, MPAN.core());
        assertThat(meter).isEqualTo(new CaseMeter.MpanMeter(MPAN));
        assertThat(meter.kind()).contains("mpan");
        assertThatThrownBy(() -> CaseMeter.fromKey(PurposeRole.SETTLEMENT, "1900000000001"))
                .isInstanceOf(MeterKeyRefused.class).hasMessageContaining("check digit");
        assertThatThrownBy(() -> CaseMeter.fromKey(PurposeRole.SETTLEMENT, PSEUDONYM)).isInstanceOf(MeterKeyRefused.class);
    }

    @Test
    void pseudonymousPurposesNameTheMeterByItsPseudonymAndAnMpanIsRefusedWithoutBeingEchoed() {
        for (PurposeRole purpose : new PurposeRole[] {PurposeRole.MARKET_MONITORING, PurposeRole.RECIPIENT}) {
            assertThat(CaseMeter.fromKey(purpose, PSEUDONYM))
                    .isEqualTo(new CaseMeter.PseudonymMeter(new MeterPseudonym(PSEUDONYM)));
            assertThatThrownBy(() -> CaseMeter.fromKey(purpose, MPAN.core()))
                    .isInstanceOf(MeterKeyRefused.class)
                    .hasMessageContaining("never by an MPAN")
                    .message().doesNotContain(MPAN.core());
            assertThatThrownBy(() -> CaseMeter.fromKey(purpose, "meter 19 near the substation"))
                    .isInstanceOf(MeterKeyRefused.class);
        }
    }

    @Test
    void researchNamesNoMeter() {
        assertThat(CaseMeter.fromKey(PurposeRole.RESEARCH, " ")).isEqualTo(CaseMeter.none());
        assertThatThrownBy(() -> CaseMeter.fromKey(PurposeRole.RESEARCH, PSEUDONYM))
                .isInstanceOf(MeterKeyRefused.class).hasMessageContaining("sees no meter identity");
    }

    @Test
    void aDraftWithAnMpanCannotBeRaisedOutsideSettlement() {
        CaseDraft draft = new CaseDraft("Bypass suspected", CaseCategory.THEFT_BYPASS, CasePriority.HIGH,
                Optional.empty(), "", Optional.of("a-1"), new CaseMeter.MpanMeter(MPAN));
        draft.requireRaisableUnder(PurposeRole.SETTLEMENT);
        for (PurposeRole purpose : new PurposeRole[] {PurposeRole.MARKET_MONITORING, PurposeRole.RESEARCH,
            PurposeRole.RECIPIENT}) {
            assertThatThrownBy(() -> draft.requireRaisableUnder(purpose))
                    .isInstanceOf(MeterKeyRefused.class).hasMessageContaining("cannot carry an MPAN");
        }
        CaseDraft pseudonymous = new CaseDraft("Bypass suspected", CaseCategory.THEFT_BYPASS, CasePriority.HIGH,
                Optional.empty(), "", Optional.empty(), new CaseMeter.PseudonymMeter(new MeterPseudonym(PSEUDONYM)));
        assertThatThrownBy(() -> pseudonymous.requireRaisableUnder(PurposeRole.RESEARCH))
                .isInstanceOf(MeterKeyRefused.class);
        assertThatThrownBy(() -> pseudonymous.requireRaisableUnder(PurposeRole.SETTLEMENT))
                .isInstanceOf(MeterKeyRefused.class);
    }
}
