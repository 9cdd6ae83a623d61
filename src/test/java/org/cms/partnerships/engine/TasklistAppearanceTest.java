package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * What the webapps serve to the browser, as the browser fetches it: the Camunda 8 migration banner
 * hidden from staff, and Tasklist's dates day-month-year (its own and those of Camunda Forms).
 */
@CmsIntegrationTest
class TasklistAppearanceTest {

    @Autowired TestRestTemplate rest;

    @Test
    void theCamunda8MigrationBannerIsHiddenInTasklistCockpitAndTheWelcomePageButNotInAdmin() {
        for (String app : new String[] {"tasklist", "cockpit", "welcome"}) {
            assertThat(get("/camunda/app/%s/styles/user-styles.css".formatted(app)))
                    .as(app).contains(".ce-eol-banner").contains("display: none");
            // The rule hides what the header really renders: the banner's own class.
            assertThat(get("/camunda/app/%s/camunda-%s-bootstrap.js".formatted(app, app)))
                    .as(app).contains("class=\"ce-eol-banner\"");
        }
        assertThat(get("/camunda/app/admin/styles/user-styles.css")).as("the administrator still sees it")
                .doesNotContain("ce-eol-banner");
    }

    @Test
    void tasklistShowsDatesDayMonthYearAndLoadsTheScriptThatDoesSoInItsForms() {
        String config = get("/camunda/app/tasklist/scripts/config.js");
        assertThat(config).contains("normal: 'D MMMM YYYY, HH:mm'", "long: 'dddd D MMMM YYYY, HH:mm'",
                "customScripts: ['scripts/day-month-year'");
        assertThat(get("/camunda/app/tasklist/scripts/day-month-year.js"))
                .contains("Intl.DateTimeFormat = DayMonthYear", "'en-GB'", "export default");
    }

    private String get(String path) {
        ResponseEntity<String> response = rest.getForEntity(path, String.class);
        assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.OK);
        return response.getBody();
    }
}
