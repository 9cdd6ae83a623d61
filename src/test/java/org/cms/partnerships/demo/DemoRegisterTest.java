package org.cms.partnerships.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.CommitteeService;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.workplan.WorkPlanActivity;
import org.cms.partnerships.workplan.WorkPlanService;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The demo register holds what the Secretariat's reports say, and loads only once. */
@CmsIntegrationTest
@Order(1) // reads the demo register as loaded: runs before the process tests change it
class DemoRegisterTest {

    @Autowired PartnerService partners;
    @Autowired AgreementService agreements;
    @Autowired CommitteeService committee;
    @Autowired WorkPlanService workPlans;
    @Autowired DemoDataLoader loader;
    @Autowired JdbcClient jdbc;

    @Test
    void flywayMigratedTheRegisterSchema() {
        Integer applied = jdbc.sql("SELECT COUNT(*) FROM \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" = '1'")
                .query(Integer.class).single();
        assertThat(applied).isEqualTo(1);
    }

    @Test
    void theTwentyEightFormalPartnersOfCop10AndTheLaterOnesAreRegistered() {
        var formal = partners.search(null, false, null);
        // 28 formal partners at COP10 (000 §7), CAFF 2012, WWF Germany, OceanCare and CBCGDF since, IOTC pending.
        assertThat(formal).hasSize(33);
        assertThat(formal).extracting(Partner::acronym).contains("CBD", "CITES", "RAMSAR", "IUCN", "IUCN-ELC", "BLI",
                "IFAW", "WAZA", "NOAA", "FOC", "MWN", "CAFF", "OCEANCARE", "CBCGDF", "IOTC", "TUI");
        assertThat(partners.search(null, true, null)).hasSize(13)
                .extracting(Partner::acronym).contains("FAO", "LH", "HC", "ZSL");
    }

    @Test
    void agreementsCarryTheirRealYearsStatusesAndSupersessions() {
        Map<String, Agreement> byReference = agreements.search(AgreementFilter.all()).stream()
                .collect(Collectors.toMap(Agreement::reference, Function.identity()));
        assertThat(byReference).hasSize(37);

        assertThat(byReference.get("CMS-CBD-1996").signedOn().getYear()).isEqualTo(1996);
        assertThat(byReference.get("CMS-CITES-2002").status()).isEqualTo(AgreementStatus.IN_FORCE);
        assertSupersession(byReference, "CMS-RAMSAR-1997", "CMS-RAMSAR-2011");
        assertSupersession(byReference, "CMS-IUCN-ELC-1996", "CMS-IUCN-ELC-2011");
        assertSupersession(byReference, "CMS-WAZA-2006", "CMS-WAZA-2008");
        assertSupersession(byReference, "CMS-NOAA-2008", "CMS-NOAA-2013");
        assertThat(byReference.get("CMS-IUCN-ELC-2011").signedOn()).hasToString("2011-09-02");
        assertThat(byReference.get("CMS-FOC-2010").status()).isEqualTo(AgreementStatus.TERMINATED);
        assertThat(byReference.get("CMS-IOTC-2015").status()).isEqualTo(AgreementStatus.AWAITING_PARTNER_APPROVAL);
        assertThat(byReference.get("CMS-IOTC-2015").signedOn()).isNull();
        assertThat(byReference.get("CMS-OCEANCARE-2016").placeOfSignature()).contains("45th meeting");
        assertThat(byReference.get("CMS-CBCGDF-2016").signedOn()).hasToString("2016-11-09");
        assertThat(byReference.values()).filteredOn(a -> a.status() == AgreementStatus.DORMANT).hasSize(5);

        // The demo gives the IWC agreement (renewal under discussion, 001 §18) an end date, for the renewal alerts.
        assertThat(byReference.get("CMS-IWC-2000").expiresOn())
                .isEqualTo(org.cms.partnerships.common.RegisterClock.today().plusDays(75));
        assertThat(byReference.values()).filteredOn(a -> a.expiresOn() != null).hasSize(1);

        // Only agreements still binding have a review date ahead.
        assertThat(byReference.get("CMS-CITES-2002").nextReviewOn()).isNotNull();
        assertThat(byReference.get("CMS-RAMSAR-1997").nextReviewOn()).isNull();
        assertThat(byReference.get("CMS-FOC-2010").nextReviewOn()).isNull();
    }

    @Test
    void terminationOfFriendsOfCmsIsInItsHistory() {
        assertThat(agreements.history("CMS-FOC-2010"))
                .extracting(StatusChange::fromStatus, StatusChange::toStatus)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(null, AgreementStatus.IN_FORCE),
                        org.assertj.core.groups.Tuple.tuple(AgreementStatus.IN_FORCE, AgreementStatus.TERMINATED));
        assertThat(agreements.history("CMS-FOC-2010").get(1).reason()).contains("ceased operations in 2013");
    }

