package org.cms.partnerships.agreement;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.PartnerCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The routing table as managers edit it: every combination of category, instrument and supersession
 * matches exactly one rule (hit policy UNIQUE fails on two), and the rules say what DOMAIN.md asks.
 */
class AgreementRouteTest {

    static DmnDecision route;
    static DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("processes/agreement-route.dmn")) {
            route = dmn.parseDecision(AgreementProcess.DECISION_ROUTE, in);
        }
    }

    @Test
    void everyProposalMatchesExactlyOneRule() {
        for (PartnerCategory category : PartnerCategory.values()) {
            for (InstrumentType instrument : InstrumentType.values()) {
                for (boolean supersedes : new boolean[] {true, false}) {
                    DmnDecisionTableResult result = evaluate(category, instrument, supersedes);
                    assertThat(result).as("%s / %s / supersedes %s", category, instrument, supersedes).hasSize(1);
                    assertThat(result.getSingleResult().getEntryMap()).containsOnlyKeys("dueDiligence",
                            "familyConsultation", "legalReview", "standingCommittee");
                }
            }
        }
    }

    @Test
    void privateSectorPartnersGoThroughDueDiligence() {
        assertThat(evaluate(PartnerCategory.PRIVATE_SECTOR, InstrumentType.PARTNERSHIP_AGREEMENT, false)
                .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "dueDiligence", true, "familyConsultation", true, "legalReview", true, "standingCommittee", false));
    }

    @Test
    void agreementsWithConventionsAndIntergovernmentalBodiesGoToTheStandingCommittee() {
        for (PartnerCategory category : new PartnerCategory[] {PartnerCategory.MEA, PartnerCategory.UN_AGENCY_IGO}) {
            assertThat(evaluate(category, InstrumentType.MEMORANDUM_OF_COOPERATION, true).getSingleResult().getEntryMap())
                    .containsEntry("standingCommittee", true).containsEntry("dueDiligence", false);
        }
    }

    @Test
    void aRenewedLetterOfCooperationNeedsOnlyClearance() {
        assertThat(evaluate(PartnerCategory.NATIONAL_GOVERNMENTAL, InstrumentType.LETTER_OF_COOPERATION, true)
                .getSingleResult().getEntryMap()).containsExactlyInAnyOrderEntriesOf(Map.of(
                "dueDiligence", false, "familyConsultation", false, "legalReview", false, "standingCommittee", false));
        assertThat(evaluate(PartnerCategory.NGO, InstrumentType.LETTER_OF_COOPERATION, false)
                .getSingleResult().getEntryMap()).containsEntry("legalReview", true);
    }

    private static DmnDecisionTableResult evaluate(PartnerCategory category, InstrumentType instrument, boolean supersedes) {
        return dmn.evaluateDecisionTable(route, ProcessValues.of(AgreementProcess.PARTNER_CATEGORY, category)
                .and(AgreementProcess.INSTRUMENT_TYPE, instrument).and(AgreementProcess.SUPERSEDES_FLAG, supersedes).asMap());
    }
}
