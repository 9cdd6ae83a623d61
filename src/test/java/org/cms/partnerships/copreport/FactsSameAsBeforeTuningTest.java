package org.cms.partnerships.copreport;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.meeting.MeetingService;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.workplan.ActivityStatus;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.cms.partnerships.workplan.WorkPlanStatus;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.annotation.Transactional;

/**
 * Issue 13: FactsService computes the facts in a few set-based queries. As at every date of the register's
 * history (every half year since 2000, the seed reports' cut-offs, today) and for periods given or defaulted,
 * they are exactly what the computation over every history row gave ({@link FactsBeforeTuning}): the same
 * records, in the same order, serialized alike (the JSON that is frozen into an approved report).
 */
@CmsIntegrationTest
class FactsSameAsBeforeTuningTest {

    @Autowired FactsService facts;
    @Autowired JdbcClient jdbc;
    @Autowired MeetingService meetings;
    @Autowired ObjectMapper json;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired WorkPlanService workPlans;

    @Test
    void asAtEveryHalfYearAndTheSeedCutOffsTheFactsAreThoseOfTheComputationOverTheWholeHistory() throws Exception {
        int compared = compareAtEveryDate();
        assertThat(compared).isGreaterThan(50);
    }

    @Test
    @Transactional // rolled back: the register stays as the other tests expect it
    void alsoWithChangesOnOneDayTerminationsAndActivitiesMovingAfterTheCutOff() throws Exception {
        // Two changes of one agreement at the same instant (the later row wins), a termination, an agreement
        // entering into force again after a suspension (no new partnership), and activities moving later on.
        long partner = partners.getByAcronym("HSI").id();
        java.time.Instant noon = LocalDate.of(2019, 3, 1).atTime(LocalTime.NOON).atZone(RegisterClock.SECRETARIAT_ZONE).toInstant();
        agreements.create(new AgreementService.NewAgreement("CMS-HSI-2019", partner, InstrumentType.PARTNERSHIP_AGREEMENT,
                        "Partnership agreement between HSI and the CMS Secretariat", null, null, LocalDate.of(2019, 3, 1),
                        null, null, null), AgreementStatus.IN_FORCE, "test", "Signed", noon);
        agreements.changeStatus("CMS-HSI-2019", AgreementStatus.SUSPENDED, "test", "Suspended at once", noon);
        agreements.changeStatus("CMS-HSI-2019", AgreementStatus.IN_FORCE, "test", "Resumed", noon.plusSeconds(86_400 * 40));
        agreements.changeStatus("CMS-HSI-2019", AgreementStatus.TERMINATED, "test", "Ended by the partner",
                noon.plusSeconds(86_400 * 400));
        WorkPlan plan = workPlans.all().stream().filter(p -> p.status() == WorkPlanStatus.IN_IMPLEMENTATION).findFirst()
                .orElseThrow();
        workPlans.activities(plan.reference()).stream().limit(3).forEach(a -> workPlans.setActivityStatus(plan.reference(),
                a.code(), ActivityStatus.COMPLETED, RegisterClock.now()));

        assertThat(compareAtEveryDate()).isGreaterThan(50);
    }

    private int compareAtEveryDate() throws Exception {
        FactsBeforeTuning before = new FactsBeforeTuning(jdbc, meetings);
        List<LocalDate> dates = new ArrayList<>(List.of(FactsAsAtSeedReportsTest.COP10_CUT_OFF,
                FactsAsAtSeedReportsTest.COP11_CUT_OFF, FactsAsAtSeedReportsTest.COP12_CUT_OFF, RegisterClock.today()));
        for (LocalDate d = LocalDate.of(2000, 1, 1); d.isBefore(RegisterClock.today()); d = d.plusMonths(6)) {
            dates.add(d);
        }
        int compared = 0;
        for (LocalDate asOf : dates) {
            for (LocalDate from : new LocalDate[] {null, LocalDate.of(1990, 1, 1), asOf.minusYears(2)}) {
                Facts expected;
                try {
                    expected = before.asOf(asOf, from);
                } catch (InvalidInputException noCopBefore) {
                    continue; // no COP ended before the date, so no default period: refused alike (FactsAsAtSeedReportsTest)
                }
                Facts actual = facts.asOf(asOf, from);
                assertThat(actual).as("facts as at %s from %s", asOf, from).isEqualTo(expected);
                assertThat(json.writeValueAsString(actual)).as("JSON as at %s from %s", asOf, from)
                        .isEqualTo(json.writeValueAsString(expected));
                compared++;
            }
        }
        return compared;
    }
}
