package org.cms.partnerships.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/** What an operator and a manager see of the running application: a probe for anyone, health and metrics for managers. */
@CmsIntegrationTest
class OperationsEndpointsTest {

    @Autowired TestRestTemplate rest;

    @Test
    void theLivenessProbeIsOpenAndSaysOnlyWhetherTheNodeIsUp() {
        ResponseEntity<String> live = rest.getForEntity("/livez", String.class);
        assertThat(live.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(live.getBody()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(rest.getForEntity("/readyz", String.class).getStatusCode()).isEqualTo(HttpStatus.OK);
    }

    @Test
    void healthAndMetricsWantAManager() {
        for (String path : new String[] {"/actuator/health", "/actuator/prometheus", "/actuator"}) {
            assertThat(rest.getForEntity(path, String.class).getStatusCode()).as(path).isEqualTo(HttpStatus.UNAUTHORIZED);
            // Not a real user's wrong password: the engine would hold that user's next logins back for a moment.
            assertThat(rest.withBasicAuth("nobody", "wrong").getForEntity(path, String.class).getStatusCode()).as(path)
                    .isEqualTo(HttpStatus.UNAUTHORIZED);
            for (String user : new String[] {"oliver", "lena", "amina", "aewa"}) {
                assertThat(rest.withBasicAuth(user, user).getForEntity(path, String.class).getStatusCode())
                        .as("%s %s", user, path).isEqualTo(HttpStatus.FORBIDDEN);
            }
        }
    }

    @Test
    void aManagerSeesTheHealthOfDatabaseEngineAndIncidents() {
        ResponseEntity<JsonNode> health = rest.withBasicAuth("marc", "marc").getForEntity("/actuator/health", JsonNode.class);
        assertThat(health.getStatusCode()).as(String.valueOf(health.getBody())).isEqualTo(HttpStatus.OK);
        JsonNode components = health.getBody().path("components");
        assertThat(components.path("db").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("processEngine").path("status").asText()).isEqualTo("UP");
        assertThat(components.path("incidents").path("status").asText()).isIn("UP", "WARN");
        assertThat(components.path("incidents").path("details").path("open").isNumber()).isTrue();
    }

    @Test
    void aManagerReadsTheEngineAndRegisterMetricsInPrometheusFormat() {
        ResponseEntity<String> metrics = rest.withBasicAuth("marc", "marc").getForEntity("/actuator/prometheus", String.class);
        assertThat(metrics.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(metrics.getBody()).contains(
                "camunda_jobs{application=\"cms-partnerships\",state=\"executable\"}",
                "camunda_jobs{application=\"cms-partnerships\",state=\"failed\"}",
                "camunda_incidents_open{application=\"cms-partnerships\",type=\"failedJob\"}",
                "camunda_tasks_open{application=\"cms-partnerships\",candidate_group=\"legal-officers\"}",
                "camunda_tasks_open{application=\"cms-partnerships\",candidate_group=\"family-secretariat-aewa\"}",
                "camunda_job_executions_total{application=\"cms-partnerships\",outcome=\"failed\"}",
                "cms_work_plans{application=\"cms-partnerships\",status=\"IN_IMPLEMENTATION\"}",
                "cms_notifications{application=\"cms-partnerships\",status=\"RENDERED\"}",
                "hikaricp_connections_active");
        assertThat(metrics.getBody()).containsPattern("cms_agreements\\{application=\"cms-partnerships\",status=\"IN_FORCE\"} [1-9]");
    }
}
