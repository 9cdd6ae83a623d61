package org.cms.partnerships.pages;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.NotFoundException;
import org.cms.partnerships.copreport.CopReport;
import org.cms.partnerships.copreport.CopReportReadAccess;
import org.cms.partnerships.copreport.CopReportService;
import org.cms.partnerships.register.Agreement;
import org.cms.partnerships.register.AgreementService;
import org.cms.partnerships.security.RegisterReadAccess;
import org.cms.partnerships.workplan.WorkPlan;
import org.cms.partnerships.workplan.WorkPlanService;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The register record a process instance or task works on, with its status and history: what the
 * Cockpit tab on a process instance shows (webjars/.../cockpit/scripts/cms-register-tab.js), read with the
 * webapps' session. 404 when the user may not see the instance or task (the engine decides) or may not
 * read the record ({@link RegisterReadAccess}); a COP report answers 403 to a user who does not read the
 * whole register, as its API does ({@link CopReportReadAccess}).
 */
@RestController
public class RegisterSubjectApi {

    private final EngineWork engine;
    private final AgreementService agreements;
    private final WorkPlanService workPlans;
    private final RegisterReadAccess access;
    private final CopReportService copReports;
    private final CopReportReadAccess copReportAccess;

    public RegisterSubjectApi(EngineWork engine, AgreementService agreements, WorkPlanService workPlans,
                              RegisterReadAccess access, CopReportService copReports, CopReportReadAccess copReportAccess) {
        this.engine = engine;
        this.agreements = agreements;
        this.workPlans = workPlans;
        this.access = access;
        this.copReports = copReports;
        this.copReportAccess = copReportAccess;
    }

    public record HistoryLine(String from, String to, Instant at, String by, String why) {
    }

    public record Subject(String kind, String reference, String title, String partner, String status, String page,
                          List<HistoryLine> history) {
    }

    @GetMapping("/api/register-subject")
    public Subject subject(@RequestParam(required = false) String processInstanceId,
                           @RequestParam(required = false) String taskId) {
        Optional<EngineWork.Subject> found;
        if (processInstanceId != null && !processInstanceId.isBlank()) {
            found = engine.subjectOfInstance(processInstanceId);
        } else if (taskId != null && !taskId.isBlank()) {
            found = engine.subjectOfTask(taskId);
        } else {
            throw new InvalidInputException(List.of("Parameter 'processInstanceId' or 'taskId' is required"));
        }
        EngineWork.Subject subject = found.orElseThrow(() ->
                new NotFoundException("This process works on no agreement, joint work plan or COP report of the register"));
        if (subject.kind() == EngineWork.SubjectKind.COP_REPORT) {
            copReportAccess.requireWholeRegister();
            CopReport report = copReports.get(subject.reference());
            return new Subject("COP report", report.businessKey(), "Report to COP%d on partnerships, %s"
                    .formatted(report.copNumber(), report.symbol()), null, report.status().name(),
                    Links.copReport(report.businessKey()), copReports.history(report.businessKey()).stream()
                    .map(h -> new HistoryLine(h.fromStatus() == null ? null : h.fromStatus().name(),
                            h.toStatus() == null ? null : h.toStatus().name(), h.at(), h.by(), h.note())).toList());
        }
        if (subject.kind() == EngineWork.SubjectKind.WORK_PLAN) {
            WorkPlan plan = workPlans.get(subject.reference());
            if (plan.agreementReference() != null) {
                access.requireReadable(plan.agreementReference());
            } else if (!access.current().everything()) {
                throw new NotFoundException("No joint work plan with reference " + plan.reference());
            }
            return new Subject("Joint work plan", plan.reference(), plan.title(), plan.partnerAcronym(),
                    plan.status().name(), Links.workPlan(plan.reference()), workPlans.history(plan.reference()).stream()
                    .map(h -> new HistoryLine(h.fromStatus() == null ? null : h.fromStatus().name(), h.toStatus().name(),
                            h.changedAt(), h.changedBy(), h.reason())).toList());
        }
        Agreement agreement = access.agreement(subject.reference());
        return new Subject("Agreement", agreement.reference(), agreement.title(), agreement.partnerAcronym(),
                agreement.status().name(), Links.agreement(agreement.reference()),
                agreements.history(agreement.reference()).stream()
                        .map(h -> new HistoryLine(h.fromStatus() == null ? null : h.fromStatus().name(), h.toStatus().name(),
                                h.changedAt(), h.changedBy(), h.reason())).toList());
    }
}
