package org.cms.partnerships.copreport;

import static org.cms.partnerships.copreport.CopReportProcess.*;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Create listener of the drafting and approval tasks: the facts of each section, computed afresh from
 * the register (a late signature changes them until approval), beside the section in the form (task-local).
 */
@Component("showCopReportFacts")
class ShowCopReportFacts implements TaskListener {

    private final CopReportService reports;

    ShowCopReportFacts(CopReportService reports) {
        this.reports = reports;
    }

    @Override
    public void notify(DelegateTask task) {
        String key = REPORT_KEY.from(task);
        Facts facts = reports.facts(key);
        for (ReportSection section : ReportSection.values()) {
            facts(section).setLocal(task, FactsText.of(section, facts));
        }
        FACTS_SUMMARY.set(task, FactsText.summary(facts));
        DOCUMENT_LINKS.setLocal(task, FactsText.links(key, reports.languages(key)));
    }
}
