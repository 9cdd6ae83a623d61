package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.cms.partnerships.engine.Actor;
import org.cms.partnerships.meeting.Meeting;
import org.cms.partnerships.meeting.MeetingService;
import org.springframework.stereotype.Component;

/** "Compile the facts": opens the report in the register and sums up its figures for the officer. */
@Component("compileCopReportFacts")
class CompileCopReportFacts implements JavaDelegate {

    private final CopReportService reports;
    private final MeetingService meetings;

    CompileCopReportFacts(CopReportService reports, MeetingService meetings) {
        this.reports = reports;
        this.meetings = meetings;
    }

    @Override
    public void execute(DelegateExecution execution) {
        CopReport report = reports.open(new CopReportService.NewReport(
                meetings.get(Meeting.Kind.COP, COP_NUMBER.from(execution)), SYMBOL.from(execution), AGENDA_ITEM.from(execution),
                PERIOD_FROM.from(execution), CUT_OFF.orNull(execution), DOCUMENT_DEADLINE.from(execution)),
                REQUESTED_BY.optionalFrom(execution).orElseGet(() -> Actor.current(execution.getProcessEngineServices().getIdentityService())));
        FACTS_SUMMARY.set(execution, FactsText.summary(reports.facts(report.businessKey())));
    }
}
