package org.cms.partnerships.pages;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.cms.partnerships.agreement.amendment.Amendment;
import org.cms.partnerships.agreement.amendment.AmendmentService;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.copreport.CopReport;
import org.cms.partnerships.copreport.CopReportReadAccess;
import org.cms.partnerships.copreport.CopReportService;
import org.cms.partnerships.copreport.Facts;
import org.cms.partnerships.endorsement.Endorsement;
import org.cms.partnerships.endorsement.EndorsementService;
import org.cms.partnerships.notification.Notification;
import org.cms.partnerships.notification.NotificationLog;
import org.cms.partnerships.notification.NotificationReaders;
import org.cms.partnerships.notification.NotificationStatus;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementFilter;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.register.AgreementSort;
import org.cms.partnerships.register.AgreementStatus;
import org.cms.partnerships.register.InstrumentType;
import org.cms.partnerships.register.Language;
import org.cms.partnerships.register.Page;
import org.cms.partnerships.register.Partner;
import org.cms.partnerships.register.PartnerCategory;
import org.cms.partnerships.register.PartnerService;
import org.cms.partnerships.register.StatusChange;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.security.WebappSessionLogin;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanActivity;
import org.cms.partnerships.workplan.WorkPlanService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The register for people: server-rendered pages under {@code /register}, logged in through the Camunda
 * webapps (security/RegisterPagesAuthenticationFilter). Every read of an agreement goes through
 * {@link RegisterReadAccess}, as in the API: a Family secretariat sees only the agreements naming it, and
 * one it may not read is a "not found" page, like a reference that does not exist. Every list has its
 * CSV and Excel export with the same filters ({@code .csv}, {@code .xlsx}).
 */
@Controller
@RequestMapping("/register")
public class RegisterPages {

    static final int PAGE_SIZE = 25;
    private static final String LOGOUT_TOKEN = RegisterPages.class.getName() + ".logoutToken";

    private final AgreementService agreements;
    private final PartnerService partners;
    private final WorkPlanService workPlans;
    private final EndorsementService endorsements;
    private final AmendmentService amendments;
    private final NotificationLog notificationLog;
    private final NotificationReaders notificationReaders;
    private final RegisterReadAccess access;
    private final EngineWork engine;
    private final ComingDue comingDue;
    private final IdentityService identity;
    private final CopReportService copReports;
    private final CopReportReadAccess copReportAccess;

    public RegisterPages(AgreementService agreements, PartnerService partners, WorkPlanService workPlans,
                         EndorsementService endorsements, AmendmentService amendments, NotificationLog notificationLog,
                         RegisterReadAccess access, EngineWork engine, ComingDue comingDue, IdentityService identity,
                         CopReportService copReports, CopReportReadAccess copReportAccess,
                         NotificationReaders notificationReaders) {
        this.agreements = agreements;
        this.partners = partners;
        this.workPlans = workPlans;
        this.endorsements = endorsements;
        this.amendments = amendments;
        this.notificationLog = notificationLog;
        this.access = access;
        this.engine = engine;
        this.comingDue = comingDue;
        this.identity = identity;
        this.copReports = copReports;
        this.copReportAccess = copReportAccess;
        this.notificationReaders = notificationReaders;
    }

    /** What the page header shows on every page: who is logged in, the logout token, the webapps. */
    @ModelAttribute
    void header(Model model, HttpServletRequest request) {
        Authentication user = identity.getCurrentAuthentication();
        model.addAttribute("userId", user == null ? null : user.getUserId());
        model.addAttribute("tasklistUrl", Links.tasklist());
        model.addAttribute("cockpitUrl", Links.cockpit());
        model.addAttribute("logoutToken", logoutToken(request.getSession()));
        model.addAttribute("links", LINKS);
        model.addAttribute("fmt", FORMATS);
    }

    /** Templates call the link helpers through this one object. */
    public static final class TemplateLinks {
        public String agreement(String reference) {
            return Links.agreement(reference);
        }

        public String partner(String acronym) {
            return Links.partner(acronym);
        }

        public String workPlan(String reference) {
            return Links.workPlan(reference);
        }

