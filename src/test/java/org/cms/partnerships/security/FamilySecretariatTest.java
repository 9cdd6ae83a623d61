package org.cms.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess.DraftAction;
import org.cms.partnerships.agreement.AgreementProcess.PartnerChoice;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Each CMS Family secretariat works on its own consultation tasks and reads only what concerns it
 * (issue 9): AEWA and EUROBATS are both consulted on one proposal; neither sees, claims nor completes
 * the other's task on any API, and AEWA reads only the agreements naming it and its own e-mails.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FamilySecretariatTest {

    static final String AEWA_ONLY = "CMS-CAFF-2012";
    static final String NAMES_ASCOBANS_ONLY = "CMS-IFAW-2005";
    static final String NAMES_NO_SECRETARIAT = "CMS-UNCCD-2003";

    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired ProcessDriver driver;
    @Autowired TestRestTemplate rest;

    ProcessInstance proposal;
    String reference;
    Task aewaTask;
    Task eurobatsTask;

    /** Once for the class, in the first test's run (the coverage listener records engine work per test). */
    @BeforeEach
    void aProposalConsultsAewaAndEurobats() {
        if (proposal != null) {
            return;
        }
        Map<String, Object> form = ProcessDriver.values(PARTNER_CHOICE, PartnerChoice.EXISTING, ACRONYM, "MWN",
                INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING,
                TITLE, "Memorandum of understanding on flyways and bat corridors", TERM_START, RegisterClock.today(),
                FAMILY_INSTRUMENTS, List.of("AEWA", "EUROBATS"));
        reference = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(form));
        proposal = driver.instance(KEY, reference);
        engine.getTaskService().complete(driver.task(proposal, TASK_DRAFT).getId(), ProcessDriver.values(
                DRAFT_ACTION, DraftAction.SUBMITTED, DRAFT_URL, "https://docs.cms.int/drafts/mwn-v1", DRAFT_VERSION, "v1",
                TERMS_SUMMARY, "Joint flyway and bat corridor work", CONSULTATION_DEADLINE_DATE,
                RegisterClock.today().plusDays(14)));
        List<Task> consultations = driver.tasks(proposal, TASK_COMMENT_ON_DRAFT);
        aewaTask = consultations.stream().filter(t -> t.getName().contains("(AEWA)")).findFirst().orElseThrow();
        eurobatsTask = consultations.stream().filter(t -> t.getName().contains("(EUROBATS)")).findFirst().orElseThrow();
        // The reminders put an e-mail to each secretariat in the log.
        for (Job reminder : driver.jobs(proposal, CONSULTATION_REMINDER_DUE)) {
            engine.getManagementService().executeJob(reminder.getId());
        }
        for (Job send : driver.jobs(proposal, REMIND_SECRETARIAT)) {
            engine.getManagementService().executeJob(send.getId());
        }
        assertThat(driver.mails(reference, "consultation-reminder")).extracting(Notification::recipientEmail)
                .containsExactlyInAnyOrder("aewa@cms.example.org", "eurobats@cms.example.org");
    }

    // ------------------------------------------------------------------ tasks

    @Test
    void eachSecretariatSeesOnlyItsOwnConsultationTaskThroughTheEngineRestApi() {
        assertThat(visibleTaskIds("aewa")).contains(aewaTask.getId()).doesNotContain(eurobatsTask.getId());
        assertThat(visibleTaskIds("eurobats")).contains(eurobatsTask.getId()).doesNotContain(aewaTask.getId());
        assertThat(visibleTaskIds("ascobans")).doesNotContain(aewaTask.getId(), eurobatsTask.getId());
        assertThat(visibleTaskIds("marc")).contains(aewaTask.getId(), eurobatsTask.getId());
    }

    @Test
    void eachSecretariatSeesOnlyItsOwnTaskInTasklist() {
        WebappSession eurobats = WebappSession.login(rest, "eurobats", "tasklist");
        JsonNode tasks = eurobats.postToEngine("engine/default/task",
                "{\"processInstanceId\": \"" + proposal.getId() + "\"}").getBody();
        assertThat(tasks.findValuesAsText("id")).containsExactly(eurobatsTask.getId());
    }

    /** Last: it completes both consultations. */
    @Test
    @Order(Integer.MAX_VALUE)
    void aSecretariatCannotClaimOrCompleteAnothersTaskButCompletesItsOwn() {
        assertRefused(post("aewa", "/engine-rest/task/" + eurobatsTask.getId() + "/claim", "{\"userId\": \"aewa\"}"));
        assertRefused(post("aewa", "/engine-rest/task/" + eurobatsTask.getId() + "/complete", comments("AEWA answers for EUROBATS")));
        WebappSession aewaInTasklist = WebappSession.login(rest, "aewa", "tasklist");
        assertRefused(aewaInTasklist.postToEngine("engine/default/task/" + eurobatsTask.getId() + "/submit-form",
                comments("AEWA answers for EUROBATS")));
        assertThat(engine.getTaskService().createTaskQuery().taskId(eurobatsTask.getId()).singleResult().getAssignee()).isNull();

        assertThat(post("aewa", "/engine-rest/task/" + aewaTask.getId() + "/claim", "{\"userId\": \"aewa\"}").getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(post("aewa", "/engine-rest/task/" + aewaTask.getId() + "/complete", comments("Include the flyway approach"))
                .getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        WebappSession eurobatsInTasklist = WebappSession.login(rest, "eurobats", "tasklist");
        assertThat(eurobatsInTasklist.postToEngine("engine/default/task/" + eurobatsTask.getId() + "/submit-form",
                comments("Add bat collisions")).getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(rest.withBasicAuth("oliver", "oliver").getForObject("/api/agreements/" + reference, JsonNode.class)
                .get("comments").findValuesAsText("source")).contains("AEWA", "EUROBATS");
    }

    // ------------------------------------------------------------------ register and notification log

    @Test
    void aSecretariatReadsOnlyTheAgreementsNamingIt() {
        List<String> references = agreementReferences("aewa");
        assertThat(references).contains(AEWA_ONLY, "CMS-BERN-2009", reference)
                .doesNotContain(NAMES_ASCOBANS_ONLY, NAMES_NO_SECRETARIAT);
        assertThat(agreementReferences("ascobans")).contains(NAMES_ASCOBANS_ONLY, "CMS-BERN-2009")
                .doesNotContain(AEWA_ONLY, reference);
        assertThat(get("aewa", "/api/agreements/" + AEWA_ONLY).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(get("aewa", "/api/agreements/" + reference).getStatusCode()).isEqualTo(HttpStatus.OK);

        ResponseEntity<String> notNamingAewa = get("aewa", "/api/agreements/" + NAMES_ASCOBANS_ONLY);
        ResponseEntity<String> unknown = get("aewa", "/api/agreements/CMS-NOBODY-1999");
        assertThat(notNamingAewa.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(notNamingAewa.getBody()).isEqualTo(unknown.getBody().replace("CMS-NOBODY-1999", NAMES_ASCOBANS_ONLY));
        assertThat(get("aewa", "/api/agreements/" + NAMES_ASCOBANS_ONLY + "/amendments").getStatusCode())
                .isEqualTo(HttpStatus.NOT_FOUND);

        String csv = get("aewa", "/api/agreements.csv").getBody();
        assertThat(csv).contains(AEWA_ONLY, reference).doesNotContain(NAMES_ASCOBANS_ONLY, NAMES_NO_SECRETARIAT);
    }

    @Test
    void otherGroupsStillReadTheWholeRegister() {
        assertThat(agreementReferences("oliver")).contains(AEWA_ONLY, NAMES_ASCOBANS_ONLY, NAMES_NO_SECRETARIAT, reference);
        assertThat(agreementReferences("marc")).contains(AEWA_ONLY, NAMES_ASCOBANS_ONLY, NAMES_NO_SECRETARIAT);
        assertThat(get("lena", "/api/agreements/" + NAMES_NO_SECRETARIAT).getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(notificationsOf("oliver", reference)).extracting(Notification::recipientEmail)
                .contains("aewa@cms.example.org", "eurobats@cms.example.org");
    }

    @Test
    void aSecretariatReadsOnlyItsOwnNotificationsAboutItsAgreements() {
        assertThat(notificationsOf("aewa", reference)).isNotEmpty()
                .allSatisfy(n -> assertThat(n.recipientEmail()).isEqualTo("aewa@cms.example.org"));
        List<String> aewasAgreements = agreementReferences("aewa");
        assertThat(notificationsOf("aewa", null)).isNotEmpty().allSatisfy(n -> {
            assertThat(n.recipientEmail()).isEqualTo("aewa@cms.example.org");
            assertThat(aewasAgreements).contains(n.subjectReference());
        });

        Notification toEurobats = driver.mails(reference, "consultation-reminder").stream()
                .filter(n -> n.recipientEmail().equals("eurobats@cms.example.org")).findFirst().orElseThrow();
        assertThat(get("aewa", "/api/notifications/" + toEurobats.id()).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(get("eurobats", "/api/notifications/" + toEurobats.id()).getStatusCode()).isEqualTo(HttpStatus.OK);

        String page = get("aewa", "/notifications").getBody();
        assertThat(page).contains("aewa@cms.example.org").doesNotContain("eurobats@cms.example.org")
                .doesNotContain("@mwn.example.org");
        assertThat(get("oliver", "/notifications").getBody()).contains("eurobats@cms.example.org");
    }

    // ------------------------------------------------------------------ helpers

    private List<String> visibleTaskIds(String user) {
        return rest.withBasicAuth(user, user).getForObject("/engine-rest/task?processInstanceId=" + proposal.getId(),
                JsonNode.class).findValuesAsText("id");
    }

    private List<String> agreementReferences(String user) {
        return rest.withBasicAuth(user, user).getForObject("/api/agreements", JsonNode.class).findValuesAsText("reference");
    }

    private List<Notification> notificationsOf(String user, String subjectReference) {
        return List.of(rest.withBasicAuth(user, user).getForObject("/api/notifications"
                + (subjectReference == null ? "" : "?reference=" + subjectReference), Notification[].class));
    }

    private ResponseEntity<String> get(String user, String path) {
        return rest.withBasicAuth(user, user).getForEntity(path, String.class);
    }

    private ResponseEntity<String> post(String user, String path, String json) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return rest.withBasicAuth(user, user).postForEntity(path, new HttpEntity<>(json, headers), String.class);
    }

    private static String comments(String text) {
        return "{\"variables\": {\"" + CONSULTATION_COMMENTS.name() + "\": {\"value\": \"" + text + "\"}}}";
    }

    private static void assertRefused(ResponseEntity<?> response) {
        assertThat(response.getStatusCode().value()).as("refused by the engine: %s", response.getBody()).isIn(403, 404);
    }
}
