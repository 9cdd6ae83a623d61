package org.cms.partnerships.pages;

import org.camunda.bpm.engine.RuntimeService;
import org.cms.partnerships.copreport.CopReportProcess;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The seed COPs' reports are started by more than one test class of the shared context (the process
 * test runs them through as well), and a COP has one report: the page tests take the report out of the
 * register (and its running process) before they start theirs and after, so no order of classes matters.
 */
final class FreshCopReport {

    private FreshCopReport() {
    }

    static void remove(JdbcClient jdbc, RuntimeService runtime, String businessKey) {
        runtime.createProcessInstanceQuery().processDefinitionKey(CopReportProcess.KEY)
                .processInstanceBusinessKey(businessKey).list()
                .forEach(p -> runtime.deleteProcessInstance(p.getId(), "Page test cleans up its report"));
        for (String table : new String[] {"cop_report_section", "cop_report_translation", "cop_report_event"}) {
            jdbc.sql("DELETE FROM " + table + " WHERE report_id IN (SELECT id FROM cop_report WHERE business_key = :key)")
                    .param("key", businessKey).update();
        }
        jdbc.sql("DELETE FROM cop_report WHERE business_key = :key").param("key", businessKey).update();
    }
}