        public String tasklistTask(String id) {
            return Links.tasklistTask(id);
        }

        public String cockpitInstance(String id) {
            return Links.cockpitInstance(id);
        }

        public String copReport(String businessKey) {
            return Links.copReport(businessKey);
        }
    }

    private static final TemplateLinks LINKS = new TemplateLinks();
    private static final Formats FORMATS = new Formats();

    @GetMapping({"", "/"})
    public String home() {
        return "redirect:/register/agreements";
    }

    // ------------------------------------------------------------------ agreements

    /** Columns the list sorts by, each with its comparator (nulls last), as the exports sort them. */
    private static final Map<String, Comparator<Agreement>> AGREEMENT_SORTS = Map.of(
            "reference", Comparator.comparing(Agreement::reference),
            "partner", Comparator.comparing(Agreement::partnerAcronym, String.CASE_INSENSITIVE_ORDER),
            "instrument", Comparator.comparing(Agreement::instrumentType),
            "status", Comparator.comparing(Agreement::status),
            "signed", nullsLast(Agreement::signedOn),
            "termEnds", nullsLast(Agreement::expiresOn),
            "nextReview", nullsLast(Agreement::nextReviewOn));
    /** The same orders in SQL, for the list page (which reads one page only). */
    private static final Map<String, AgreementSort> AGREEMENT_SQL_SORTS = java.util.Arrays.stream(AgreementSort.values())
            .collect(Collectors.toMap(AgreementSort::parameter, Function.identity()));

    private static <T extends Comparable<T>> Comparator<Agreement> nullsLast(Function<Agreement, T> key) {
        return Comparator.comparing(key, Comparator.nullsLast(Comparator.naturalOrder()));
    }

    public record Listing<T>(List<T> items, int page, int pages, int total) {
        public int from() {
            return total == 0 ? 0 : (page - 1) * PAGE_SIZE + 1;
        }

        public int to() {
            return Math.min(total, page * PAGE_SIZE);
        }
    }

    static <T> Listing<T> page(List<T> all, int page) {
        int pages = pages(all.size());
        int current = Math.max(1, Math.min(page, pages));
        return new Listing<>(all.subList((current - 1) * PAGE_SIZE, Math.min(all.size(), current * PAGE_SIZE)),
                current, pages, all.size());
    }

    private static int pages(long total) {
        return (int) Math.max(1, (total + PAGE_SIZE - 1) / PAGE_SIZE);
    }

    /** The page asked for, within the pages there are (as {@link #page(List, int)} keeps it). */
    private static int clampPage(int page, long total) {
        return Math.max(1, Math.min(page, pages(total)));
    }

    /** At most this many partners are suggested in the agreements page's partner field. */
    static final int PARTNER_SUGGESTIONS = 300;

    @GetMapping("/agreements")
    public String agreementList(@RequestParam(required = false) AgreementStatus status,
                                @RequestParam(required = false) PartnerCategory category,
                                @RequestParam(name = "instrument", required = false) InstrumentType instrumentType,
                                @RequestParam(required = false) String partner,
                                @RequestParam(name = "q", required = false) String text,
                                @RequestParam(defaultValue = "reference") String sort,
                                @RequestParam(defaultValue = "asc") String dir,
                                @RequestParam(defaultValue = "1") int page, Model model) {
        AgreementSort order = sqlSort(sort, dir);
        AgreementFilter filter = new AgreementFilter(status, category, instrumentType, partner, text);
        // The counts per status (one GROUP BY) give the total too; then only the page is read, sorted in SQL.
        Map<AgreementStatus, Long> counts = access.countByStatus(filter);
        long anyStatus = counts.values().stream().mapToLong(Long::longValue).sum();
        long total = status == null ? anyStatus : counts.getOrDefault(status, 0L);
        int current = clampPage(page, total);
        Page<Agreement> found = access.agreements(filter, order, "desc".equals(dir), (current - 1) * PAGE_SIZE, PAGE_SIZE);
        model.addAttribute("listing", new Listing<>(found.items(), current, pages(total), (int) total));
        model.addAttribute("counts", counts);
        model.addAttribute("anyStatusCount", anyStatus);
        model.addAttribute("query", new PageQuery("/register/agreements").put("status", status).put("category", category)
                .put("instrument", instrumentType).put("partner", partner).put("q", text).put("sort", sort)
                .put("dir", dir).put("page", page));
        model.addAttribute("status", status);
        model.addAttribute("category", category);
        model.addAttribute("instrumentFilter", instrumentType);
        model.addAttribute("partner", partner);
        model.addAttribute("text", text);
        model.addAttribute("statuses", AgreementStatus.values());
        model.addAttribute("categories", PartnerCategory.values());
        model.addAttribute("instrumentTypes", InstrumentType.values());
        // Suggestions while typing a partner, up to a list a person can scan; beyond that the field takes the
        // acronym typed (the partners page lists them), so the page does not carry thousands of options.
        model.addAttribute("partnerAcronyms", partners.formalAcronymsIfAtMost(PARTNER_SUGGESTIONS));
        return "register/agreements";
    }

