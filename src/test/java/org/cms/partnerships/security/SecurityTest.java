package org.cms.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.cms.partnerships.agreement.suspension.SuspensionProcess;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;

/** Who may see and do what: REST behind authentication, tasks per group, webapps per role. */
@CmsIntegrationTest
class SecurityTest {

    @Autowired TestRestTemplate rest;
    @Autowired SuspensionProcess suspension;
    @Autowired org.camunda.bpm.engine.RuntimeService runtime;
    @Autowired IdentityService identity;
    @Autowired AuthorizationService authorizations;
    @Autowired FilterService filters;

    ProcessInstance executiveSecretaryTask;

    @BeforeEach
    void anExecutiveSecretaryTaskIsOpen() {
        String key = suspension.requestSuspension("CMS-UNCCD-2003", "DISPUTE", "Scope disagreement under review");
        executiveSecretaryTask = runtime.createProcessInstanceQuery().processDefinitionKey(SuspensionProcess.KEY)
                .processInstanceBusinessKey(key).singleResult();
    }

    @AfterEach
    void cleanUp() {
        runtime.deleteProcessInstance(executiveSecretaryTask.getId(), "test clean-up");
    }

    @Test
    void unauthenticatedCallsToBothApisAreRefused() {
        assertThat(rest.getForEntity("/engine-rest/task", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.getForEntity("/api/agreements", String.class).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
        // Wrong passwords are counted per client address (LoginThrottle); two stay well under its limit.
        assertThat(rest.withBasicAuth("paula", "wrong").getForEntity("/api/agreements", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
        assertThat(rest.withBasicAuth("paula", "wrong").getForEntity("/engine-rest/task", String.class).getStatusCode())
                .isEqualTo(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void aPartnershipOfficerDoesNotSeeTheExecutiveSecretarysTask() {
        assertThat(taskIdsVisibleTo("oliver")).doesNotContain(openTaskId());
        assertThat(taskIdsVisibleTo("lena")).doesNotContain(openTaskId());
        assertThat(taskIdsVisibleTo("amina")).contains(openTaskId());
    }

    @Test
    void aManagerSeesEveryTask() {
        assertThat(taskIdsVisibleTo("marc")).contains(openTaskId());
    }

    @Test
    void onlyAdministratorsOpenAdminAndOnlyManagersOpenCockpit() {
        assertThat(webappLogin("oliver", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("marc", "admin")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("admin", "admin")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("oliver", "cockpit")).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(webappLogin("marc", "cockpit")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("oliver", "tasklist")).isEqualTo(HttpStatus.OK);
        assertThat(webappLogin("aewa", "tasklist")).isEqualTo(HttpStatus.OK);
    }

    @Test
    void eachGroupSeesItsTasklistFilters() {
        assertThat(filterNamesFor("oliver")).contains("My tasks", "My group's tasks", "Overdue", "Awaiting partner")
                .doesNotContain("All tasks");
        assertThat(filterNamesFor("lena")).contains("My tasks", "My group's tasks", "Overdue")
                .doesNotContain("Awaiting partner", "All tasks");
        assertThat(filterNamesFor("marc")).contains("My group's tasks", "Overdue", "Awaiting partner", "All tasks");
    }

    @Test
    void theMyGroupsTasksFilterShowsTheExecutiveSecretaryHerTask() {
        Filter filter = filters.createFilterQuery().filterName("My group's tasks").singleResult();
        identity.setAuthentication("amina", List.of(Groups.EXECUTIVE_SECRETARY));
        try {
            assertThat(filters.list(filter.getId())).extracting(t -> ((org.camunda.bpm.engine.task.Task) t).getId())
                    .contains(openTaskId());
        } finally {
            identity.clearAuthentication();
        }
    }

    @Test
    void onlyPartnershipOfficersMayStartProcesses() {
        assertThat(authorizations.isUserAuthorized("oliver", List.of(Groups.PARTNERSHIP_OFFICERS),
                Permissions.CREATE, Resources.PROCESS_INSTANCE)).isTrue();
        assertThat(authorizations.isUserAuthorized("lena", List.of(Groups.LEGAL_OFFICERS),
                Permissions.CREATE, Resources.PROCESS_INSTANCE)).isFalse();
        ResponseEntity<String> refused = rest.withBasicAuth("lena", "lena").postForEntity(
                "/api/agreements/CMS-CIC-2005/suspension",
                new HttpEntity<>("{\"grounds\":\"DISPUTE\",\"reason\":\"Disagreement on the saiga project\"}", json()),
                String.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
    }

    private String openTaskId() {
        return rest.withBasicAuth("admin", "admin")
                .getForObject("/engine-rest/task?processInstanceId=" + executiveSecretaryTask.getId(), JsonNode.class)
                .get(0).get("id").asText();
    }

    private List<String> taskIdsVisibleTo(String user) {
        JsonNode tasks = rest.withBasicAuth(user, user).getForObject("/engine-rest/task", JsonNode.class);
        return tasks.findValuesAsText("id");
    }

    private List<String> filterNamesFor(String user) {
        return rest.withBasicAuth(user, user).getForObject("/engine-rest/filter", JsonNode.class).findValuesAsText("name");
    }

    /**
     * The webapps' own login, as the login page does it: a first request hands out the session and
     * the CSRF token, which the login POST must send back.
     */
    private HttpStatus webappLogin(String user, String app) {
        ResponseEntity<String> first = rest.getForEntity("/camunda/app/" + app + "/", String.class);
        List<String> cookies = first.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE).stream()
                .map(cookie -> cookie.split(";", 2)[0]).toList();
        String csrfToken = cookies.stream().filter(c -> c.startsWith("XSRF-TOKEN=")).findFirst()
                .map(c -> c.substring("XSRF-TOKEN=".length())).orElseThrow();
        var form = new LinkedMultiValueMap<String, String>();
        form.add("username", user);
        form.add("password", user);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
        headers.add("X-XSRF-TOKEN", csrfToken);
        ResponseEntity<String> response = rest.exchange("/camunda/api/admin/auth/user/default/login/" + app,
                HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
        return HttpStatus.valueOf(response.getStatusCode().value());
    }

    private static HttpHeaders json() {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return headers;
    }
}
