package org.cms.partnerships.register;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** The register's read API as a client uses it, on the demo register. */
@CmsIntegrationTest
@Order(2) // reads the demo register as loaded: runs before the process tests change it
class RegisterApiTest {

    @Autowired TestRestTemplate anonymous;
    TestRestTemplate rest;

    @BeforeEach
    void asAPartnershipOfficer() {
        rest = anonymous.withBasicAuth("oliver", "oliver");
    }

    @Test
    void filtersAgreementsByStatus() {
        assertThat(references("/api/agreements?status=SUPERSEDED"))
                .containsExactly("CMS-IUCN-ELC-1996", "CMS-NOAA-2008", "CMS-RAMSAR-1997", "CMS-WAZA-2006");
    }

    @Test
    void filtersAgreementsByCategoryInstrumentPartnerAndText() {
        assertThat(references("/api/agreements?category=PRIVATE_SECTOR")).containsExactly("CMS-TUI-2005");
        assertThat(references("/api/agreements?instrumentType=LETTER_OF_COOPERATION"))
                .containsExactly("CMS-NOAA-2008", "CMS-NOAA-2013");
        assertThat(references("/api/agreements?partner=iucn-elc"))
                .containsExactly("CMS-IUCN-ELC-1996", "CMS-IUCN-ELC-2011");
        assertThat(references("/api/agreements?q=ocean noise")).containsExactly("CMS-OCEANCARE-2016");
        assertThat(references("/api/agreements?category=MEA&status=IN_FORCE"))
                .containsExactly("CMS-BERN-2009", "CMS-CBD-1996", "CMS-CITES-2002", "CMS-RAMSAR-2011", "CMS-UNCCD-2003");
    }

    @Test
    void oneAgreementComesWithItsHistory() {
        JsonNode detail = rest.getForObject("/api/agreements/CMS-NOAA-2008", JsonNode.class);
        assertThat(detail.at("/agreement/partnerAcronym").asText()).isEqualTo("NOAA");
        assertThat(detail.at("/agreement/supersededBy").asText()).isEqualTo("CMS-NOAA-2013");
        assertThat(detail.get("history").findValuesAsText("toStatus")).containsExactly("IN_FORCE", "SUPERSEDED");
        assertThat(detail.at("/history/1/reason").asText()).isEqualTo("Superseded by CMS-NOAA-2013");
    }

    @Test
    void filtersPartnersAndShowsFocalPoints() {
        JsonNode deFacto = rest.getForObject("/api/partners?deFacto=true&category=PRIVATE_SECTOR", JsonNode.class);
        assertThat(deFacto.findValuesAsText("acronym")).containsExactly("HC", "LH");
        JsonNode cites = rest.getForObject("/api/partners/cites", JsonNode.class);
        assertThat(cites.at("/focalPoints/0/preferredLanguage").asText()).isEqualTo("FR");
        assertThat(cites.get("agreements").findValuesAsText("reference")).containsExactly("CMS-CITES-2002");
    }

    @Test
    void badParametersGetA400SayingWhatIsAllowed() {
        ResponseEntity<JsonNode> status = rest.getForEntity("/api/agreements?status=SIGNED", JsonNode.class);
        assertThat(status.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(status.getBody().get("detail").asText())
                .contains("Parameter 'status' has an invalid value 'SIGNED'", "IN_FORCE", "SUPERSEDED");

        ResponseEntity<JsonNode> category = rest.getForEntity("/api/partners?category=COMPANY", JsonNode.class);
        assertThat(category.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(category.getBody().get("detail").asText()).contains("PRIVATE_SECTOR");

        ResponseEntity<JsonNode> flag = rest.getForEntity("/api/partners?deFacto=maybe", JsonNode.class);
        assertThat(flag.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(flag.getBody().get("detail").asText()).contains("deFacto", "true or false").doesNotContain("Boolean");
    }

    @Test
    void unknownIdsGetA404() {
        ResponseEntity<JsonNode> agreement = rest.getForEntity("/api/agreements/CMS-NOBODY-1999", JsonNode.class);
        assertThat(agreement.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(agreement.getBody().get("detail").asText()).isEqualTo("No agreement with reference CMS-NOBODY-1999");
        assertThat(rest.getForEntity("/api/partners/NOBODY", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(rest.getForEntity("/api/work-plans/JWP-NONE", JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void exportsTheFilteredAgreementsAsCsv() {
        ResponseEntity<String> csv = rest.getForEntity("/api/agreements.csv?partner=NOAA", String.class);
        assertThat(csv.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(csv.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(csv.getHeaders().getContentDisposition().getFilename()).isEqualTo("agreements.csv");
        List<String> lines = csv.getBody().lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(0)).isEqualTo("reference,partner,partnerName,category,instrumentType,title,status,"
                + "signedOn,expiresOn,nextReviewOn,supersedes,supersededBy");
        assertThat(lines.get(1)).startsWith("CMS-NOAA-2008,NOAA,\"National Oceanic and Atmospheric Administration")
                .contains(",NATIONAL_GOVERNMENTAL,LETTER_OF_COOPERATION,", ",SUPERSEDED,2008-07-01,")
                .endsWith(",CMS-NOAA-2013");
        assertThat(lines.get(2)).startsWith("CMS-NOAA-2013,").contains(",IN_FORCE,2013-02-01,")
                .endsWith(",CMS-NOAA-2008,");
    }

    @Test
    void workPlansAndCommitteeAreReadable() {
        JsonNode plan = rest.getForObject("/api/work-plans/JWP-CMS-CITES-2012-2014", JsonNode.class);
        assertThat(plan.get("activities")).hasSize(31);
        assertThat(rest.getForObject("/api/committee-members", JsonNode.class)).hasSize(17);
    }

    private List<String> references(String url) {
        ResponseEntity<JsonNode> response = rest.getForEntity(url, JsonNode.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        return response.getBody().findValuesAsText("reference");
    }
}