    @GetMapping("/agreements.{format}")
    public ResponseEntity<byte[]> agreementExport(@PathVariable String format,
                                                  @RequestParam(required = false) AgreementStatus status,
                                                  @RequestParam(required = false) PartnerCategory category,
                                                  @RequestParam(name = "instrument", required = false) InstrumentType instrumentType,
                                                  @RequestParam(required = false) String partner,
                                                  @RequestParam(name = "q", required = false) String text,
                                                  @RequestParam(defaultValue = "reference") String sort,
                                                  @RequestParam(defaultValue = "asc") String dir) {
        List<Agreement> found = sortedAgreements(access.agreements(
                new AgreementFilter(status, category, instrumentType, partner, text)), sort, dir);
        Exports.Table table = Exports.Table.of("agreements", "Reference", "Partner", "Partner name", "Category",
                "Instrument", "Title", "Status", "Signed on", "In force from", "Expires on", "Next review on",
                "Supersedes", "Superseded by", "CMS Family instruments");
        found.forEach(a -> table.row(a.reference(), a.partnerAcronym(), a.partnerName(), a.partnerCategory(),
                a.instrumentType(), a.title(), a.status(), a.signedOn(), a.inForceFrom(), a.expiresOn(),
                a.nextReviewOn(), a.supersedes(), a.supersededBy(), a.familyInstruments()));
        return Exports.download(table, format);
    }

    private static List<Agreement> sortedAgreements(List<Agreement> list, String sort, String dir) {
        sqlSort(sort, dir);
        Comparator<Agreement> order = AGREEMENT_SORTS.get(sort).thenComparing(Agreement::reference);
        return list.stream().sorted("desc".equals(dir) ? order.reversed() : order).toList();
    }

