package org.cms.partnerships.agreement.amendment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnDecisionTableResult;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.cms.partnerships.register.PartnerCategory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The amendment routing table as managers edit it, without Spring: every amendment type with every
 * partner category matches exactly one rule (hit policy UNIQUE fails on two, none gives no result)
 * and gives the approvals of the README's "amendment-route (hit policy UNIQUE)" table. A new
 * {@link Amendment.Type} does not compile here until its route is stated; a new
 * {@link PartnerCategory} is evaluated against the table's "any other" rows.
 */
class AmendmentRouteTest {

    static DmnDecision route;
    static DmnEngine dmn = DmnEngineConfiguration.createDefaultDmnEngineConfiguration().buildEngine();

    @BeforeAll
    static void parse() throws IOException {
        try (InputStream in = new FileInputStream("processes/amendment-route.dmn")) {
            route = dmn.parseDecision(AmendmentProcess.ROUTE, in);
        }
    }

    /** The README's table: legal review, Executive Secretary, Standing Committee. */
    static Map<String, Object> expected(Amendment.Type type, PartnerCategory category) {
        boolean conventionOrIgo = category == PartnerCategory.MEA || category == PartnerCategory.UN_AGENCY_IGO;
        return switch (type) {
            case ADMINISTRATIVE_CORRECTION -> route(true, false, false);
            case CHANGE_OF_FOCAL_POINTS -> route(false, false, false);
            case CHANGE_OF_SCOPE -> route(true, true, conventionOrIgo);
            case EXTENSION_OF_TERM -> route(true, true, false);
        };
    }

    @Test
    void everyAmendmentMatchesExactlyOneRuleWithTheDocumentedApprovals() {
        for (Amendment.Type type : Amendment.Type.values()) {
            for (PartnerCategory category : PartnerCategory.values()) {
                DmnDecisionTableResult result = evaluate(type, category);
                assertThat(result).as("%s / %s", type, category).hasSize(1);
                assertThat(result.getSingleResult().getEntryMap()).as("%s / %s", type, category)
                        .containsExactlyInAnyOrderEntriesOf(expected(type, category));
            }
        }
    }

    @Test
    void aChangeOfScopeWithAConventionOrAnIntergovernmentalBodyGoesToTheStandingCommittee() {
        assertThat(evaluate(Amendment.Type.CHANGE_OF_SCOPE, PartnerCategory.MEA).getSingleResult().getEntryMap())
                .containsEntry("standingCommittee", true);
        assertThat(evaluate(Amendment.Type.CHANGE_OF_SCOPE, PartnerCategory.UN_AGENCY_IGO).getSingleResult().getEntryMap())
                .containsEntry("standingCommittee", true);
        assertThat(evaluate(Amendment.Type.CHANGE_OF_SCOPE, PartnerCategory.NGO).getSingleResult().getEntryMap())
                .containsEntry("standingCommittee", false).containsEntry("executiveSecretary", true);
    }

    @Test
    void newFocalPointsNeedNoApproval() {
        for (PartnerCategory category : PartnerCategory.values()) {
            assertThat(evaluate(Amendment.Type.CHANGE_OF_FOCAL_POINTS, category).getSingleResult().getEntryMap())
                    .as("%s", category).containsOnly(Map.entry("legalReview", false),
                            Map.entry("executiveSecretary", false), Map.entry("standingCommittee", false));
        }
    }

    @Test
    void anUnknownTypeMatchesNoRule() {
        assertThat(dmn.evaluateDecisionTable(route, Map.of("amendmentType", "NEW_PARTNER",
                "partnerCategory", PartnerCategory.NGO.name()))).isEmpty();
    }

    private static Map<String, Object> route(boolean legalReview, boolean executiveSecretary, boolean standingCommittee) {
        return Map.of("legalReview", legalReview, "executiveSecretary", executiveSecretary,
                "standingCommittee", standingCommittee);
    }

    private static DmnDecisionTableResult evaluate(Amendment.Type type, PartnerCategory category) {
        return dmn.evaluateDecisionTable(route, Map.of("amendmentType", type.name(),
                "partnerCategory", category.name()));
    }
}
