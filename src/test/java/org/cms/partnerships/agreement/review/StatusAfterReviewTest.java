package org.cms.partnerships.agreement.review;

import static org.assertj.core.api.Assertions.assertThat;

import org.cms.partnerships.agreement.review.AnnualReviewProcess.Assessment;
import org.cms.partnerships.agreement.review.AnnualReviewProcess.StatusAfterReview;
import org.cms.partnerships.register.AgreementStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Which status an annual review leaves, without Spring: dormancy and back, nothing else. */
class StatusAfterReviewTest {

    @Test
    void noJointActivityMakesAnAgreementInForceDormant() {
        assertThat(StatusAfterReview.of(Assessment.DORMANT, AgreementStatus.IN_FORCE)).isEqualTo(StatusAfterReview.DORMANT);
    }

    @ParameterizedTest
    @EnumSource(value = Assessment.class, names = "DORMANT", mode = EnumSource.Mode.EXCLUDE)
    void activityAgainPutsADormantAgreementBackInForce(Assessment assessment) {
        assertThat(StatusAfterReview.of(assessment, AgreementStatus.DORMANT)).isEqualTo(StatusAfterReview.BACK_IN_FORCE);
    }

    @ParameterizedTest
    @EnumSource(value = Assessment.class, names = "DORMANT", mode = EnumSource.Mode.EXCLUDE)
    void activityKeepsAnAgreementInForceAsItIs(Assessment assessment) {
        assertThat(StatusAfterReview.of(assessment, AgreementStatus.IN_FORCE)).isEqualTo(StatusAfterReview.UNCHANGED);
    }

    @Test
    void aDormantAgreementStillWithoutActivityStaysAsItIs() {
        assertThat(StatusAfterReview.of(Assessment.DORMANT, AgreementStatus.DORMANT)).isEqualTo(StatusAfterReview.UNCHANGED);
    }
}
