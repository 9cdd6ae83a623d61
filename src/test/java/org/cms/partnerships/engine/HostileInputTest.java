package org.cms.partnerships.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.agreement.AgreementVariables;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessValues;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.cms.partnerships.support.WebappSession;
import org.junit.jupiter.api.AfterAll;
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
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker or a careless script sends, over the register API ({@code /api}), the engine REST API
 * ({@code /engine-rest}) and the webapps' engine API that Tasklist calls ({@code /camunda/api/engine}, with a
 * logged-in session): text longer than its register column or than the engine keeps, NUL characters, unknown
 * choices and languages, wrong JSON types, malformed JSON, {@code null} bodies and values, Java-serialized and
 * unknown-class object variables, wrong-typed variables, a business key over 255 characters, unknown tasks.
 *
 * <p>Every case must be answered below 500; a refusal is a 4xx whose message names the field and the problem in
 * plain words, with no SQL, class names, stack traces or engine ids; the cases marked "refused" must not be
 * accepted; and nothing they sent is stored. The summary line gives the counts.
 */
@CmsIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileInputTest {

    static final ObjectMapper JSON = new ObjectMapper();
    static final String MARK = "HOSTILE-";
    /** What no answer may show: SQL, Java or engine internals. */
    static final Pattern INTERNALS = Pattern.compile(
            "(?i)(\\bselect\\b.*\\bfrom\\b|\\binsert into\\b|\\bupdate\\b.*\\bset\\b|sqlstate|jdbc|org\\.h2|postgres|"
                    + "\\bjava\\.|\\bjavax?\\.|jakarta\\.|org\\.camunda|org\\.springframework|com\\.fasterxml|"
                    + "exception\\b|ENGINE-\\d|\\bat [a-z]+\\.[a-z]+|\\$\\{|constraint|violation|\\[B@|"
                    + "Cannot (submit|complete|instantiate)|Source: )");
    /** Refusals that say nothing. */
    static final List<String> BARE = List.of("bad request", "failed to read request", "not found", "forbidden",
            "unsupported media type", "method not allowed", "");

    enum Channel { API, REST, TASKLIST }

    /**
     * One hostile request. {@code refused}: it must be answered with a 4xx; otherwise any answer below 500 will
     * do (a search for {@code %00} may well find nothing).
     */
    record Case(String name, Channel channel, HttpMethod method, String path, String body, MediaType type,
                String user, boolean refused) {

        @Override
        public String toString() {
            return channel + " " + name;
        }
    }

    @Autowired TestRestTemplate rest;
    @Autowired ProcessEngine engine;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired ProcessDriver driver;
    @Autowired JdbcClient jdbc;

    final AtomicInteger cases = new AtomicInteger();
    final AtomicInteger clientErrors = new AtomicInteger();
    final AtomicInteger serverErrors = new AtomicInteger();
    final AtomicInteger accepted = new AtomicInteger();
    final Map<String, WebappSession> sessions = new LinkedHashMap<>();
    String draftTask;
    String draftInstance;

    // ------------------------------------------------------------------ the cases

    Stream<Case> cases() {
        List<Case> all = new ArrayList<>();
        registerApi(all);
        engineApis(all, Channel.REST);
        engineApis(all, Channel.TASKLIST);
        return all.stream();
    }

    private static void registerApi(List<Case> all) {
        // a proposal: text over its register column, over what the engine keeps, NUL, wrong JSON types
        Map<String, Object> proposal = proposal();
        all.add(api("proposal: title over 500 characters", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), MARK + "x".repeat(500))));
        all.add(api("proposal: title of 4,001 characters", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), MARK + "x".repeat(3993))));
        all.add(api("proposal: title of 100,000 characters", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), MARK + "x".repeat(100_000))));
        all.add(api("proposal: title with a NUL character", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), MARK + "Letter\u0000on bats")));
        all.add(api("proposal: title is a number", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), 42)));
        all.add(api("proposal: title is a boolean", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), true)));
        all.add(api("proposal: title is an array", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), List.of(MARK + "a", "b"))));
        all.add(api("proposal: title is an object", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), Map.of("text", MARK + "x"))));
        all.add(api("proposal: title is null", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.TITLE.name(), null)));
        all.add(api("proposal: unknown instrument type", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.INSTRUMENT_TYPE.name(), "TREATY")));
        all.add(api("proposal: instrument type is a number", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.INSTRUMENT_TYPE.name(), 3)));
        all.add(api("proposal: partner choice MAYBE", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.PARTNER_CHOICE.name(), "MAYBE")));
        all.add(api("proposal: partner acronym over 40 characters", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.ACRONYM.name(), "A".repeat(300))));
        all.add(api("proposal: partner acronym with NUL", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.ACRONYM.name(), "MW\u0000N")));
        all.add(api("proposal: partner acronym is an array", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.ACRONYM.name(), List.of("MWN"))));
        all.add(api("proposal: Family instruments is a number", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.FAMILY_INSTRUMENTS.name(), 7)));
        all.add(api("proposal: Family instruments over 500 characters", "POST", "/api/agreements",
                with(proposal, org.cms.partnerships.agreement.AgreementProcess.FAMILY_INSTRUMENTS.name(), java.util.Collections.nCopies(60, "EUROBATSXX"))));
        all.add(api("proposal: term start not a date", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.TERM_START.name(), "next spring")));
        all.add(api("proposal: term start in year 99999", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.TERM_START.name(), "99999-01-01")));
        all.add(api("proposal: term start is a number", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementProcess.TERM_START.name(), 20270101)));
        all.add(api("proposal: superseded reference over 60 characters", "POST", "/api/agreements", with(proposal, org.cms.partnerships.agreement.AgreementVariables.SUPERSEDED_REFERENCE.name(), "CMS-" + "X".repeat(300))));
        Map<String, Object> newPartner = new LinkedHashMap<>(proposal);
        newPartner.put(org.cms.partnerships.agreement.AgreementProcess.PARTNER_CHOICE.name(), "NEW");
        newPartner.put(org.cms.partnerships.agreement.AgreementVariables.ACRONYM.name(), "HOSTILEP");
        newPartner.put(org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_NAME.name(), "Hostile partner");
        newPartner.put(org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_CATEGORY.name(), "NGO");
        newPartner.put(org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_NAME.name(), "Hostile Person");
        newPartner.put(org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_EMAIL.name(), "hostile@example.org");
        newPartner.put(org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_LANGUAGE.name(), "EN");
        all.add(api("new partner: name over 300 characters", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_NAME.name(), MARK + "n".repeat(300))));
        all.add(api("new partner: headquarters over 200 characters", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_HEADQUARTERS.name(), "h".repeat(201))));
        all.add(api("new partner: website over 300 characters", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_WEBSITE.name(), "https://" + "w".repeat(300) + ".org")));
        all.add(api("new partner: focal point name over 200 characters", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_NAME.name(), "p".repeat(201))));
        all.add(api("new partner: focal point e-mail over 320 characters", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_EMAIL.name(), "a".repeat(320) + "@example.org")));
        all.add(api("new partner: focal point e-mail not an address", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_EMAIL.name(), "not an address")));
        all.add(api("new partner: unknown language", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_LANGUAGE.name(), "KLINGON")));
        all.add(api("new partner: language is a number", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.FOCAL_POINT_LANGUAGE.name(), 1)));
        all.add(api("new partner: unknown category", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_CATEGORY.name(), "PIRATES")));
        all.add(api("new partner: name with NUL", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementProcess.NEW_PARTNER_NAME.name(), "Hostile\u0000partner")));
        all.add(api("new partner: acronym over 40 characters", "POST", "/api/agreements", with(newPartner, org.cms.partnerships.agreement.AgreementVariables.ACRONYM.name(), "P".repeat(41))));
        all.add(api("proposal: body is null", "POST", "/api/agreements", "null"));
        all.add(api("proposal: body is an array", "POST", "/api/agreements", "[]"));
        all.add(api("proposal: body is a string", "POST", "/api/agreements", "\"propose\""));
        all.add(api("proposal: malformed JSON", "POST", "/api/agreements", "{\"agreementTitle\": "));
        all.add(api("proposal: empty body", "POST", "/api/agreements", ""));
        all.add(new Case("proposal: XML body", Channel.API, HttpMethod.POST, "/api/agreements", "<proposal/>", MediaType.APPLICATION_XML, "oliver", true));
        all.add(new Case("proposal: text body", Channel.API, HttpMethod.POST, "/api/agreements", "title=x", MediaType.TEXT_PLAIN, "oliver", true));

        // the other writes
        String unknown = "/api/agreements/CMS-NOBODY-1999";
        all.add(api("withdrawal: reason of 4,001 characters", "POST", "/api/agreements/CMS-CITES-2002/withdrawal", Map.of("reason", "r".repeat(4001))));
        all.add(api("withdrawal: reason is a number", "POST", "/api/agreements/CMS-CITES-2002/withdrawal", Map.of("reason", 5)));
        all.add(api("withdrawal: body is null", "POST", "/api/agreements/CMS-CITES-2002/withdrawal", "null"));
        all.add(api("withdrawal: reason with NUL", "POST", unknown + "/withdrawal", Map.of("reason", "why\u0000not")));
        all.add(api("withdrawal: reference over 255 characters", "POST", "/api/agreements/CMS-" + "X".repeat(300) + "/withdrawal", Map.of("reason", "test")));
        all.add(api("partner decision: MAYBE", "POST", "/api/agreements/CMS-IOTC-2015/partner-decision", Map.of("decision", "MAYBE")));
        all.add(api("partner decision: decision is a number", "POST", "/api/agreements/CMS-IOTC-2015/partner-decision", Map.of("decision", 1)));
        all.add(api("partner decision: date not a date", "POST", "/api/agreements/CMS-IOTC-2015/partner-decision", Map.of("decision", "APPROVED", "date", "soon")));
        all.add(api("partner decision: reason of 4,001 characters", "POST", "/api/agreements/CMS-IOTC-2015/partner-decision", Map.of("decision", "DECLINED", "reason", "r".repeat(4001))));
        all.add(api("partner decision: body is an array", "POST", "/api/agreements/CMS-IOTC-2015/partner-decision", "[1,2]"));
        all.add(api("partner decision: decision is null", "POST", "/api/agreements/CMS-IOTC-2015/partner-decision", with(Map.of(), "decision", null)));
        all.add(api("annual review: reference with NUL", "POST", "/api/agreements/CMS-CITES%002002/annual-review", null));
        all.add(api("annual review: unknown reference", "POST", unknown + "/annual-review", null));
        all.add(api("renewal: reference over 255 characters", "POST", "/api/agreements/" + "R".repeat(300) + "/renewal", null));
        all.add(api("amendment: type MAYBE", "POST", "/api/agreements/CMS-CITES-2002/amendments", Map.of("type", "MAYBE", "description", "Hostile amendment")));
        all.add(api("amendment: description of 4,001 characters", "POST", "/api/agreements/CMS-CITES-2002/amendments", Map.of("type", "CHANGE_OF_SCOPE", "description", "d".repeat(4001))));
        all.add(api("amendment: new end date not a date", "POST", "/api/agreements/CMS-CITES-2002/amendments", Map.of("type", "EXTENSION_OF_TERM", "description", "Hostile extension", org.cms.partnerships.agreement.amendment.AmendmentProcess.NEW_EXPIRES_ON.name(), "never")));
        all.add(api("amendment: description is an object", "POST", "/api/agreements/CMS-CITES-2002/amendments", Map.of("type", "CHANGE_OF_SCOPE", "description", Map.of("a", 1))));
        all.add(api("amendment: body is null", "POST", "/api/agreements/CMS-CITES-2002/amendments", "null"));
        all.add(api("suspension: grounds MAYBE", "POST", "/api/agreements/CMS-CITES-2002/suspension", Map.of("grounds", "MAYBE", "reason", "Hostile reason")));
        all.add(api("suspension: reason with NUL", "POST", "/api/agreements/CMS-CITES-2002/suspension", Map.of("grounds", "DISPUTE", "reason", "Hostile\u0000reason")));
        all.add(api("suspension: reason of 4,001 characters", "POST", "/api/agreements/CMS-CITES-2002/suspension", Map.of("grounds", "DISPUTE", "reason", "r".repeat(4001))));
        all.add(api("suspension: grounds is a boolean", "POST", "/api/agreements/CMS-CITES-2002/suspension", Map.of("grounds", false, "reason", "Hostile reason")));
        all.add(api("termination: grounds MAYBE", "POST", "/api/agreements/CMS-CITES-2002/termination", Map.of("grounds", "MAYBE", "reason", "Hostile reason")));
        all.add(api("termination: effective date not a date", "POST", "/api/agreements/CMS-CITES-2002/termination", Map.of("grounds", "MUTUAL_CONSENT", "reason", "Hostile reason", "effectiveOn", "31/12/2027")));
        all.add(api("termination: reason is an array", "POST", "/api/agreements/CMS-CITES-2002/termination", Map.of("grounds", "MUTUAL_CONSENT", "reason", List.of(1, 2))));
        all.add(api("termination: malformed JSON", "POST", "/api/agreements/CMS-CITES-2002/termination", "{grounds: MUTUAL_CONSENT}"));
        all.add(api("objection: member name over 200 characters", "POST", "/api/endorsements/1/objections", Map.of("memberName", "m".repeat(300), "reason", "Hostile objection")));
        all.add(api("objection: reason of 4,001 characters", "POST", "/api/endorsements/1/objections", Map.of("memberName", "Emma Clarke", "reason", "r".repeat(4001))));
        all.add(api("objection: id not a number", "POST", "/api/endorsements/abc/objections", Map.of("memberName", "Emma Clarke", "reason", "Hostile")));
        all.add(api("objection: id over a long", "POST", "/api/endorsements/99999999999999999999/objections", Map.of("memberName", "Emma Clarke", "reason", "Hostile")));
        all.add(api("objection: body is null", "POST", "/api/endorsements/1/objections", "null"));
        all.add(api("objection: reason with NUL", "POST", "/api/endorsements/1/objections", Map.of("memberName", "Emma Clarke", "reason", "no\u0000")));

        // activity import into the draft plan: columns over their size, NUL, malformed CSV and JSON
        String plan = "/api/work-plans/JWP-CMS-CITES-2012-2014/activities";
        String header = "theme,code,description,timeframe,lead,externalFunding,heading\n";
        all.add(csv("import: code over 20 characters", plan, header + "A," + "A".repeat(30) + ",Hostile activity,2013,CMS,no,\n"));
        all.add(csv("import: lead over 100 characters", plan, header + "A,A90,Hostile activity,2013," + "L".repeat(150) + ",no,\n"));
        all.add(csv("import: timeframe over 200 characters", plan, header + "A,A91,Hostile activity," + "T".repeat(250) + ",CMS,no,\n"));
        all.add(csv("import: heading over 200 characters", plan, header + "A,A92,Hostile activity,2013,CMS,no," + "H".repeat(250) + "\n"));
        all.add(csv("import: description of 4,001 characters", plan, header + "A,A93," + "D".repeat(4001) + ",2013,CMS,no,\n"));
        all.add(csv("import: description with NUL", plan, header + "A,A94,Hostile\u0000activity,2013,CMS,no,\n"));
        all.add(csv("import: external funding MAYBE", plan, header + "A,A95,Hostile activity,2013,CMS,maybe,\n"));
        all.add(csv("import: unknown theme", plan, header + "Z,Z1,Hostile activity,2013,CMS,no,\n"));
        all.add(csv("import: unclosed quote", plan, header + "A,A96,\"Hostile activity,2013,CMS,no,\n"));
        all.add(csv("import: header only", plan, header));
        all.add(csv("import: no header", plan, "A,A97,Hostile activity,2013,CMS,no,\n"));
        all.add(csv("import: empty file", plan, ""));
        all.add(api("import: JSON object instead of an array", "POST", plan, Map.of("code", "A98")));
        all.add(api("import: JSON array of numbers", "POST", plan, List.of(1, 2, 3)));
        all.add(api("import: code is a number", "POST", plan, List.of(Map.of("theme", "A", "code", 12, "description", "Hostile activity"))));
        all.add(api("import: description is an array", "POST", plan, List.of(Map.of("theme", "A", "code", "A99", "description", List.of("x")))));
        all.add(api("import: external funding is a string", "POST", plan, List.of(Map.of("theme", "A", "code", "A99", "description", "Hostile activity", "externalFunding", "perhaps"))));
        all.add(api("import: malformed JSON", "POST", plan, "[{\"theme\": \"A\""));
        all.add(api("import: JSON null", "POST", plan, "null"));
        all.add(api("import: unknown plan with NUL", "POST", "/api/work-plans/JWP%00/activities", "[]"));

        // reads: unknown filter values, NUL, long and odd text
        for (String path : List.of("/api/agreements?status=MAYBE", "/api/agreements?category=PIRATES",
                "/api/agreements?instrumentType=TREATY", "/api/agreements.csv?status=MAYBE", "/api/partners?category=PIRATES",
                "/api/partners?deFacto=maybe", "/api/notifications?status=MAYBE", "/api/notifications?limit=many",
                "/notifications?status=MAYBE", "/api/endorsements", "/api/endorsements/abc", "/api/notifications/abc",
                "/api/endorsements/99999999999999999999")) {
            all.add(api("read: " + path, "GET", path, null));
        }
        for (String path : List.of("/api/agreements?q=%00", "/api/agreements?partner=%00", "/api/partners?q=%00",
                "/api/agreements.csv?q=%00", "/api/notifications?reference=%00", "/api/endorsements?subject=%00",
                "/api/agreements/%00", "/api/partners/%00", "/api/work-plans/%00", "/notifications?reference=%00",
                "/api/agreements?q=" + "q".repeat(5000), "/api/agreements?q=%25%25", "/api/agreements?q=%27%20OR%201%3D1%20--",
                "/api/partners/" + "P".repeat(300), "/api/agreements/" + "R".repeat(300), "/api/notifications?limit=-5",
                "/api/notifications?limit=99999999999", "/api/work-plans/JWP-CMS-CITES-2012-2014/report.html?x=%00",
                "/api/nothing-here", "/api/agreements/CMS-CITES-2002/nothing")) {
            all.add(new Case("read: " + path, Channel.API, HttpMethod.GET, path, null, null, "oliver", false));
        }
        all.add(new Case("sweep with GET", Channel.API, HttpMethod.GET, "/api/follow-ups/sweep", null, null, "oliver", true));
        all.add(new Case("demo clock: not a date", Channel.API, HttpMethod.PUT, "/api/demo/clock?date=tomorrow", null, null, "marc", true));
        all.add(new Case("demo clock: no date", Channel.API, HttpMethod.PUT, "/api/demo/clock", null, null, "marc", true));
        all.add(new Case("demo clock: NUL", Channel.API, HttpMethod.PUT, "/api/demo/clock?date=%00", null, null, "marc", true));
    }

    private static void engineApis(List<Case> all, Channel channel) {
        String task = channel == Channel.REST ? "/engine-rest/task/" : "engine/default/task/";
        String complete = channel == Channel.REST ? "/complete" : "/submit-form";
        String completeDraft = task + "{draft}" + complete;
        String draftAction = AgreementProcess.DRAFT_ACTION.name();
        Map<String, Object> goodDraft = new LinkedHashMap<>();
        goodDraft.put(draftAction, typed("SUBMITTED", "String"));
        goodDraft.put(AgreementProcess.DRAFT_URL.name(), typed("https://docs.cms.int/drafts/hostile", "String"));
        goodDraft.put(AgreementProcess.DRAFT_VERSION.name(), typed("v1", "String"));
        goodDraft.put(AgreementProcess.TERMS_SUMMARY.name(), typed("Hostile terms", "String"));
        goodDraft.put(AgreementProcess.CONSULTATION_DEADLINE_DATE.name(), typed(RegisterClock.today().plusDays(20).toString(), "String"));

        all.add(eng(channel, "complete: draft action MAYBE", completeDraft, variables(goodDraft, draftAction, typed("MAYBE", "String"))));
        all.add(eng(channel, "complete: draft action lower case", completeDraft, variables(goodDraft, draftAction, typed("submitted ; drop", "String"))));
        all.add(eng(channel, "complete: draft action is an Integer", completeDraft, variables(goodDraft, draftAction, typed(1, "Integer"))));
        all.add(eng(channel, "complete: draft action is a Boolean", completeDraft, variables(goodDraft, draftAction, typed(true, "Boolean"))));
        all.add(eng(channel, "complete: draft action is null", completeDraft, variables(goodDraft, draftAction, typed(null, "Null"))));
        all.add(eng(channel, "complete: draft link as Bytes", completeDraft, variables(goodDraft, AgreementProcess.DRAFT_URL.name(),
                typed(Base64.getEncoder().encodeToString("https://x.example".getBytes()), "Bytes"))));
        all.add(eng(channel, "complete: version as Bytes", completeDraft, variables(goodDraft, AgreementProcess.DRAFT_VERSION.name(),
                typed(Base64.getEncoder().encodeToString("v2".getBytes()), "Bytes"))));
        all.add(eng(channel, "complete: version is an Integer", completeDraft, variables(goodDraft, AgreementProcess.DRAFT_VERSION.name(), typed(2, "Integer"))));
        all.add(eng(channel, "complete: summary is a Json object", completeDraft, variables(goodDraft, AgreementProcess.TERMS_SUMMARY.name(), typed("{\"a\": 1}", "Json"))));
        all.add(eng(channel, "complete: link over 500 characters", completeDraft, variables(goodDraft, AgreementProcess.DRAFT_URL.name(),
                typed("https://docs.cms.int/" + "d".repeat(500), "String"))));
        all.add(eng(channel, "complete: version over 60 characters", completeDraft, variables(goodDraft, AgreementProcess.DRAFT_VERSION.name(), typed("v".repeat(61), "String"))));
        all.add(eng(channel, "complete: summary of 4,001 characters", completeDraft, variables(goodDraft, AgreementProcess.TERMS_SUMMARY.name(), typed("s".repeat(4001), "String"))));
        all.add(eng(channel, "complete: summary with NUL", completeDraft, variables(goodDraft, AgreementProcess.TERMS_SUMMARY.name(), typed("terms\u0000", "String"))));
        all.add(eng(channel, "complete: deadline not a date", completeDraft, variables(goodDraft, AgreementProcess.CONSULTATION_DEADLINE_DATE.name(), typed("soon", "String"))));
        all.add(eng(channel, "complete: deadline as a Date of the wrong format", completeDraft, variables(goodDraft,
                AgreementProcess.CONSULTATION_DEADLINE_DATE.name(), typed("31.12.2027", "Date"))));
        all.add(eng(channel, "complete: Integer of text", completeDraft, variables(goodDraft, "hostileNumber", typed("abc", "Integer"))));
        all.add(eng(channel, "complete: unknown value type", completeDraft, variables(goodDraft, "hostileType", typed("x", "Spaceship"))));
        all.add(eng(channel, "complete: malformed Json variable", completeDraft, variables(goodDraft, "note", typed("{oops", "Json"))));
        all.add(eng(channel, "complete: Java-serialized Object variable", completeDraft, variables(goodDraft, "note",
                objectValue("rO0ABXQABWhlbGxv", "java.lang.String", "application/x-java-serialized-object"))));
        all.add(eng(channel, "complete: unknown-class JSON Object variable", completeDraft, variables(goodDraft, "note",
                objectValue("{\"cmd\": \"rm\"}", "com.evil.Payload", "application/json"))));
        all.add(eng(channel, "complete: JSON Object variable of a JDK class", completeDraft, variables(goodDraft, "note",
                objectValue("{}", "java.lang.ProcessBuilder", "application/json"))));
        all.add(eng(channel, "complete: the reference of another agreement", completeDraft, variables(goodDraft,
                AgreementVariables.REFERENCE.name(), typed("CMS-CITES-2002", "String"))));
        all.add(eng(channel, "complete: variables is an array", completeDraft, "{\"variables\": [1, 2]}"));
        all.add(eng(channel, "complete: a variable is a bare string", completeDraft, "{\"variables\": {\"" + draftAction + "\": \"SUBMITTED\"}}"));
        all.add(eng(channel, "complete: body is null", completeDraft, "null"));
        all.add(eng(channel, "complete: malformed JSON", completeDraft, "{\"variables\": {"));
        all.add(eng(channel, "complete: empty body", completeDraft, ""));
        all.add(eng(channel, "complete: unknown task", task + "no-such-task" + complete, variables(goodDraft, draftAction, typed("SUBMITTED", "String"))));
        all.add(eng(channel, "complete: task id with NUL", task + "abc%00def" + complete, "{\"variables\": {}}"));
        all.add(eng(channel, "complete: task id over 255 characters", task + "t".repeat(300) + complete, "{\"variables\": {}}"));

        // one variable at a time, on the task and on the instance
        String taskVariable = task + "{draft}/variables/";
        String instanceVariable = (channel == Channel.REST ? "/engine-rest" : "engine/default") + "/process-instance/{instance}/variables/";
        for (String target : List.of(taskVariable, instanceVariable)) {
            String where = target == taskVariable ? "task" : "instance";
            all.add(put(channel, where + " variable: malformed Json", target + "note", typed("{oops", "Json")));
            all.add(put(channel, where + " variable: Json of a truncated array", target + "note", typed("[1, 2", "Json")));
            all.add(put(channel, where + " variable: Java-serialized Object", target + "note",
                    objectValue("rO0ABXQABWhlbGxv", "java.lang.String", "application/x-java-serialized-object")));
            all.add(put(channel, where + " variable: unknown-class JSON Object", target + "note",
                    objectValue("{\"cmd\": \"rm\"}", "com.evil.Payload", "application/json")));
            all.add(put(channel, where + " variable: text with NUL", target + "note", typed("a\u0000b", "String")));
            all.add(put(channel, where + " variable: text of 4,001 characters", target + "note", typed("n".repeat(4001), "String")));
            all.add(put(channel, where + " variable: Integer of text", target + "note", typed("abc", "Integer")));
            all.add(put(channel, where + " variable: body is null", target + "note", "null"));
            all.add(put(channel, where + " variable: the sealed reference", target + AgreementVariables.REFERENCE.name(), typed("CMS-CITES-2002", "String")));
        }

        // starts: business key over 255, NUL, text over the columns, unknown process
        String start = (channel == Channel.REST ? "/engine-rest" : "engine/default") + "/process-definition/key/"
                + AgreementProcess.KEY + (channel == Channel.REST ? "/start" : "/submit-form");
        Map<String, Object> goodStart = new LinkedHashMap<>();
        proposal().forEach((k, v) -> goodStart.put(k, typed(v, "String")));
        all.add(eng(channel, "start: business key over 255 characters", start, startBody(goodStart, "CMS-" + "K".repeat(300))));
        all.add(eng(channel, "start: business key with NUL", start, startBody(goodStart, "CMS-\u0000-KEY")));
        all.add(eng(channel, "start: title over 500 characters", start, startBody(with(goodStart, AgreementVariables.TITLE.name(),
                typed(MARK + "t".repeat(500), "String")), null)));
        all.add(eng(channel, "start: title of 4,001 characters", start, startBody(with(goodStart, AgreementVariables.TITLE.name(),
                typed(MARK + "t".repeat(3993), "String")), null)));
        all.add(eng(channel, "start: title as Bytes", start, startBody(with(goodStart, AgreementVariables.TITLE.name(),
                typed(Base64.getEncoder().encodeToString((MARK + "bytes title").getBytes()), "Bytes")), null)));
        all.add(eng(channel, "start: instrument MAYBE", start, startBody(with(goodStart, AgreementProcess.INSTRUMENT_TYPE.name(),
                typed("MAYBE", "String")), null)));
        all.add(eng(channel, "start: unknown-class Object", start, startBody(with(goodStart, "note",
                objectValue("{}", "com.evil.Payload", "application/json")), null)));
        all.add(eng(channel, "start: malformed Json variable", start, startBody(with(goodStart, "note", typed("{oops", "Json")), null)));
        all.add(eng(channel, "start: body is null", start, "null"));
        all.add(eng(channel, "start: unknown process", (channel == Channel.REST ? "/engine-rest" : "engine/default")
                + "/process-definition/key/no-such-process" + (channel == Channel.REST ? "/start" : "/submit-form"), "{}"));
        if (channel == Channel.REST) {
            all.add(eng(channel, "message: unknown message", "/engine-rest/message", "{\"messageName\": \"NoSuchMessage\"}"));
            all.add(eng(channel, "message: body is null", "/engine-rest/message", "null"));
            all.add(eng(channel, "message: business key over 255 characters", "/engine-rest/message",
                    "{\"messageName\": \"WorkPlanStopped\", \"businessKey\": \"" + "b".repeat(300) + "\"}"));
            all.add(new Case("task query: NUL in a parameter", channel, HttpMethod.GET, "/engine-rest/task?processInstanceId=%00",
                    null, null, "oliver", false));
            all.add(new Case("task query: unknown sort", channel, HttpMethod.POST, "/engine-rest/task",
                    "{\"sorting\": [{\"sortBy\": \"nothing\", \"sortOrder\": \"sideways\"}]}", MediaType.APPLICATION_JSON, "oliver", false));
            all.add(new Case("task: unknown id", channel, HttpMethod.GET, "/engine-rest/task/no-such-task", null, null, "oliver", true));
            all.add(new Case("claim: user id over 255 characters", channel, HttpMethod.POST, "/engine-rest/task/{draft}/claim",
                    "{\"userId\": \"" + "u".repeat(300) + "\"}", MediaType.APPLICATION_JSON, "oliver", true));
        }
    }

    // ------------------------------------------------------------------ the test

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void noHostileInputMakesAServerErrorLeaksInternalsOrIsAccepted(Case hostile) {
        ResponseEntity<String> answer = send(hostile);
        int status = answer.getStatusCode().value();
        cases.incrementAndGet();
        if (status >= 500) {
            serverErrors.incrementAndGet();
        } else if (status >= 400) {
            clientErrors.incrementAndGet();
        } else {
            accepted.incrementAndGet();
        }
        String body = answer.getBody() == null ? "" : answer.getBody();
        assertThat(status).as("%s answered %d: %s", hostile, status, body).isLessThan(500);
        if (hostile.refused()) {
            assertThat(status).as("%s must be refused, answered %d: %s", hostile, status, body).isBetween(400, 499);
        }
        if (status >= 400) {
            String message = message(body);
            assertThat(BARE).as("%s: the refusal must say what is wrong: %s", hostile, body).doesNotContain(message.toLowerCase().trim());
            assertThat(INTERNALS.matcher(message).find()).as("%s: internals in %s", hostile, message).isFalse();
            if (draftTask != null) {
                assertThat(message).as(hostile.toString()).doesNotContain(draftTask);
            }
        }
    }

    @AfterAll
    void nothingHostileWasStoredAndTheSummary() {
        System.out.printf("%nHostile input: %d cases, %d answered 4xx, %d answered 5xx, %d accepted (harmless reads)%n",
                cases.get(), clientErrors.get(), serverErrors.get(), accepted.get());
        assertThat(jdbc.sql("SELECT COUNT(*) FROM agreement WHERE title LIKE ?").param(MARK + "%").query(Long.class).single())
                .as("hostile proposals stored").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM partner WHERE acronym = 'HOSTILEP' OR name LIKE ?").param(MARK + "%")
                .query(Long.class).single()).as("hostile partners stored").isZero();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM work_plan_activity WHERE description LIKE 'Hostile%' OR description LIKE 'DDDD%'")
                .query(Long.class).single()).as("hostile activities stored").isZero();
        for (String table : List.of("agreement_comment", "agreement_status_change", "agreement")) {
            String column = table.equals("agreement") ? "title" : table.equals("agreement_comment") ? "text" : "reason";
            assertThat(jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE " + column + " LIKE '[B@%'").query(Long.class).single())
                    .as("byte arrays written as text into " + table).isZero();
        }
        assertThat(engine.getRuntimeService().createVariableInstanceQuery().variableName("note").count())
                .as("hostile variables kept by the engine").isZero();
        if (draftTask != null && engine.getTaskService().createTaskQuery().taskId(draftTask).count() > 0) {
            // The task stays readable and completable after all of it.
            assertThat(rest.withBasicAuth("oliver", "oliver").getForEntity("/engine-rest/task/" + draftTask + "/form-variables",
                    String.class).getStatusCode().value()).isEqualTo(200);
        }
        withdrawDraft();
        assertThat(serverErrors.get()).isZero();
    }

    // ------------------------------------------------------------------ sending

    private ResponseEntity<String> send(Case hostile) {
        String path = hostile.path().replace("{draft}", draftTask()).replace("{instance}", draftInstance);
        if (hostile.channel() == Channel.TASKLIST) {
            WebappSession session = sessions.computeIfAbsent(hostile.user(), u -> WebappSession.login(rest, u, "tasklist"));
            return session.exchangeWithEngine(hostile.method(), path, hostile.body(),
                    hostile.type() == null ? MediaType.APPLICATION_JSON : hostile.type());
        }
        HttpHeaders headers = new HttpHeaders();
        if (hostile.type() != null) {
            headers.setContentType(hostile.type());
        }
        headers.setAccept(List.of(MediaType.APPLICATION_JSON, MediaType.ALL));
        java.net.URI uri = org.springframework.web.util.UriComponentsBuilder.fromUriString(
                rest.getRootUri() + path).build(true).toUri();
        return rest.withBasicAuth(hostile.user(), hostile.user())
                .exchange(uri, hostile.method(), new HttpEntity<>(hostile.body(), headers), String.class);
    }

    /** Partners for the draft the task cases aim at: a fresh one whenever a case got through (and failed). */
    final java.util.Deque<String> partners = new java.util.ArrayDeque<>(List.of("HOSTFIXA", "HOSTFIXB", "HOSTFIXC", "HOSTFIXD", "HOSTFIXE"));
    String draftReference;

    /** The open draft task the task cases aim at; a new one when a case consumed it. */
    private String draftTask() {
        if (draftTask == null || engine.getTaskService().createTaskQuery().taskId(draftTask).count() == 0) {
            withdrawDraft();
            // A partner of its own, so that no other test meets this proposal.
            String partner = partners.pop();
            String reference = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> lifecycle.propose(
                    ProcessValues.of(AgreementProcess.PARTNER_CHOICE, AgreementProcess.PartnerChoice.NEW)
                            .and(AgreementVariables.ACRONYM, partner)
                            .and(AgreementProcess.NEW_PARTNER_NAME, "Hostile input test partner " + partner)
                            .and(AgreementProcess.NEW_PARTNER_CATEGORY, org.cms.partnerships.register.PartnerCategory.NGO)
                            .and(AgreementProcess.INSTRUMENT_TYPE, InstrumentType.MEMORANDUM_OF_UNDERSTANDING)
                            .and(AgreementVariables.TITLE, "Memorandum on hostile input")
                            .and(AgreementProcess.TERM_START, RegisterClock.today()).asMap()));
            Task task = driver.task(driver.instance(AgreementProcess.KEY, reference), AgreementProcess.TASK_DRAFT);
            draftTask = task.getId();
            draftInstance = task.getProcessInstanceId();
            draftReference = reference;
        }
        return draftTask;
    }

    /** Ends the fixture's proposal as a user would: withdrawn, so the register and the engine agree. */
    private void withdrawDraft() {
        if (draftInstance != null && engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(draftInstance).count() > 0) {
            driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS), () -> {
                lifecycle.withdraw(draftReference, "Hostile input test done");
                return null;
            });
        }
    }

    /** The plain words of an answer: Problem Details' detail, the engine's message, or the text itself. */
    private static String message(String body) {
        try {
            JsonNode json = JSON.readTree(body);
            if (json != null && json.isObject()) {
                String detail = json.path("detail").asText(json.path("message").asText(""));
                return detail + " " + json.path("problems");
            }
        } catch (Exception notJson) {
            // a page or text: checked as it is
        }
        return body;
    }

    // ------------------------------------------------------------------ building cases

    private static Map<String, Object> proposal() {
        Map<String, Object> proposal = new LinkedHashMap<>();
        proposal.put(AgreementProcess.PARTNER_CHOICE.name(), "EXISTING");
        proposal.put(AgreementVariables.ACRONYM.name(), "MWN");
        proposal.put(AgreementProcess.INSTRUMENT_TYPE.name(), "LETTER_OF_COOPERATION");
        proposal.put(AgreementVariables.TITLE.name(), MARK + "Letter of cooperation on flyway monitoring");
        proposal.put(AgreementProcess.TERM_START.name(), RegisterClock.today().plusDays(30).toString());
        return proposal;
    }

    private static Map<String, Object> with(Map<String, ?> base, String key, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(base);
        copy.put(key, value);
        return copy;
    }

    private static Map<String, Object> typed(Object value, String type) {
        Map<String, Object> typed = new LinkedHashMap<>();
        typed.put("value", value);
        typed.put("type", type);
        return typed;
    }

    private static Map<String, Object> objectValue(String serialized, String className, String format) {
        Map<String, Object> value = typed(serialized, "Object");
        value.put("valueInfo", Map.of("objectTypeName", className, "serializationDataFormat", format));
        return value;
    }

    private static String variables(Map<String, Object> base, String name, Object value) {
        return write(Map.of("variables", with(base, name, value)));
    }

    private static String startBody(Map<String, Object> variables, String businessKey) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("variables", variables);
        if (businessKey != null) {
            body.put("businessKey", businessKey);
        }
        return write(body);
    }

    private static Case api(String name, String method, String path, Object body) {
        return new Case(name, Channel.API, HttpMethod.valueOf(method), path, body instanceof String text ? text : body == null ? null : write(body),
                body == null ? null : MediaType.APPLICATION_JSON, method.equals("PUT") ? "marc" : "oliver", true);
    }

    private static Case csv(String name, String path, String body) {
        return new Case(name, Channel.API, HttpMethod.POST, path, body, new MediaType("text", "csv"), "oliver", true);
    }

    private static Case eng(Channel channel, String name, String path, String body) {
        return new Case(name, channel, HttpMethod.POST, path, body, MediaType.APPLICATION_JSON, "oliver", true);
    }

    private static Case put(Channel channel, String name, String path, Object body) {
        return new Case(name, channel, HttpMethod.PUT, path, body instanceof String text ? text : write(body),
                MediaType.APPLICATION_JSON, "oliver", true);
    }

    private static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
