package org.cms.partnerships.engine;

import java.util.List;
import org.cms.partnerships.engine.variables.ProcessVariable;

/**
 * Variables that name the records a process works on (an agreement's reference, the agreement it
 * supersedes, a plan's reference). A feature declares its own as a bean; {@link ProcessIntegrityPlugin}
 * seals their values when a process starts and refuses any later change.
 */
public interface RecordIdentity {

    List<ProcessVariable<?>> variables();
}
