package org.cms.partnerships.workplan;

import java.util.List;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.security.AllowedTo;
import org.cms.partnerships.security.Groups;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The joint work plans and their coded activities: reads as {@link RegisterReadAccess} allows (a Family
 * secretariat: the plans of the agreements naming it), imports for those who draft plans.
 */
@RestController
@RequestMapping("/api/work-plans")
public class WorkPlanApi {

    private final WorkPlanService workPlans;
    private final ActivityImport activityImport;
    private final ImplementationReport report;
    private final RegisterReadAccess access;

    public WorkPlanApi(WorkPlanService workPlans, ActivityImport activityImport, ImplementationReport report,
                       RegisterReadAccess access) {
        this.workPlans = workPlans;
        this.activityImport = activityImport;
        this.report = report;
        this.access = access;
    }

    /** The state-of-implementation report, to read in the browser. */
    @GetMapping(value = "/{reference}/report.html", produces = "text/html;charset=UTF-8")
    public String reportHtml(@PathVariable String reference) {
        access.workPlan(workPlans.get(reference));
        return report.html(reference);
    }

    /** The same report as an OpenDocument text to edit (LibreOffice, Word). */
    @GetMapping(value = "/{reference}/report.odt")
    public org.springframework.http.ResponseEntity<byte[]> reportOdt(@PathVariable String reference) {
        access.workPlan(workPlans.get(reference));
        return org.springframework.http.ResponseEntity.ok()
                .header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"" + reference + "-implementation.odt\"")
                .contentType(org.springframework.http.MediaType.parseMediaType("application/vnd.oasis.opendocument.text"))
                .body(report.odt(reference));
    }

    public record Imported(String workPlan, int activitiesImported) {
    }

    /** Imports activities from CSV (header line) into a plan being drafted; 400 lists every bad line. */
    @PostMapping(value = "/{reference}/activities", consumes = {"text/csv", "text/plain"})
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS, Groups.MANAGERS}, action = "import activities into a work plan")
    public Imported importCsv(@PathVariable String reference, @RequestBody String content) {
        return new Imported(reference, activityImport.importCsv(reference, content));
    }

    /** Imports activities from a JSON array into a plan being drafted; 400 lists every bad item. */
    @PostMapping(value = "/{reference}/activities", consumes = "application/json")
    @AllowedTo(groups = {Groups.PARTNERSHIP_OFFICERS, Groups.MANAGERS}, action = "import activities into a work plan")
    public Imported importJson(@PathVariable String reference, @RequestBody String content) {
        return new Imported(reference, activityImport.importJson(reference, content));
    }

    /** A plan with its themes, activities, progress log and status history (from, to, when, by whom, why). */
    public record WorkPlanDetail(WorkPlan workPlan, List<WorkPlanService.Theme> themes, List<WorkPlanActivity> activities,
                                 List<WorkPlanService.LogEntry> log, List<WorkPlanStatusChange> statusHistory) {
    }

    @GetMapping
    public List<WorkPlan> list() {
        return access.workPlans(workPlans.all());
    }

    @GetMapping("/{reference}")
    public WorkPlanDetail get(@PathVariable String reference) {
        return new WorkPlanDetail(access.workPlan(workPlans.get(reference)), workPlans.themes(reference), workPlans.activities(reference),
                workPlans.logEntries(reference), workPlans.history(reference));
    }
}
