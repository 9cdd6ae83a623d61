package org.cms.partnerships.pages;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.task.Task;
import org.cms.partnerships.agreement.AgreementLifecycle;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.copreport.CopReportProcess;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.security.Groups;
import org.cms.partnerships.support.Browser;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.support.ProcessDriver;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The register pages and Tasklist in a real browser (headless Chromium): what a Secretariat user does,
 * through the path their browser takes. Each scenario starts logged out. Screenshots of the pages land
 * in target/browser-screenshots/.
 */
@CmsIntegrationTest
class RegisterPagesBrowserTest {

    private static Browser browser;

    @LocalServerPort int port;
    @Autowired AgreementLifecycle lifecycle;
    @Autowired AgreementService agreements;
    @Autowired PartnerService partners;
    @Autowired ProcessDriver driver;
    @Autowired CopReportProcess copReports;
    @Autowired JdbcClient jdbc;
    @Autowired RuntimeService runtime;

    @BeforeAll
    static void startChromium(@LocalServerPort int port) {
        browser = Browser.startOrSkip("http://localhost:" + port);
    }

    @AfterAll
    static void stopChromium() {
        if (browser != null) {
            browser.close();
        }
    }

    @BeforeEach
    void loggedOut() {
        browser.forgetSession();
    }

    @Test
    void loggingInToTasklistOnceOpensTheAgreementsPageAndATaskLinksToItsPage() {
        String reference = awaitingPartnerApproval("BRW-ONE");

        browser.open("/register/agreements/CMS-IWC-2000");
        browser.waiting().until(d -> d.getCurrentUrl().contains("/camunda/app/tasklist/default/#/login"));
        browser.logInOnWebappsLoginPage("oliver", "oliver");
        browser.awaitPath("/register/agreements/CMS-IWC-2000");
        assertThat(browser.text(By.tagName("h1"))).contains("CMS-IWC-2000", "In force");
        assertThat(browser.driver().findElements(By.cssSelector("#history ~ table tbody tr"))).isNotEmpty();
        browser.screenshot("agreement-CMS-IWC-2000");
        assertThat(browser.accessibilityProblems()).isEmpty();

        // From the task in Tasklist, one click to the agreement's page: no second login.
        browser.open("/camunda/app/tasklist/default/");
        browser.await(By.linkText("My group's tasks")).click();
        WebElement link = browser.await(By.cssSelector("a.cms-register-link[href='/register/agreements/" + reference + "']"));
        browser.screenshot("tasklist-with-register-links");
        link.click();
        browser.awaitPath("/register/agreements/" + reference);
        assertThat(browser.text(By.tagName("h1"))).contains(reference, "Awaiting partner approval");
        assertThat(browser.driver().findElements(By.cssSelector("#tasks ~ table a[href^='/camunda/app/tasklist/default/#/?task=']"))
                .stream().map(WebElement::getText)).anySatisfy(name -> assertThat(name).startsWith("Record the partner's decision"));
    }

    @Test
    void filteringTheAgreementsListByStatusAndTextShowsOnlyTheMatchingAgreements() {
        logInThroughTasklist("oliver", "/register/agreements");
        assertThat(browser.accessibilityProblems()).isEmpty();
        browser.screenshot("agreements");

        new Select(browser.await(By.id("f-status"))).selectByVisibleText("In force");
        browser.driver().findElement(By.id("f-q")).sendKeys("whaling", Keys.ENTER);

        browser.waiting().until(d -> d.getCurrentUrl().contains("q=whaling"));
        List<String> references = browser.driver().findElements(By.cssSelector("table tbody th a")).stream()
                .map(WebElement::getText).toList();
        List<String> expected = agreements.search(new AgreementFilter(AgreementStatus.IN_FORCE, null, null, null, "whaling"))
                .stream().map(Agreement::reference).toList();
        assertThat(references).containsExactlyInAnyOrderElementsOf(expected).contains("CMS-IWC-2000");
        assertThat(browser.driver().findElements(By.cssSelector("table tbody .status")).stream().map(WebElement::getText))
                .containsOnly("In force");
        assertThat(browser.text(By.id("result-count"))).endsWith("of " + expected.size());
        assertThat(browser.driver().findElement(By.linkText("Excel")).getAttribute("href"))
                .endsWith("/register/agreements.xlsx?status=IN_FORCE&q=whaling&sort=reference&dir=asc");

        // Keyboard: the first Tab reaches the skip link, which moves the focus to the content.
        browser.open("/register/agreements");
        WebElement body = browser.await(By.tagName("body"));
        body.sendKeys(Keys.TAB);
        WebElement skip = browser.driver().switchTo().activeElement();
        assertThat(skip.getText()).isEqualTo("Skip to main content");
        skip.sendKeys(Keys.ENTER);
        assertThat(browser.driver().switchTo().activeElement().getAttribute("id")).isEqualTo("main");
    }

