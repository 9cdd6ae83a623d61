package org.cms.partnerships.register;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cms.partnerships.register.AgreementStatus.*;

import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The agreement status lifecycle as a pure rule: no Spring, no engine, no database. */
class AgreementStatusTest {

    @ParameterizedTest
    @EnumSource(AgreementStatus.class)
    void noStatusMovesToItself(AgreementStatus status) {
        assertThat(status.canChangeTo(status)).isFalse();
        assertThatThrownBy(() -> status.checkCanChangeTo(status, "CMS-X-2026"))
                .isInstanceOf(org.cms.partnerships.common.ConflictException.class)
                .hasMessage("Agreement CMS-X-2026 cannot move from %s to %s", status, status);
    }

    @ParameterizedTest
    @EnumSource(value = AgreementStatus.class, names = {"EXPIRED", "SUPERSEDED", "TERMINATED", "REJECTED", "WITHDRAWN"})
    void aFinalStatusGoesNowhere(AgreementStatus status) {
        assertThat(status.isFinal()).isTrue();
        assertThat(EnumSet.allOf(AgreementStatus.class)).noneMatch(status::canChangeTo);
    }

    @Test
    void preparationLoopsBackAndForthAndEndsInForceRejectedOrWithdrawn() {
        assertThat(DRAFTING.canChangeTo(IN_LEGAL_REVIEW)).isTrue();
        assertThat(AWAITING_CLEARANCE.canChangeTo(DRAFTING)).isTrue();
        assertThat(AWAITING_ENDORSEMENT.canChangeTo(DRAFTING)).isTrue();
        assertThat(AWAITING_SIGNATURE.canChangeTo(IN_FORCE)).isTrue();
        for (AgreementStatus preparing : IN_PREPARATION) {
            assertThat(preparing.inPreparation()).isTrue();
            assertThat(preparing.canChangeTo(REJECTED)).isTrue();
            assertThat(preparing.canChangeTo(WITHDRAWN)).isTrue();
            assertThat(preparing.canChangeTo(SUSPENDED)).isFalse();
            assertThat(preparing.canChangeTo(SUPERSEDED)).isFalse();
            assertThat(preparing.canChangeTo(DORMANT)).isFalse();
        }
    }

    @Test
    void aSignedAgreementNeverGoesBackToPreparation() {
        for (AgreementStatus binding : EFFECTIVE) {
            assertThat(binding.isBinding()).isTrue();
            assertThat(IN_PREPARATION).noneMatch(binding::canChangeTo);
            assertThat(binding.canChangeTo(REJECTED)).isFalse();
            assertThat(binding.canChangeTo(WITHDRAWN)).isFalse();
        }
        assertThat(IN_FORCE.canChangeTo(DORMANT)).isTrue();
        assertThat(DORMANT.canChangeTo(IN_FORCE)).isTrue();
        assertThat(SUSPENDED.canChangeTo(IN_FORCE)).isTrue();
        assertThat(SUSPENDED.canChangeTo(DORMANT)).isFalse();
        assertThat(IN_FORCE.canChangeTo(SUPERSEDED)).isTrue();
        assertThat(SUSPENDED.canChangeTo(TERMINATED)).isTrue();
    }

    @Test
    void whichStatusesBindAreInPreparationOrActive() {
        assertThat(EnumSet.allOf(AgreementStatus.class)).filteredOn(AgreementStatus::isBinding)
                .containsExactlyInAnyOrder(IN_FORCE, DORMANT, SUSPENDED);
        assertThat(EnumSet.allOf(AgreementStatus.class)).filteredOn(AgreementStatus::isActive)
                .containsExactlyInAnyOrder(IN_FORCE, DORMANT);
        assertThat(EnumSet.allOf(AgreementStatus.class)).filteredOn(AgreementStatus::inPreparation)
                .containsExactlyInAnyOrder(PROPOSED, IN_DUE_DILIGENCE, DRAFTING, IN_CONSULTATION, IN_LEGAL_REVIEW,
                        AWAITING_CLEARANCE, AWAITING_ENDORSEMENT, AWAITING_PARTNER_APPROVAL, AWAITING_SIGNATURE);
        assertThat(EnumSet.allOf(AgreementStatus.class))
                .allMatch(s -> !(s.inPreparation() && s.isBinding()) && !(s.isFinal() && (s.inPreparation() || s.isBinding())));
    }
}
