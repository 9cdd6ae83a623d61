package org.cms.partnerships.copreport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.cms.partnerships.register.PartnerCategory.*;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Map;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.copreport.Facts.AgreementLine;
import org.cms.partnerships.copreport.Facts.PartnerLine;
import org.cms.partnerships.copreport.Facts.PlanLine;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.annotation.Transactional;

/**
 * The facts as at each seed report's cut-off date are the figures, names and dates that report gives
 * (seeds 000 for COP10, 001 for COP11, 004 for COP12), computed from the register's histories.
 */
@CmsIntegrationTest
class FactsAsAtSeedReportsTest {

    /** The cut-off dates: COP10's report was written after MWN signed (September 2011) and before Ramsar's MoU (November). */
    static final LocalDate COP10_CUT_OFF = LocalDate.of(2011, 9, 30);
    /** COP11: "the current state of activities, as at July 2014" (001, summary). */
    static final LocalDate COP11_CUT_OFF = LocalDate.of(2014, 7, 31);
    /** COP12: dated 24 July 2017, "as at July 2017" (004, summary). */
    static final LocalDate COP12_CUT_OFF = LocalDate.of(2017, 7, 24);

    @Autowired FactsService facts;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;

    @Test
    void cop10ReportThreeNewFormalPartnershipsSinceCop9BringingTheFormalPartnersTo28() {
        Facts f = facts.asOf(COP10_CUT_OFF, null);

        assertThat(f.periodFrom()).isEqualTo(LocalDate.of(2008, 12, 6)); // the day after COP9 (Rome, 1-5 December 2008)
        assertThat(f.formalPartnersTotal()).isEqualTo(28); // 000 §7
        assertThat(f.formalPartnersByCategory()).containsExactlyInAnyOrderEntriesOf(Map.of(MEA, 6, UN_AGENCY_IGO, 9,
                NGO, 10, FOUNDATION, 1, NATIONAL_GOVERNMENTAL, 1, PRIVATE_SECTOR, 1, ACADEMIC, 0));
        assertThat(f.formalPartners()).filteredOn(p -> p.category() == MEA).extracting(PartnerLine::acronym)
                .containsExactly("BERN", "CARTAGENA", "CBD", "CITES", "RAMSAR", "UNCCD"); // 000 §20-40, §114
        assertThat(f.newPartnerships()).extracting(AgreementLine::partnerAcronym, AgreementLine::signedOn)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("BERN", LocalDate.of(2009, 11, 26)), // 000 §36
                        org.assertj.core.groups.Tuple.tuple("FOC", LocalDate.of(2010, 7, 1)),     // 000 §83
                        org.assertj.core.groups.Tuple.tuple("MWN", LocalDate.of(2011, 9, 15)));   // 000 §89
        assertThat(f.renewals()).singleElement().satisfies(r -> {         // 000 §52: IUCN ELC, 2 September 2011
            assertThat(r.reference()).isEqualTo("CMS-IUCN-ELC-2011");
            assertThat(r.supersedes()).isEqualTo("CMS-IUCN-ELC-1996");
            assertThat(r.signedOn()).isEqualTo(LocalDate.of(2011, 9, 2));
        });
        assertThat(f.terminations()).isEmpty();
        assertThat(f.pendingInstruments()).isEmpty();
        // 000 §114: "the Cartagena Convention, ITTO, GBIF, AMMPA, GNF ... has not received the attention it deserved".
        assertThat(f.dormantPartners()).extracting(PartnerLine::acronym)
                .containsExactlyInAnyOrder("CARTAGENA", "ITTO", "GBIF", "AMMPA", "GNF");
        // The CITES/CMS list of joint activities 2008-2011 in August 2011 (002 Annex 1), adopted by StC34 before the period.
        assertThat(f.workPlansInImplementation()).singleElement().satisfies(plan -> {
            assertThat(plan.reference()).isEqualTo("JWP-CMS-CITES-2008-2011");
            assertThat(plan.activitiesByStatus()).containsEntry("IN_PROGRESS", 7).containsEntry("COMPLETED", 3)
                    .containsEntry("NOT_STARTED", 2);
            assertThat(plan.bodies()).singleElement().asString().startsWith("34th meeting of the Standing Committee (Rome, Italy, 30 November 2008)");
        });
        assertThat(f.workPlansAdopted()).isEmpty(); // the plans for 2012-2014 were due before StC38, after the cut-off (000 §24, §30, §34)
        assertThat(f.deFactoCollaborations()).extracting(Facts.DeFacto::acronym)
                .containsExactlyInAnyOrder("FAO", "HSI", "ZSL", "WWF-RU-CA", "ACBK", "SCA", "ZFMK", "LH", "HC"); // 000 §45-48, §88, §95-97, §111
        assertThat(f.committeeEndorsements()).isEmpty();
    }

    @Test
    void cop11ReportRenewedNoaaLetterCaffAndWwfGermanyFriendsOfCmsCeasedAndTheJointWorkPlans() {
        Facts f = facts.asOf(COP11_CUT_OFF, null);

        assertThat(f.periodFrom()).isEqualTo(LocalDate.of(2011, 11, 26)); // since COP10 (Bergen, 20-25 November 2011)
        assertThat(f.newPartnerships()).extracting(AgreementLine::partnerAcronym).containsExactly("CAFF", "WWF-DE"); // 001 §25, §26
        assertThat(f.renewals()).singleElement().satisfies(r -> {          // 001 §15: February 2013
            assertThat(r.reference()).isEqualTo("CMS-NOAA-2013");
            assertThat(r.supersedes()).isEqualTo("CMS-NOAA-2008");
            assertThat(r.signedOn()).isEqualTo(LocalDate.of(2013, 2, 1));
        });
        assertThat(f.terminations()).singleElement().satisfies(t -> {     // 001 §26: ceased operations in 2013
            assertThat(t.partnerAcronym()).isEqualTo("FOC");
            assertThat(t.on().getYear()).isEqualTo(2013);
            assertThat(t.reason()).contains("ceased operations in 2013");
        });
        assertThat(f.formalPartnersTotal()).isEqualTo(29); // 28 - Friends of CMS + CAFF + WWF Germany
        assertThat(f.formalPartnersByCategory()).containsEntry(NGO, 10).containsEntry(UN_AGENCY_IGO, 10);
        // 001 §11: activities pursuant to the JWPs 2012-2014 with CBD and Ramsar; §20c IFAW's simple JWP; §25 CAFF's trilateral one.
        assertThat(f.workPlansInImplementation()).extracting(PlanLine::reference).contains("JWP-CMS-CBD-2012-2014",
                "JWP-CMS-RAMSAR-2012-2014", "JWP-CMS-IFAW-2012-2014", "JWP-CMS-CAFF-2013-2015");
        assertThat(f.workPlansInImplementation()).filteredOn(p -> p.reference().equals("JWP-CMS-CBD-2012-2014"))
                .singleElement().extracting(PlanLine::bodies).asList()
                .containsExactly("38th meeting of the Standing Committee (Bergen, Norway, 19 November 2011)");
        assertThat(f.workPlansAdopted()).extracting(PlanLine::reference)
                .containsExactly("JWP-CMS-IFAW-2012-2014", "JWP-CMS-CAFF-2013-2015");
        assertThat(f.deFactoCollaborations()).extracting(Facts.DeFacto::acronym)
                .contains("PEW", "SSA", "IRENA", "GIZ", "FAO"); // 001 §21-24, §27
        assertThat(f.dormantPartners()).hasSize(5);
        assertThat(f.pendingInstruments()).isEmpty();
    }

    @Test
    void cop12ReportTwoNgosSignedAtStc45IotcPendingAndJointWorkPlansWithCbdAndRamsarEndorsedByStc44() {
        Facts f = facts.asOf(COP12_CUT_OFF, null);

        assertThat(f.periodFrom()).isEqualTo(LocalDate.of(2014, 11, 10)); // since COP11 (Quito, 4-9 November 2014)
        String stc45 = "45th meeting of the Standing Committee (Bonn, Germany, 9-10 November 2016)";
        assertThat(f.newPartnerships()).extracting(AgreementLine::partnerAcronym, AgreementLine::meeting)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple("CBCGDF", stc45),
                        org.assertj.core.groups.Tuple.tuple("OCEANCARE", stc45)); // 004 §22
        String stc44 = "44th meeting of the Standing Committee (Bonn, Germany, 14-15 October 2015)";
        assertThat(f.pendingInstruments()).singleElement().satisfies(p -> { // 004 §21
            assertThat(p.reference()).isEqualTo("CMS-IOTC-2015");
            assertThat(p.status()).isEqualTo(AgreementStatus.AWAITING_PARTNER_APPROVAL.name());
            assertThat(p.endorsedBy()).isEqualTo(stc44);
        });
        assertThat(f.workPlansAdopted()).extracting(PlanLine::reference)  // 004 §16
                .containsExactly("JWP-CMS-CBD-2016-2018", "JWP-CMS-RAMSAR-2016-2018");
        assertThat(f.workPlansAdopted()).allSatisfy(plan -> assertThat(plan.bodies()).containsExactly(stc44));
        assertThat(f.committeeEndorsements()).extracting(Facts.EndorsementLine::subjectReference)
                .containsExactlyInAnyOrder("JWP-CMS-CBD-2016-2018", "JWP-CMS-RAMSAR-2016-2018", "CMS-IOTC-2015");
        assertThat(f.committeeEndorsements()).allSatisfy(e -> assertThat(e.meeting()).isEqualTo(stc44));
        assertThat(f.formalPartnersTotal()).isEqualTo(31);
        assertThat(f.renewals()).isEmpty();
        assertThat(f.terminations()).isEmpty();
    }

    @Test
    @Transactional // rolled back: the register stays as the other tests expect it
    void aSignatureAfterTheCutOffDoesNotChangeTheFigures() {
        Facts before = facts.asOf(COP12_CUT_OFF, null);
        long partner = partners.getByAcronym("HSI").id();
        // Signed on 1 August 2017, after the COP12 report's cut-off and before COP12.
        agreements.create(new AgreementService.NewAgreement("CMS-HSI-2017", partner, InstrumentType.PARTNERSHIP_AGREEMENT,
                        "Partnership agreement between HSI and the CMS Secretariat", null, null, LocalDate.of(2017, 8, 1),
                        null, null, null), AgreementStatus.IN_FORCE, "test", "Signed",
                LocalDate.of(2017, 8, 1).atTime(LocalTime.NOON).atZone(RegisterClock.SECRETARIAT_ZONE).toInstant());

        Facts after = facts.asOf(COP12_CUT_OFF, null);
        assertThat(after.newPartnerships()).isEqualTo(before.newPartnerships()).hasSize(2);
        assertThat(after.formalPartnersTotal()).isEqualTo(before.formalPartnersTotal());
        assertThat(facts.asOf(LocalDate.of(2017, 8, 31), null).newPartnerships())
                .extracting(AgreementLine::reference).contains("CMS-HSI-2017");
    }

    @Test
    void aCutOffBeforeThePeriodStartOrInTheFutureIsRefusedNamingTheField() {
        assertThatThrownBy(() -> facts.asOf(LocalDate.of(2011, 9, 30), LocalDate.of(2012, 1, 1)))
                .isInstanceOf(InvalidInputException.class)
                .hasMessage("from: the period cannot start (2012-01-01) after the cut-off date (2011-09-30)");
        assertThatThrownBy(() -> facts.asOf(RegisterClock.today().plusDays(1), null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("asOf: ");
        assertThatThrownBy(() -> facts.asOf(LocalDate.of(2008, 6, 30), null))
                .isInstanceOf(InvalidInputException.class).hasMessageStartingWith("from: no Conference of the Parties");
    }
}