    @Test
    void theCmsCitesJointWorkProgrammeHasAllItsActivities() {
        var plan = workPlans.get("JWP-CMS-CITES-2012-2014");
        assertThat(plan.agreementReference()).isEqualTo("CMS-CITES-2002");
        assertThat(plan.periodStartYear()).isEqualTo(2012);
        assertThat(plan.periodEndYear()).isEqualTo(2014);
        var activities = workPlans.activities(plan.reference());
        assertThat(activities).hasSize(31);
        Map<String, Long> perTheme = activities.stream()
                .collect(Collectors.groupingBy(WorkPlanActivity::themeCode, Collectors.counting()));
        assertThat(perTheme).containsExactlyInAnyOrderEntriesOf(Map.of("A", 6L, "B", 18L, "C", 3L, "D", 4L));
        assertThat(activities.get(6).code()).isEqualTo("B1");
        assertThat(activities).filteredOn(a -> a.code().equals("C1")).singleElement()
                .extracting(WorkPlanActivity::timeframe).isEqualTo("Annual and as-required");
        assertThat(activities).filteredOn(a -> a.code().equals("B5")).singleElement()
                .satisfies(b5 -> {
                    assertThat(b5.timeframe()).isEqualTo("Will depend on decisions adopted at CMS CoP10");
                    assertThat(b5.subjectToExternalFunding()).isTrue();
                });
        assertThat(activities).filteredOn(WorkPlanActivity::subjectToExternalFunding)
                .extracting(WorkPlanActivity::code).containsExactly("B1", "B5", "B8", "B10", "B13");
    }

    @Test
    void thePredecessorPlanOf2008To2011CarriesItsStateOfImplementation() {
        var plan = workPlans.get("JWP-CMS-CITES-2008-2011");
        assertThat(plan.status()).isEqualTo(org.cms.partnerships.workplan.WorkPlanStatus.IN_IMPLEMENTATION);
        assertThat(workPlans.get("JWP-CMS-CITES-2012-2014").predecessorReference()).isEqualTo(plan.reference());
        var activities = workPlans.activities(plan.reference());
        assertThat(activities).extracting(WorkPlanActivity::code)
                .containsExactly("A1", "A2", "A3", "A4", "B1", "B2", "B3", "B4", "C1", "C2", "C3", "D1");
        assertThat(activities).filteredOn(a -> a.status() == org.cms.partnerships.workplan.ActivityStatus.COMPLETED)
                .extracting(WorkPlanActivity::code).containsExactly("A2", "B4", "C1");
        assertThat(workPlans.logEntries(plan.reference())).hasSize(14)
                .anySatisfy(e -> assertThat(e.text()).contains("Accra"));
    }

    @Test
    void committeeHasMembersInAllThreeLanguages() {
        var members = committee.all();
        assertThat(members).hasSize(17);
        assertThat(members).extracting(m -> m.preferredLanguage().name()).contains("EN", "FR", "ES");
        assertThat(members).allSatisfy(m -> assertThat(m.email()).endsWith("example.org"));
    }

    @Test
    void loadingAgainAddsNothing() {
        long partnersBefore = partners.count();
        long agreementsBefore = agreements.count();
        assertThat(loader.loadOnce()).isFalse();
        assertThat(partners.count()).isEqualTo(partnersBefore);
        assertThat(agreements.count()).isEqualTo(agreementsBefore);
    }

    private static void assertSupersession(Map<String, Agreement> byReference, String older, String newer) {
        assertThat(byReference.get(older).status()).isEqualTo(AgreementStatus.SUPERSEDED);
        assertThat(byReference.get(older).supersededBy()).isEqualTo(newer);
        assertThat(byReference.get(newer).supersedes()).isEqualTo(older);
    }
}
