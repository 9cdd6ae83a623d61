package org.cms.partnerships.workplan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cms.partnerships.workplan.WorkPlanStatus.*;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.cms.partnerships.common.InvalidInputException;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The plan's rules that need no database or engine: lifecycle, funding, typed lines, schedule. */
class WorkPlanRulesTest {

    @Nested
    class StatusLifecycle {

        @Test
        void aPlanGoesFromDraftThroughConsultationAndEndorsementIntoImplementationAndCloses() {
            assertThat(DRAFT.next()).containsExactlyInAnyOrder(IN_CONSULTATION, STOPPED);
            assertThat(IN_CONSULTATION.next()).containsExactlyInAnyOrder(AWAITING_ENDORSEMENT, STOPPED);
            assertThat(AWAITING_ENDORSEMENT.next()).containsExactlyInAnyOrder(IN_IMPLEMENTATION, NOT_ADOPTED, STOPPED);
            assertThat(IN_IMPLEMENTATION.next()).containsExactlyInAnyOrder(CLOSED, STOPPED);
        }

        @Test
        void closedStoppedAndNotAdoptedPlansAreFinal() {
            for (WorkPlanStatus end : List.of(CLOSED, STOPPED, NOT_ADOPTED)) {
                assertThat(end.isFinal()).isTrue();
                assertThat(WorkPlanStatus.values()).noneMatch(end::canChangeTo);
            }
        }

        @Test
        void noStageIsSkipped() {
            assertThat(DRAFT.canChangeTo(IN_IMPLEMENTATION)).isFalse();
            assertThat(IN_CONSULTATION.canChangeTo(IN_IMPLEMENTATION)).isFalse();
            assertThat(DRAFT.canChangeTo(CLOSED)).isFalse();
            assertThat(IN_CONSULTATION.canChangeTo(NOT_ADOPTED)).isFalse();
            assertThat(IN_IMPLEMENTATION.canChangeTo(DRAFT)).isFalse();
        }
    }

    @Nested
    class FundingRule {

        private WorkPlanActivity activity(boolean external, FundingStatus funding) {
            return new WorkPlanActivity(1, "B", "B1", null, "Joint meeting, subject to external funding", "2013", "CMS",
                    external, funding, external && funding != FundingStatus.SECURED ? ActivityStatus.AWAITING_FUNDING : ActivityStatus.NOT_STARTED);
        }

        @Test
        void anActivityWaitingForFundingCannotStart() {
            assertThat(activity(true, FundingStatus.NOT_SECURED).fundingRefusal(ActivityStatus.IN_PROGRESS, false))
                    .contains("B1 waits for external funding: record the funding first");
        }

        @Test
        void itStartsOnceTheFundingIsRecordedEarlierOrWithTheSameRecord() {
            assertThat(activity(true, FundingStatus.SECURED).fundingRefusal(ActivityStatus.IN_PROGRESS, false)).isEmpty();
            assertThat(activity(true, FundingStatus.NOT_SECURED).fundingRefusal(ActivityStatus.IN_PROGRESS, true)).isEmpty();
        }

        @Test
        void otherMovesAndActivitiesWithoutExternalFundingAreFree() {
            assertThat(activity(false, FundingStatus.NOT_REQUIRED).fundingRefusal(ActivityStatus.IN_PROGRESS, false)).isEmpty();
            assertThat(activity(true, FundingStatus.NOT_SECURED).fundingRefusal(ActivityStatus.DROPPED, false)).isEmpty();
            assertThat(activity(true, FundingStatus.NOT_SECURED).fundingRefusal(null, false)).isEmpty();
        }
    }

    @Nested
    class TypedActivityLines {

        @Test
        void aLineGivesCodeTimeframeDescriptionFundingAndLeadAndTheThemeFromTheCode() {
            ActivityLines.Typed typed = ActivityLines.parse(
                    "b8 | 2013-2014 | Trilateral meetings with FAO on sharks | yes | CMS\n\nD5 | 2013 | Side event at CoP16");
            assertThat(typed.removals()).isEmpty();
            assertThat(typed.activities()).hasSize(2);
            ActivityImport.Line b8 = typed.activities().get(0);
            assertThat(b8.number()).isEqualTo(1);
            assertThat(b8.fields()).containsAllEntriesOf(Map.of("code", "B8", "theme", "B", "timeframe", "2013-2014",
                    "description", "Trilateral meetings with FAO on sharks", "externalFunding", "yes", "lead", "CMS"));
            ActivityImport.Line d5 = typed.activities().get(1);
            assertThat(d5.number()).isEqualTo(3);
            assertThat(d5.fields()).containsEntry("externalFunding", "").containsEntry("lead", "");
        }

        @Test
        void codeBarRemoveTakesAnActivityOut() {
            ActivityLines.Typed typed = ActivityLines.parse("D5 | 2013 | A side event | no\nB9 | remove\nb15 | REMOVE");
            assertThat(typed.removals()).containsExactly(new ActivityLines.Removal(2, "B9"), new ActivityLines.Removal(3, "B15"));
            assertThat(typed.activities()).singleElement().satisfies(line -> assertThat(line.fields()).containsEntry("code", "D5"));
        }

        @Test
        void emptyTextSaysNothing() {
            assertThat(ActivityLines.parse("  ").activities()).isEmpty();
            assertThat(ActivityLines.parse(null).removals()).isEmpty();
        }

        @Test
        void dropsNameUnfinishedActivitiesWithAReasonOrAreRefusedWithEveryProblem() {
            assertThat(ActivityLines.drops("b3 | Indicators sought elsewhere\n", Set.of("B3", "A4"), "JWP-OLD"))
                    .containsExactly(Map.entry("B3", "Indicators sought elsewhere"));
            assertThatThrownBy(() -> ActivityLines.drops("A2 | finished anyway\nB3 | no", Set.of("B3"), "JWP-OLD"))
                    .isInstanceOf(InvalidInputException.class)
                    .satisfies(e -> assertThat(((InvalidInputException) e).problems()).containsExactly(
                            "A2 is not an unfinished activity of JWP-OLD", "Give the reason for dropping B3 (CODE | reason)"));
        }
    }

    @Nested
    class Schedule {

        private WorkPlan plan(int start, int end) {
            return new WorkPlan(1, "JWP-WAZA", "WAZA", "CMS-WAZA-2008", "Plan", start, end, IN_IMPLEMENTATION, null);
        }

        @Test
        void aMeetingForEachYearLeftInThePeriodAndTheDecisionNinetyDaysBeforeItEnds() {
            LocalDate today = LocalDate.of(2026, 11, 23);
            assertThat(WorkPlanSchedule.meetingCycle(plan(2027, 2029), today)).isEqualTo("R2/P1Y");
            assertThat(WorkPlanSchedule.extensionDecisionDay(plan(2027, 2029), today, 90)).isEqualTo(LocalDate.of(2029, 10, 2));
        }

        @Test
        void aPlanEndorsedAfterItsPeriodStillGetsAYearAndOneMeeting() {
            LocalDate today = LocalDate.of(2026, 11, 23);
            assertThat(WorkPlanSchedule.meetingCycle(plan(2012, 2014), today)).isEqualTo("R1/P1Y");
            assertThat(WorkPlanSchedule.extensionDecisionDay(plan(2012, 2014), today, 90)).isEqualTo(LocalDate.of(2027, 11, 24));
        }
    }
}