    /** The list's order for {@code sort} and {@code dir}, or a 400 naming what is allowed. */
    private static AgreementSort sqlSort(String sort, String dir) {
        AgreementSort order = AGREEMENT_SQL_SORTS.get(sort);
        if (order == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "Parameter 'sort' has an invalid value '%s'; expected one of %s"
                    .formatted(sort, AGREEMENT_SQL_SORTS.keySet().stream().sorted().collect(Collectors.joining(", "))));
        }
        if (!"desc".equals(dir) && !"asc".equals(dir)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST,
                    "Parameter 'dir' has an invalid value '%s'; expected asc or desc".formatted(dir));
        }
        return order;
    }

    /** Everything the register and the engine know about one agreement. */
    @GetMapping("/agreements/{reference}")
    public String agreement(@PathVariable String reference, Model model) {
        Agreement agreement = access.agreement(reference);
        String ref = agreement.reference();
        List<Amendment> amendmentList = amendments.of(ref);
        List<Endorsement> endorsementList = new ArrayList<>(endorsements.forSubject(ref));
        amendmentList.forEach(a -> endorsementList.addAll(endorsements.forSubject(a.reference())));
        model.addAttribute("agreement", agreement);
        model.addAttribute("history", agreements.history(ref));
        model.addAttribute("comments", agreements.comments(ref));
        model.addAttribute("endorsements", endorsementList);
        model.addAttribute("amendments", amendmentList);
        model.addAttribute("workPlans", workPlans.plansOf(ref));
        model.addAttribute("notifications", notificationLog.page(ref, null, null, notificationReaders.current(), 0, 50).items());
        model.addAttribute("tasks", engine.openTasks(ref));
        model.addAttribute("instances", engine.instances(ref));
        model.addAttribute("earlierAgreement", readableOrNull(agreement.supersedes()));
        model.addAttribute("laterAgreement", readableOrNull(agreement.supersededBy()));
        model.addAttribute("partner", partners.findByAcronym(agreement.partnerAcronym()).orElse(null));
        return "register/agreement";
    }

    @GetMapping("/agreements/{reference}/history.{format}")
    public ResponseEntity<byte[]> historyExport(@PathVariable String reference, @PathVariable String format) {
        Agreement agreement = access.agreement(reference);
        Exports.Table table = Exports.Table.of(agreement.reference() + "-history", "From", "To", "When", "By", "Why");
        for (StatusChange change : agreements.history(agreement.reference())) {
            table.row(change.fromStatus(), change.toStatus(), change.changedAt(), change.changedBy(), change.reason());
        }
        return Exports.download(table, format);
    }

    /** The other agreement of a supersession, when the user may read it (a secretariat may not read both). */
    private Agreement readableOrNull(String reference) {
        if (reference == null) {
            return null;
        }
        return agreements.find(reference).filter(access.current()::mayRead).orElse(null);
    }

    // ------------------------------------------------------------------ partners

    @GetMapping("/partners")
    public String partnerList(@RequestParam(required = false) PartnerCategory category,
                              @RequestParam(required = false) Boolean deFacto,
                              @RequestParam(name = "q", required = false) String text,
                              @RequestParam(defaultValue = "1") int page, Model model) {
        // The total first (to keep the page within the pages), then that page, then its partners' counts (one GROUP BY).
        long total = partners.count(category, deFacto, text);
        int current = clampPage(page, total);
        List<Partner> found = partners.page(category, deFacto, text, (current - 1) * PAGE_SIZE, PAGE_SIZE);
        Map<Long, Long> byId = access.countByPartner(found.stream().map(Partner::id).toList());
        Map<String, Long> agreementCounts = found.stream().filter(p -> byId.containsKey(p.id()))
                .collect(Collectors.toMap(Partner::acronym, p -> byId.get(p.id())));
        model.addAttribute("listing", new Listing<>(found, current, pages(total), (int) total));
        model.addAttribute("agreementCounts", agreementCounts);
        model.addAttribute("query", new PageQuery("/register/partners").put("category", category).put("deFacto", deFacto)
                .put("q", text).put("page", page));
        model.addAttribute("category", category);
        model.addAttribute("deFacto", deFacto);
        model.addAttribute("text", text);
        model.addAttribute("categories", PartnerCategory.values());
        return "register/partners";
    }

    @GetMapping("/partners.{format}")
    public ResponseEntity<byte[]> partnerExport(@PathVariable String format,
                                                @RequestParam(required = false) PartnerCategory category,
                                                @RequestParam(required = false) Boolean deFacto,
                                                @RequestParam(name = "q", required = false) String text) {
        Exports.Table table = Exports.Table.of("partners", "Acronym", "Name", "Category", "De facto", "Headquarters",
                "Website", "Focal points", "Notes");
        partners.search(category, deFacto, text).stream()
                .sorted(Comparator.comparing(Partner::acronym, String.CASE_INSENSITIVE_ORDER))
                .forEach(p -> table.row(p.acronym(), p.name(), p.category(), p.deFacto(), p.headquarters(), p.website(),
                        partners.focalPoints(p.id()).stream().map(f -> f.name() + " <" + f.email() + ">")
                                .collect(Collectors.joining("; ")), p.notes()));
        return Exports.download(table, format);
    }

    @GetMapping("/partners/{acronym}")
    public String partner(@PathVariable String acronym, Model model) {
        Partner partner = partners.getByAcronym(acronym);
        model.addAttribute("partner", partner);
        model.addAttribute("focalPoints", partners.focalPoints(partner.id()));
        model.addAttribute("agreements", access.agreements(new AgreementFilter(null, null, null, partner.acronym(), null)));
        model.addAttribute("workPlans", access.workPlans(workPlans.plansOfPartner(partner.id())));
        return "register/partner";
    }

    // ------------------------------------------------------------------ joint work plans

    /**
     * Plans of agreements the user may read (plans without an agreement: users who read everything), by
     * the rule of the API ({@link RegisterReadAccess#workPlans}: one query for the readable agreements, not one per plan).
     */
    private List<WorkPlan> readablePlans() {
        return access.workPlans(workPlans.all());
    }

    /** One plan by reference (any letter case), if the user may read it; else the 404 of a reference that does not exist. */
    private WorkPlan readablePlan(String reference) {
        return workPlans.findIgnoringCase(reference).filter(p -> !access.workPlans(List.of(p)).isEmpty())
                .orElseThrow(() -> new NotFoundException("No joint work plan with reference " + reference));
    }

    @GetMapping("/work-plans")
    public String workPlanList(@RequestParam(defaultValue = "1") int page, Model model) {
        Listing<WorkPlan> listing = page(readablePlans(), page);
        model.addAttribute("listing", listing);
        // Counted for the plans on this page only, in one query.
        model.addAttribute("activityCounts", workPlans.activityCounts(listing.items().stream().map(WorkPlan::reference).toList()));
        model.addAttribute("query", new PageQuery("/register/work-plans").put("page", page));
        return "register/work-plans";
    }

    @GetMapping("/work-plans.{format}")
    public ResponseEntity<byte[]> workPlanExport(@PathVariable String format) {
        Exports.Table table = Exports.Table.of("joint-work-plans", "Reference", "Partner", "Agreement", "Title",
                "First year", "Last year", "Status", "Predecessor", "Activities");
        List<WorkPlan> plans = readablePlans();
        Map<String, Integer> counts = workPlans.activityCounts(plans.stream().map(WorkPlan::reference).toList());
        plans.forEach(p -> table.row(p.reference(), p.partnerAcronym(), p.agreementReference(), p.title(),
                p.periodStartYear(), p.periodEndYear(), p.status(), p.predecessorReference(),
                counts.getOrDefault(p.reference(), 0)));
        return Exports.download(table, format);
    }

    @GetMapping("/work-plans/{reference}")
    public String workPlan(@PathVariable String reference, Model model) {
        WorkPlan plan = readablePlan(reference);
        String ref = plan.reference();
        List<WorkPlanActivity> activities = workPlans.activities(ref);
        Map<String, List<WorkPlanService.LogEntry>> log = workPlans.logEntries(ref).stream()
                .collect(Collectors.groupingBy(WorkPlanService.LogEntry::activityCode));
        Map<String, Long> byStatus = activities.stream()
                .collect(Collectors.groupingBy(a -> a.status().name(), java.util.TreeMap::new, Collectors.counting()));
        model.addAttribute("plan", plan);
        model.addAttribute("planThemes", workPlans.themes(ref));
        model.addAttribute("activities", activities);
        model.addAttribute("log", log);
        model.addAttribute("activityStatusCounts", byStatus);
        model.addAttribute("history", workPlans.history(ref));
        model.addAttribute("comments", workPlans.comments(ref));
        model.addAttribute("endorsements", endorsements.forSubject(ref));
        model.addAttribute("tasks", engine.openTasks(ref));
        model.addAttribute("instances", engine.instances(ref));
        model.addAttribute("query", new PageQuery("/register/work-plans/" + ref + "/activities"));
        return "register/work-plan";
    }

    @GetMapping("/work-plans/{reference}/activities.{format}")
    public ResponseEntity<byte[]> activityExport(@PathVariable String reference, @PathVariable String format) {
        WorkPlan plan = readablePlan(reference);
        Map<String, List<WorkPlanService.LogEntry>> log = workPlans.logEntries(plan.reference()).stream()
                .collect(Collectors.groupingBy(WorkPlanService.LogEntry::activityCode));
        Exports.Table table = Exports.Table.of(plan.reference() + "-activities", "Theme", "Code", "Description",
                "Timeframe", "Lead", "Subject to external funding", "Funding", "Status", "Log");
        workPlans.activities(plan.reference()).forEach(a -> table.row(a.themeCode(), a.code(), a.description(),
                a.timeframe(), a.lead(), a.subjectToExternalFunding(), a.fundingStatus(), a.status(),
                log.getOrDefault(a.code(), List.of()).stream().map(e -> e.entryDate() + ": " + e.text())
                        .collect(Collectors.joining("\n"))));
        return Exports.download(table, format);
    }

    // ------------------------------------------------------------------ notifications

    @GetMapping("/notifications")
    public String notifications(@RequestParam(required = false) String reference,
                                @RequestParam(required = false) NotificationStatus status,
                                @RequestParam(defaultValue = "1") int page, Model model) {
        model.addAttribute("reference", reference);
        model.addAttribute("status", status);
        model.addAttribute("statuses", NotificationStatus.values());
        model.addAttribute("listing", notificationListing(notificationLog.page(reference, status, null,
                notificationReaders.current(), (Math.max(1, page) - 1) * PAGE_SIZE, PAGE_SIZE), page, reference, status));
        model.addAttribute("query", new PageQuery("/register/notifications").put("reference", reference)
                .put("status", status).put("page", page));
        return "register/notifications";
    }

    /**
     * The page asked for, paged in SQL; a page past the last shows the last, as {@link #page} does for
     * lists held in memory (the count tells which one that is).
     */
    private Listing<Notification> notificationListing(NotificationLog.Page found, int page, String reference,
                                                      NotificationStatus status) {
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        int current = Math.max(1, Math.min(page, pages));
        if (current != Math.max(1, page)) {
            found = notificationLog.page(reference, status, null, notificationReaders.current(), (current - 1) * PAGE_SIZE,
                    PAGE_SIZE);
        }
        return new Listing<>(found.items(), current, pages, found.total());
    }

    @GetMapping("/notifications.{format}")
    public ResponseEntity<byte[]> notificationExport(@PathVariable String format,
                                                     @RequestParam(required = false) String reference,
                                                     @RequestParam(required = false) NotificationStatus status) {
        Exports.Table table = Exports.Table.of("notifications", "When", "Reference", "Template", "Recipient", "E-mail",
                "Language", "Status", "Attempts", "Error", "Subject", "Sent at");
        // The newest 5000, as the page listed before it was paged in SQL.
        for (Notification n : notificationLog.page(reference, status, null, notificationReaders.current(), 0, 5000).items()) {
            table.row(n.createdAt(), n.subjectReference(), n.template(), n.recipientName(), n.recipientEmail(),
                    n.language(), n.status(), n.attempts(), n.error(), n.subject(), n.sentAt());
        }
        return Exports.download(table, format);
    }

    // ------------------------------------------------------------------ coming due

    @GetMapping("/coming-due")
    public String comingDue(Model model) {
        model.addAttribute("report", comingDue.report());
        model.addAttribute("query", new PageQuery("/register/coming-due"));
        return "register/coming-due";
    }

    @GetMapping("/coming-due.{format}")
    public ResponseEntity<byte[]> comingDueExport(@PathVariable String format) {
        ComingDue.Report report = comingDue.report();
        Exports.Table table = Exports.Table.of("coming-due", "What", "Reference", "Partner", "Title", "Date",
                "Days left", "Group", "Link");
        report.reviews().forEach(d -> table.row("Annual review", d.agreement().reference(), d.agreement().partnerAcronym(),
                d.agreement().title(), d.on(), d.daysLeft(), null, Links.agreement(d.agreement().reference())));
        report.termsEnding().forEach(d -> table.row("Term ends (" + (d.window() == 0 ? "passed" : d.window() + " days") + ")",
                d.agreement().reference(), d.agreement().partnerAcronym(), d.agreement().title(), d.on(), d.daysLeft(),
                null, Links.agreement(d.agreement().reference())));
        report.silentPartners().forEach(s -> table.row("Partner silent: " + s.waitingFor(), s.reference(), s.partner(),
                s.title(), s.lastChange(), -s.daysSilent(), null, s.url()));
        report.overdueTasks().forEach((group, tasks) -> tasks.forEach(t -> table.row("Overdue task: " + t.name(),
                t.businessKey(), null, null, t.due(), null, group, t.tasklistUrl())));
        report.incidents().forEach(i -> table.row("Incident: " + i.message(), i.businessKey(), null, i.activityId(),
                i.at(), null, null, i.cockpitUrl()));
        return Exports.download(table, format);
    }

    // ------------------------------------------------------------------ COP reports
    // Read as on the API (CopReportApi): only by those who read the whole register, through the same check.

    @GetMapping("/cop-reports")
    public String copReportList(Model model) {
        copReportAccess.requireWholeRegister();
        model.addAttribute("reports", copReports.all());
        model.addAttribute("today", RegisterClock.today());
        model.addAttribute("query", new PageQuery("/register/cop-reports"));
        return "register/cop-reports";
    }

    @GetMapping("/cop-reports.{format}")
    public ResponseEntity<byte[]> copReportExport(@PathVariable String format) {
        copReportAccess.requireWholeRegister();
        Exports.Table table = Exports.Table.of("cop-reports", "Report", "COP", "Venue", "COP opens", "COP closes", "Symbol",
                "Agenda item", "Status", "Period from", "Cut-off", "Document deadline", "Approved on", "Approved by",
                "Published on", "Published late", "Page");
        copReports.all().forEach(r -> table.row(r.businessKey(), r.copNumber(), r.copVenue(), r.copStartsOn(), r.copEndsOn(),
                r.symbol(), r.agendaItem(), r.status(), r.periodFrom(), r.cutOff(), r.documentDeadline(), r.approvedOn(),
                r.approvedBy(), r.publishedOn(), r.publishedLate(), Links.copReport(r.businessKey())));
        return Exports.download(table, format);
    }

    /** A report: where it stands, its history, its facts (frozen or live, said which), tasks, process, documents. */
    @GetMapping("/cop-reports/{key}")
    public String copReport(@PathVariable String key, Model model) {
        copReportAccess.requireWholeRegister();
        CopReport report = copReports.get(key);
        String businessKey = report.businessKey();
        model.addAttribute("report", report);
        model.addAttribute("history", copReports.history(businessKey));
        Facts facts = copReports.facts(businessKey);
        model.addAttribute("facts", facts);
        model.addAttribute("partnersByCategory", facts.formalPartners().stream()
                .collect(Collectors.groupingBy(Facts.PartnerLine::category)));
        model.addAttribute("frozen", report.status().factsFrozen());
        model.addAttribute("today", RegisterClock.today());
        model.addAttribute("translations", copReports.translations(businessKey));
        model.addAttribute("languages", copReports.languages(businessKey));
        // The documents exist once the officer has drafted the narrative (the API answers 409 before).
        model.addAttribute("drafted", !copReports.narrative(businessKey, Language.EN).isEmpty());
        model.addAttribute("api", "/api/cop-reports/" + businessKey);
        model.addAttribute("tasks", engine.openTasks(businessKey));
        model.addAttribute("instances", engine.instances(businessKey));
        return "register/cop-report";
    }

    // ------------------------------------------------------------------ logout

    /** Logs out of the register pages and the webapps alike (same session), then shows the webapps' login. */
    @PostMapping("/logout")
    public String logout(@RequestParam(required = false) String token, HttpServletRequest request) {
        HttpSession session = request.getSession(false);
        if (session == null || !Objects.equals(session.getAttribute(LOGOUT_TOKEN), token)) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The logout form has expired: reload the page");
        }
        WebappSessionLogin.logout(request);
        return "redirect:" + WebappSessionLogin.LOGIN_PAGE;
    }

    private static String logoutToken(HttpSession session) {
        Object token = session.getAttribute(LOGOUT_TOKEN);
        if (token == null) {
            token = UUID.randomUUID().toString();
            session.setAttribute(LOGOUT_TOKEN, token);
        }
        return token.toString();
    }
}
