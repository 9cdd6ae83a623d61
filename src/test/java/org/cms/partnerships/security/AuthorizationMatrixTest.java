package org.cms.partnerships.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cms.partnerships.agreement.AgreementProcess.*;
import static org.cms.partnerships.agreement.AgreementVariables.ACRONYM;
import static org.cms.partnerships.agreement.AgreementVariables.TITLE;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess.DraftAction;
import org.cms.partnerships.agreement.AgreementProcess.PartnerChoice;
import org.cms.partnerships.agreement.suspension.SuspensionProcess;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Who may do what, as a matrix of user (one per group) × action: every endpoint of {@code /api} and the
 * key task actions on both engine APIs. An allowed cell passes the grant (its answer may still be a 400
 * or 404 for the deliberately empty or unknown input each action sends, so nothing is changed); a
 * refused cell gets the action's refusal: 403 for a write, 404 for a record the user may not read, and
 * for tasks the engine's 403/404 or our own 403. The matrix is printed at the end.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    static final List<String> USERS = List.of("oliver", "lena", "amina", "aewa", "eurobats", "marc", "admin");
    static final Set<String> EVERYONE = Set.copyOf(USERS);
    static final Set<String> OFFICERS = Set.of("oliver", "admin");
    static final Set<String> OFFICERS_AND_MANAGERS = Set.of("oliver", "marc", "admin");
    /** Staff: everyone but the Family secretariats. */
    static final Set<String> STAFF = Set.of("oliver", "lena", "amina", "marc", "admin");
    static final Set<String> STAFF_AND_AEWA = Set.of("oliver", "lena", "amina", "aewa", "marc", "admin");
    static final Set<Integer> READ_REFUSAL = Set.of(404);
    static final Set<Integer> TASK_REFUSAL = Set.of(403, 404);
    static final String NO_SECRETARIAT = "CMS-UNCCD-2003";
    static final String NAMES_AEWA = "CMS-CAFF-2012";

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired SuspensionProcess suspension;
    @Autowired ProcessDriver driver;
    @Autowired NotificationLog notifications;
    @Autowired org.cms.partnerships.register.AgreementService register;
    @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc;

    /** The open tasks the task actions aim at, by name. */
    final Map<String, String> taskIds = new LinkedHashMap<>();
    /** What each cell answered, for the printed matrix. */
    final Map<String, Map<String, Integer>> answers = new LinkedHashMap<>();
    long mailToAPartner;
    final List<String> proposals = new ArrayList<>();
    String suspensionKey;

    /** One cell per user: what the action sends, whom it allows and how it refuses the others. */
    record Action(String name, HttpMethod method, String path, String body, MediaType type, Set<String> allowed,
                  Set<Integer> refusedWith, boolean webapp) {

        static Action read(String path, Set<String> allowed) {
            return new Action("GET " + path, HttpMethod.GET, path, null, null, allowed, READ_REFUSAL, false);
        }

        static Action write(HttpMethod method, String path, String json, Set<String> allowed) {
            return new Action(method + " " + path, method, path, json, MediaType.APPLICATION_JSON, allowed,
                    Set.of(403), false);
        }

        static Action task(String name, String path, String json, Set<String> allowed, boolean webapp) {
            return new Action(name, HttpMethod.POST, path, json, MediaType.APPLICATION_JSON, allowed, TASK_REFUSAL, webapp);
        }

        @Override
        public String toString() {
            return name;
        }
    }

    Stream<Action> actions() {
        String empty = "{\"variables\": {}}";
        return Stream.of(
                // reads: everyone signed in; a Family secretariat only what concerns it
                Action.read("/api/agreements", EVERYONE),
                Action.read("/api/agreements.csv", EVERYONE),
                Action.read("/api/agreements/" + NAMES_AEWA, STAFF_AND_AEWA),
                Action.read("/api/agreements/" + NO_SECRETARIAT, STAFF),
                Action.read("/api/agreements/" + NO_SECRETARIAT + "/amendments", STAFF),
                Action.read("/api/partners", EVERYONE),
                Action.read("/api/partners/CAFF", STAFF_AND_AEWA),
                Action.read("/api/partners/UNCCD", STAFF),
                Action.read("/api/work-plans", EVERYONE),
                Action.read("/api/work-plans/JWP-CMS-CITES-2012-2014", STAFF),
                Action.read("/api/work-plans/JWP-CMS-CITES-2008-2011/report.html", STAFF),
                Action.read("/api/work-plans/JWP-CMS-CITES-2008-2011/report.odt", STAFF),
                Action.read("/api/endorsements?subject=" + NO_SECRETARIAT, EVERYONE),
                Action.read("/api/committee-members", EVERYONE),
                Action.read("/api/notifications", EVERYONE),
                Action.read("/api/notifications/{partnerMail}", OFFICERS_AND_MANAGERS),
                Action.read("/notifications", EVERYONE),
                Action.read("/api/demo/clock", EVERYONE),
                // writes: each with input that an allowed caller gets refused or not found, so nothing changes
                Action.write(HttpMethod.POST, "/api/agreements", "{}", OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/withdrawal", "{\"reason\": \"test\"}", OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/partner-decision", "{}", OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/annual-review", null, OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/renewal", null, OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/amendments", "{}", OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/suspension", "{}", OFFICERS),
                Action.write(HttpMethod.POST, "/api/agreements/CMS-NOBODY-1999/termination", "{}", OFFICERS),
                Action.write(HttpMethod.POST, "/api/work-plans/JWP-NOBODY-2000-2001/activities", "[]", OFFICERS_AND_MANAGERS),
                Action.write(HttpMethod.POST, "/api/follow-ups/sweep", null, OFFICERS_AND_MANAGERS),
                Action.write(HttpMethod.POST, "/api/endorsements/999999/objections", "{}", OFFICERS),
                Action.write(HttpMethod.PUT, "/api/demo/clock?date=1990-01-01", null, Set.of("marc", "admin")),
                // tasks: an empty form, which the allowed user's completion refuses (400) and nobody else gets to
                Action.task("complete AEWA's consultation (engine REST)", "/engine-rest/task/{aewaConsultation}/complete",
                        empty, Set.of("aewa"), false),
                Action.task("complete AEWA's consultation (Tasklist)", "engine/default/task/{aewaConsultation}/submit-form",
                        empty, Set.of("aewa"), true),
                Action.task("complete EUROBATS's consultation (engine REST)", "/engine-rest/task/{eurobatsConsultation}/complete",
                        empty, Set.of("eurobats"), false),
                Action.task("complete EUROBATS's consultation (Tasklist)", "engine/default/task/{eurobatsConsultation}/submit-form",
                        empty, Set.of("eurobats"), true),
                Action.task("complete the draft (engine REST)", "/engine-rest/task/{draft}/complete", empty,
                        OFFICERS_AND_MANAGERS, false),
                Action.task("complete the legal review (Tasklist)", "engine/default/task/{legalReview}/submit-form", empty,
                        Set.of("lena", "marc", "admin"), true),
                Action.task("decide a suspension (engine REST)", "/engine-rest/task/{decisionOnSuspension}/complete", empty,
                        Set.of("amina", "marc", "admin"), false));
    }

    @BeforeEach
    void openTasks() {
        if (!taskIds.isEmpty()) {
            return;
        }
        ProcessInstance consulted = proposal("MATRIXA", "Memorandum on flyways and bat corridors (matrix)", InstrumentType.MEMORANDUM_OF_UNDERSTANDING,
                List.of("AEWA", "EUROBATS"));
        submitDraft(consulted);
        for (Task consultation : driver.tasks(consulted, TASK_COMMENT_ON_DRAFT)) {
            taskIds.put(consultation.getName().contains("(AEWA)") ? "aewaConsultation" : "eurobatsConsultation", consultation.getId());
        }
        ProcessInstance drafting = proposal("MATRIXB", "Letter on waterbird counts (matrix)", InstrumentType.LETTER_OF_COOPERATION, List.of());
        taskIds.put("draft", driver.task(drafting, TASK_DRAFT).getId());
        ProcessInstance reviewed = proposal("MATRIXC", "Letter on shorebird monitoring (matrix)", InstrumentType.LETTER_OF_COOPERATION, List.of());
        submitDraft(reviewed);
        taskIds.put("legalReview", driver.task(reviewed, TASK_LEGAL_REVIEW).getId());
        suspensionKey = suspension.requestSuspension("CMS-WDCS-2005", "DISPUTE",
                "Scope disagreement under review (matrix)");
        taskIds.put("decisionOnSuspension", engine.getTaskService().createTaskQuery().processInstanceBusinessKey(suspensionKey)
                .singleResult().getId());
        // An e-mail to a partner's focal point, as the partner approval request would log it.
        jdbc.sql("""
                INSERT INTO notification_log (dedup_key, template, subject_reference, recipient_name, recipient_email,
                    language, subject, body, status, attempts, created_at)
                VALUES ('matrix-partner-mail', 'partner-approval-request', 'CMS-MWN-2011', 'Grace Lee',
                    'grace.lee@mwn.example.org', 'EN', 'Approval', 'Dear Grace', 'RENDERED', 1, CURRENT_TIMESTAMP)""").update();
        mailToAPartner = notifications.search(null, null, null, 1000).stream()
                .filter(n -> "grace.lee@mwn.example.org".equals(n.recipientEmail())).map(Notification::id).findFirst().orElseThrow();
    }

    @AfterAll
    void printTheMatrixAndCloseWhatWasOpened() {
        StringBuilder table = new StringBuilder("\nAuthorization matrix (status per user; * = allowed)\n");
        table.append("%-70s".formatted("action"));
        USERS.forEach(u -> table.append("%10s".formatted(u)));
        table.append('\n');
        answers.forEach((action, byUser) -> {
            table.append("%-70s".formatted(action.length() > 69 ? action.substring(0, 69) : action));
            USERS.forEach(u -> table.append("%10s".formatted(byUser.getOrDefault(u, 0) + (allowedIn(action, u) ? "*" : ""))));
            table.append('\n');
        });
        System.out.println(table);
        // Withdrawn and declined as users would, so the register and the engine agree for the tests after.
        for (String reference : List.of(proposals.toArray(new String[0]))) {
            driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> {
                lifecycle.withdraw(reference, "Authorization matrix done");
                return null;
            });
        }
        engine.getRuntimeService().createProcessInstanceQuery().processInstanceBusinessKey(suspensionKey).list()
                .forEach(pi -> engine.getRuntimeService().deleteProcessInstance(pi.getId(), "authorization matrix done"));
    }

    private boolean allowedIn(String action, String user) {
        return actions().filter(a -> a.name().equals(action)).findFirst().map(a -> a.allowed().contains(user)).orElse(false);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("actions")
    void eachGroupIsAllowedOrRefused(Action action) {
        Map<String, Integer> byUser = new LinkedHashMap<>();
        List<String> wrong = new ArrayList<>();
        for (String user : USERS) {
            ResponseEntity<String> answer = call(action, user);
            int status = answer.getStatusCode().value();
            byUser.put(user, status);
            boolean allowed = action.allowed().contains(user);
            boolean ok = allowed ? status != 401 && !action.refusedWith().contains(status) && status < 500
                    : action.refusedWith().contains(status);
            if (!ok) {
                wrong.add("%s got %d (%s): %s".formatted(user, status, allowed ? "should pass" : "should be refused",
                        answer.getBody()));
            }
        }
        answers.put(action.name(), byUser);
        assertThat(wrong).as(action.name()).isEmpty();
    }

    // ------------------------------------------------------------------ what the allowed cells read

    @ParameterizedTest(name = "{0} reads only the notifications addressed to them")
    @MethodSource("limitedReaders")
    void whoDoesNotFollowUpEmailsReadsOnlyTheirOwn(String user, String address) {
        JsonNode lines = rest.withBasicAuth(user, user).getForObject("/api/notifications?limit=1000", JsonNode.class);
        assertThat(lines.findValuesAsText("recipientEmail")).allMatch(address::equalsIgnoreCase);
        assertThat(rest.withBasicAuth(user, user).getForObject("/notifications", String.class))
                .doesNotContain("@mwn.example.org", "@caff.example.org");
    }

    Stream<org.junit.jupiter.params.provider.Arguments> limitedReaders() {
        return Stream.of("lena", "amina", "aewa").map(user -> org.junit.jupiter.params.provider.Arguments.of(user,
                engine.getIdentityService().createUserQuery().userId(user).singleResult().getEmail()));
    }

    @org.junit.jupiter.api.Test
    void aSecretariatReadsThePartnersAndPlansOfItsAgreementsAndOnlyItsOwnComments() {
        List<String> partners = get("aewa", "/api/partners").findValuesAsText("acronym");
        assertThat(partners).contains("CAFF").doesNotContain("UNCCD", "CITES");
        assertThat(get("aewa", "/api/work-plans").findValuesAsText("reference")).doesNotContain("JWP-CMS-CITES-2012-2014");
        assertThat(get("oliver", "/api/work-plans").findValuesAsText("reference")).contains("JWP-CMS-CITES-2012-2014");
        // Legal officers and the Executive Secretary read every comment of an agreement, a secretariat its own.
        String consulted = engine.getRuntimeService().createProcessInstanceQuery()
                .processInstanceId(engine.getTaskService().createTaskQuery().taskId(taskIds.get("aewaConsultation"))
                        .singleResult().getProcessInstanceId()).singleResult().getBusinessKey();
        register.addComment(consulted, "CONSULTATION", "EUROBATS", "eurobats", "Bats first (matrix)");
        register.addComment(consulted, "CONSULTATION", "AEWA", "aewa", "Waterbirds first (matrix)");
        register.addComment(consulted, "LEGAL_REVIEW", "Legal", "lena", "Internal: liability clause (matrix)");
        assertThat(get("aewa", "/api/agreements/" + consulted).get("comments").findValuesAsText("text"))
                .contains("Waterbirds first (matrix)").doesNotContain("Bats first (matrix)", "Internal: liability clause (matrix)");
        assertThat(get("lena", "/api/agreements/" + consulted).get("comments").findValuesAsText("text"))
                .contains("Waterbirds first (matrix)", "Bats first (matrix)", "Internal: liability clause (matrix)");
        // Addresses are for those who send e-mails.
        assertThat(get("aewa", "/api/partners/CAFF").findValuesAsText("email")).isEmpty();
        assertThat(get("oliver", "/api/partners/CAFF").findValuesAsText("email")).isNotEmpty();
        assertThat(get("lena", "/api/committee-members").findValuesAsText("email")).isEmpty();
        assertThat(get("marc", "/api/committee-members").findValuesAsText("email")).isNotEmpty();
    }

    /** Neither a form that renames the consulted secretariat nor a manager answers for EUROBATS, on either engine API. */
    @org.junit.jupiter.api.Test
    void nobodyIsRecordedAsAnsweringForEurobatsButEurobats() {
        String aewaTask = taskIds.get("aewaConsultation");
        String reference = engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(engine.getTaskService()
                .createTaskQuery().taskId(aewaTask).singleResult().getProcessInstanceId()).singleResult().getBusinessKey();
        String renamed = """
                {"variables": {"%s": {"value": "Bats are fine"}, "%s": {"value": "EUROBATS"}}}"""
                .formatted(CONSULTATION_COMMENTS.name(), CONSULTED_SECRETARIAT.name());
        ResponseEntity<String> byRest = exchange("aewa", HttpMethod.POST, "/engine-rest/task/" + aewaTask + "/complete", renamed);
        ResponseEntity<JsonNode> inTasklist = WebappSession.login(rest, "aewa", "tasklist")
                .postToEngine("engine/default/task/" + aewaTask + "/submit-form", renamed);
        assertThat(byRest.getStatusCode().value()).isEqualTo(400);
        assertThat(inTasklist.getStatusCode().value()).isEqualTo(400);
        assertThat(byRest.getBody()).contains("consulted secretariat").doesNotContain("Exception:", "ENGINE-");

        // A task-local value of the same name, set first and then completed, is refused the same way.
        assertThat(exchange("aewa", HttpMethod.PUT, "/engine-rest/task/" + aewaTask + "/localVariables/" + CONSULTED_SECRETARIAT.name(),
                "{\"value\": \"EUROBATS\", \"type\": \"String\"}").getStatusCode().value()).isEqualTo(204);
        assertThat(exchange("aewa", HttpMethod.POST, "/engine-rest/task/" + aewaTask + "/complete",
                "{\"variables\": {\"%s\": {\"value\": \"Bats are fine\"}}}".formatted(CONSULTATION_COMMENTS.name()))
                .getStatusCode().value()).isEqualTo(400);
        exchange("aewa", HttpMethod.DELETE, "/engine-rest/task/" + aewaTask + "/localVariables/" + CONSULTED_SECRETARIAT.name(), null);

        // A manager may complete staff tasks, not answer for a secretariat.
        ResponseEntity<String> byManager = exchange("marc", HttpMethod.POST, "/engine-rest/task/" + taskIds.get("eurobatsConsultation")
                + "/complete", "{\"variables\": {\"%s\": {\"value\": \"Bats are fine\"}}}".formatted(CONSULTATION_COMMENTS.name()));
        assertThat(byManager.getStatusCode().value()).isEqualTo(403);
        assertThat(byManager.getBody()).contains("Only the EUROBATS Secretariat answers its consultation");

        assertThat(register.comments(reference)).noneMatch(c -> "EUROBATS".equals(c.source()) && !"eurobats".equals(c.author()));
        assertThat(engine.getTaskService().createTaskQuery().taskId(aewaTask).count()).isEqualTo(1);
    }

    @org.junit.jupiter.api.Test
    void theSweepOnDemandRunsForAnOfficerAndStartsNothingBeforeAnythingIsDue() {
        ClockUtil.setCurrentTime(RegisterClock.at(LocalDate.of(1990, 1, 2), ProcessDriver.OFFICE_HOURS));
        try {
            ResponseEntity<String> swept = exchange("oliver", HttpMethod.POST, "/api/follow-ups/sweep", null);
            assertThat(swept.getStatusCode().value()).isEqualTo(200);
            assertThat(swept.getBody()).contains("\"reviewsStarted\":[]", "\"renewalsStarted\":[]");
        } finally {
            ClockUtil.reset();
        }
    }

    // ------------------------------------------------------------------ helpers

    private ResponseEntity<String> call(Action action, String user) {
        String path = action.path().replace("{partnerMail}", String.valueOf(mailToAPartner));
        for (Map.Entry<String, String> task : taskIds.entrySet()) {
            path = path.replace("{" + task.getKey() + "}", task.getValue());
        }
        boolean sweep = action.path().equals("/api/follow-ups/sweep");
        if (sweep) {
            // Before anything is due: an allowed sweep starts nothing the other tests would meet.
            ClockUtil.setCurrentTime(RegisterClock.at(LocalDate.of(1990, 1, 2), ProcessDriver.OFFICE_HOURS));
        }
        try {
            if (action.webapp()) {
                ResponseEntity<JsonNode> answer = WebappSession.login(rest, user, "tasklist").postToEngine(path, action.body());
                return ResponseEntity.status(answer.getStatusCode()).body(String.valueOf(answer.getBody()));
            }
            return exchange(user, action.method(), path, action.body());
        } finally {
            if (sweep || action.method() == HttpMethod.PUT) {
                ClockUtil.reset();
            }
        }
    }

    private ResponseEntity<String> exchange(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        if (body != null) {
            headers.setContentType(MediaType.APPLICATION_JSON);
        }
        return rest.withBasicAuth(user, user).exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private JsonNode get(String user, String path) {
        return rest.withBasicAuth(user, user).getForObject(path, JsonNode.class);
    }

    private ProcessInstance proposal(String partner, String title, InstrumentType instrument, List<String> secretariats) {
        // A partner of its own (new), so that no other test meets these proposals.
        Map<String, Object> form = ProcessDriver.values(PARTNER_CHOICE, PartnerChoice.NEW, ACRONYM, partner,
                NEW_PARTNER_NAME, "Authorization matrix partner " + partner,
                NEW_PARTNER_CATEGORY, org.cms.partnerships.register.PartnerCategory.NGO,
                INSTRUMENT_TYPE, instrument, TITLE, title, TERM_START, RegisterClock.today(), FAMILY_INSTRUMENTS, secretariats);
        String reference = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(form));
        proposals.add(reference);
        return driver.instance(KEY, reference);
    }

    private void submitDraft(ProcessInstance proposal) {
        engine.getTaskService().complete(driver.task(proposal, TASK_DRAFT).getId(), ProcessDriver.values(
                DRAFT_ACTION, DraftAction.SUBMITTED, DRAFT_URL, "https://docs.cms.int/drafts/matrix", DRAFT_VERSION, "v1",
                TERMS_SUMMARY, "Matrix terms", CONSULTATION_DEADLINE_DATE, RegisterClock.today().plusDays(14)));
    }
}
