package org.cms.partnerships.engine;

import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.cms.partnerships.engine.variables.ProcessVariable;

/**
 * Variables that name the records a process works on (an agreement's reference, the agreement it
 * supersedes, a plan's reference). A feature declares its own as a bean; {@link ProcessIntegrityPlugin}
 * seals their values when a process starts and refuses any later change, and {@link TaskTitlePlugin}
 * names each task after them.
 */
public interface RecordIdentity {

    List<ProcessVariable<?>> variables();

    /**
     * What a task of this scope is about, appended to its name ("· CITES · JWP-CMS-CITES-2012-2014"),
     * or empty when the scope carries no such record. The most specific identity answers first.
     */
    default Optional<String> taskSubject(VariableScope scope) {
        return Optional.empty();
    }

    /** Lower answers first: a plan before the agreement it belongs to, an agreement before an endorsement. */
    default int titleOrder() {
        return 100;
    }
}
