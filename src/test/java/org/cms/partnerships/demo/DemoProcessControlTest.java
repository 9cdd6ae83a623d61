package org.cms.partnerships.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.cms.partnerships.agreement.AgreementProcess;
import org.cms.partnerships.support.CmsIntegrationTest;
import org.cms.partnerships.workplan.WorkPlanProcess;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * At every start the demo loader asks the history which records in an intermediate status ever had a
 * process, in batches of {@link DemoDataLoader#HISTORY_BATCH}: the answer must be the one a query per
 * record gives (HistoricRecordsTest and HistoricWorkPlansTest cover what is then started).
 */
@CmsIntegrationTest
class DemoProcessControlTest {

    /** Brought under process control when the demo register loaded. */
    static final String IOTC = "CMS-IOTC-2015";
    static final String CITES_PLAN = "JWP-CMS-CITES-2008-2011";

    @Autowired DemoDataLoader loader;
    @Autowired HistoryService history;

    @Test
    void theRecordsThatHadAProcessAreFoundInEveryBatch() {
        List<String> references = new ArrayList<>();
        for (int i = 0; i < 2 * DemoDataLoader.HISTORY_BATCH + 10; i++) {
            references.add("CMS-NEVER-" + i);
        }
        references.add(DemoDataLoader.HISTORY_BATCH + 3, IOTC);
        references.add(CITES_PLAN);

        assertThat(loader.hadAProcess(AgreementProcess.KEY, references)).containsExactly(IOTC);
        assertThat(loader.hadAProcess(WorkPlanProcess.KEY, references)).containsExactly(CITES_PLAN);
        assertThat(loader.hadAProcess(AgreementProcess.KEY, List.of())).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processDefinitionKey(AgreementProcess.KEY)
                .processInstanceBusinessKey(IOTC).count()).as("as one query per record answers").isPositive();
    }

    @Test
    void aRestartBringsNothingUnderProcessControlTwice() {
        assertThat(loader.bringUnderProcessControl()).doesNotContain(IOTC, CITES_PLAN);
    }
}