    @Test
    void anAgreementsPageShowsItsHistoryAfterATaskIsCompletedInTasklist() {
        String reference = awaitingPartnerApproval("BRW-TWO");
        Task task = partnerDecisionTask(reference);

        logInThroughTasklist("oliver", "/camunda/app/tasklist/default/#/?task=" + task.getId());
        claim();
        browser.await(By.xpath("//label[contains(., 'The partner approved')]")).click();
        browser.click(browser.await(By.cssSelector("button[ng-click='complete()']")));
        browser.waiting().until(d -> agreements.get(reference).status() == AgreementStatus.AWAITING_SIGNATURE);

        browser.open("/register/agreements/" + reference);
        List<WebElement> lastLine = browser.await(By.cssSelector("#history ~ table tbody tr:last-child"))
                .findElements(By.tagName("td"));
        assertThat(lastLine.get(1).getText()).isEqualTo("Awaiting partner approval");
        assertThat(lastLine.get(2).getText()).isEqualTo("Awaiting signature");
        assertThat(lastLine.get(3).getText()).isEqualTo("oliver");
        assertThat(browser.text(By.cssSelector("#comments ~ table tbody"))).contains("APPROVED on " + RegisterClock.today());
        browser.screenshot("agreement-after-partner-approval");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void aRefusedTaskFormShowsThePlainMessageInTasklist() {
        String reference = awaitingPartnerApproval("BRW-THREE");
        Task task = partnerDecisionTask(reference);

        logInThroughTasklist("oliver", "/camunda/app/tasklist/default/#/?task=" + task.getId());
        claim();
        browser.await(By.xpath("//label[contains(., 'The partner declined')]")).click();
        browser.click(browser.await(By.cssSelector("button[ng-click='complete()']")));

        // Tasklist shows the refusal in its notification over the form.
        String shown = browser.waiting().until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//*[contains(@class, 'alert')][contains(., 'Say why')]"))).getText();
        browser.screenshot("tasklist-refused-form");
        assertThat(shown).contains("Say why (at least 10 characters)").doesNotContain("ENGINE-", "Exception", task.getId());
        assertThat(agreements.get(reference).status()).isEqualTo(AgreementStatus.AWAITING_PARTNER_APPROVAL);
    }

    @Test
    void aFamilySecretariatCannotOpenAnotherSecretariatsAgreement() {
        // CMS-RAMSAR-2011 names AEWA only; CMS-WAZA-2008 names EUROBATS.
        logInThroughTasklist("eurobats", "/register/agreements/CMS-RAMSAR-2011");
        assertThat(browser.text(By.tagName("h1"))).isEqualTo("Not found");
        assertThat(browser.text(By.cssSelector("[role='alert']"))).isEqualTo("No agreement with reference CMS-RAMSAR-2011");
        browser.screenshot("secretariat-not-found");

        browser.open("/register/agreements");
        assertThat(browser.driver().findElements(By.cssSelector("table tbody th a")).stream().map(WebElement::getText))
                .contains("CMS-WAZA-2008").doesNotContain("CMS-RAMSAR-2011", "CMS-IWC-2000");
        browser.open("/register/agreements/CMS-WAZA-2008");
        assertThat(browser.text(By.tagName("h1"))).contains("CMS-WAZA-2008");
    }

    @Test
    void theComingDuePageShowsTheIwcRenewalAndTheReviewsDueWithoutASecondLogin() {
        logInThroughTasklist("oliver", "/register/coming-due");
        String terms = browser.text(By.cssSelector("section[aria-labelledby='terms']"));
        assertThat(terms).contains("Within 90 days", "CMS-IWC-2000");
        List<String> reviews = browser.driver().findElements(By.cssSelector("section[aria-labelledby='reviews'] tbody th a"))
                .stream().map(WebElement::getText).toList();
        assertThat(reviews).isNotEmpty().containsExactlyInAnyOrderElementsOf(agreements.reviewsDueBy(
                RegisterClock.today().plusDays(90)).stream().map(Agreement::reference).toList());
        assertThat(browser.text(By.cssSelector("section[aria-labelledby='silent']"))).contains("CMS-IOTC-2015");
        browser.screenshot("coming-due");
        assertThat(browser.accessibilityProblems()).isEmpty();
    }

    @Test
    void cockpitShowsTheRegisterStatusAndHistoryOfAnInstancesAgreementAndItsLoginOpensTheRegister() {
        String reference = awaitingPartnerApproval("BRW-FOUR");
        String instance = driver.instance(AgreementProcess.KEY, reference).getId();

        browser.open("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
        browser.logInOnWebappsLoginPage("marc", "marc");
        browser.await(By.linkText("Register")).click();
        String tab = browser.text(By.xpath("//h3[contains(., '" + reference + "')]/.."));
        browser.screenshot("cockpit-register-tab");
        assertThat(tab).contains("Agreement " + reference + ": Awaiting partner approval", "Sent to the partner for approval");

        browser.await(By.linkText("Open its page in the register")).click();
        browser.awaitPath("/register/agreements/" + reference);
        assertThat(browser.text(By.tagName("h1"))).contains(reference);
    }

    @Test
    void loggingOutOfTheRegisterOrOfTasklistEndsBoth() {
        logInThroughTasklist("oliver", "/register/agreements");
        browser.await(By.xpath("//button[. = 'Log out']")).click();
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/camunda/app/tasklist/default/#/login"));
        browser.open("/register/partners");
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/camunda/app/tasklist/default/#/login"));

        browser.logInOnWebappsLoginPage("oliver", "oliver");
        browser.awaitPath("/register/partners");
        browser.open("/camunda/app/tasklist/default/");
        browser.await(By.partialLinkText("Oliver Brandt")).click();
        browser.await(By.partialLinkText("Log out")).click();
        browser.await(By.cssSelector("input[ng-model='username']"));
        browser.open("/register/partners");
        browser.waiting().until(d -> d.getCurrentUrl().endsWith("/camunda/app/tasklist/default/#/login"));
    }

    @Test
    void everyRegisterPagePassesTheAccessibilityChecks() {
        // COP11's report as at the seed's cut-off, being drafted: its page shows the facts as they stand now.
        FreshCopReport.remove(jdbc, runtime, "COP11-partnerships");
        String report = driver.as("oliver", List.of(Groups.PARTNERSHIP_OFFICERS),
                () -> copReports.start(11, LocalDate.of(2014, 7, 31), null, null));
        try {
            visitEveryPage(report);
        } finally {
            FreshCopReport.remove(jdbc, runtime, report);
        }
    }

    private void visitEveryPage(String report) {
        logInThroughTasklist("marc", "/register/partners");
        for (String page : List.of("/register/partners", "/register/partners/IWC", "/register/work-plans",
                "/register/work-plans/JWP-CMS-CITES-2012-2014", "/register/notifications?reference=CMS-IOTC-2015",
                "/register/agreements/CMS-RAMSAR-2011", "/register/agreements/NO-SUCH-AGREEMENT",
                "/register/cop-reports", "/register/cop-reports/" + report)) {
            browser.open(page);
            browser.await(By.tagName("h1"));
            browser.screenshot("page" + page.replaceAll("[^A-Za-z0-9-]", "_"));
            assertThat(browser.accessibilityProblems()).as(page).isEmpty();
        }
        assertThat(browser.text(By.tagName("h1"))).contains("COP11-partnerships", "Drafting");
        assertThat(browser.text(By.id("facts-state"))).startsWith("As they stand now in the register: the figures as at 2014-07-31");
        browser.driver().executeScript("document.getElementById('facts').scrollIntoView()");
        browser.screenshot("cop-report-facts");
        assertThat(browser.driver().findElements(By.cssSelector("#tasks ~ table a")).stream().map(WebElement::getText))
                .anySatisfy(name -> assertThat(name).startsWith("Draft the narrative of each section"));
    }

    /** Opens {@code path}; not logged in, the browser goes to the webapps' login and comes back. */
    private void logInThroughTasklist(String user, String path) {
        browser.open("/camunda/app/tasklist/default/");
        browser.logInOnWebappsLoginPage(user, user);
        try {
            browser.await(By.partialLinkText("My tasks"));
        } catch (RuntimeException e) {
            browser.screenshot("login-failed-" + user);
            throw e;
        }
        browser.open(path);
        if (path.startsWith("/register")) {
            browser.awaitPath(path);
        }
    }

    /** Claims the task open in Tasklist: its form is disabled until then. */
    private void claim() {
        browser.await(By.xpath("//button[contains(., 'Claim')]")).click();
        browser.waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector(".disabled-form")));
    }

    /** A partner of our own whose agreement awaits its approval, under process control. */
    private String awaitingPartnerApproval(String acronym) {
        Partner partner = partners.create(new PartnerService.NewPartner(acronym, "Browser test partner " + acronym,
                PartnerCategory.NGO, null, null, false, null));
        partners.addFocalPoint(partner.id(), new PartnerService.NewFocalPoint("Focal Point", null,
                "focal@" + acronym.toLowerCase() + ".example.org", Language.EN));
        String reference = "CMS-" + acronym + "-2026";
        agreements.create(new AgreementService.NewAgreement(reference, partner.id(), InstrumentType.LETTER_OF_COOPERATION,
                "Letter of cooperation with " + acronym, "Joint monitoring", null, RegisterClock.today().minusDays(20),
                RegisterClock.today().plusYears(3), null, null), AgreementStatus.AWAITING_PARTNER_APPROVAL, "oliver",
                "Sent to the partner for approval", RegisterClock.now().minus(10, ChronoUnit.DAYS));
        return lifecycle.resumeAt(reference);
    }

    private Task partnerDecisionTask(String reference) {
        return driver.task(driver.instance(AgreementProcess.KEY, reference), AgreementProcess.TASK_PARTNER_DECISION);
    }
}
