package org.cms.partnerships.copreport;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.engine.RecordIdentity;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.stereotype.Component;

/** A cop-report process works on one report: fixed at start; its tasks are named after it ("· COP13-partnerships"). */
@Component
class CopReportIdentity implements RecordIdentity {

    @Override
    public List<ProcessVariable<?>> variables() {
        return List.of(CopReportProcess.REPORT_KEY);
    }

    @Override
    public Optional<String> taskSubject(VariableScope scope) {
        return CopReportProcess.REPORT_KEY.optionalFrom(scope).map(key ->
                CopReportProcess.TRANSLATION_LANGUAGE.optionalFrom(scope).map(l -> " (" + l + ")").orElse("") + " · " + key);
    }

    @Override
    public int titleOrder() {
        return 5;
    }
}
