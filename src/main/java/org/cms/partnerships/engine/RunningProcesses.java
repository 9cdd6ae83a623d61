package org.cms.partnerships.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Timestamp;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.cms.partnerships.common.ConflictException;
import org.cms.partnerships.common.InvalidInputException;
import org.cms.partnerships.common.RegisterClock;
import org.cms.partnerships.engine.variables.ProcessVariable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * The running processes as the register sees them (table {@code running_process}): at most one
 * top-level instance per process and business key, and each instance's sealed identity. Called by
 * {@link ProcessIntegrityPlugin} inside the engine's transaction, so a start that is refused leaves no
 * row, and an ended process frees its key in the same commit.
 */
@Service
public class RunningProcesses {

    /** Sealed identities never change, so a bounded cache saves the read on every step. */
    private static final int CACHE_SIZE = 10_000;

    private final JdbcClient jdbc;
    private final List<RecordIdentity> identities;
    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Map<String, String>> cache = Collections.synchronizedMap(
            new LinkedHashMap<>(256, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Map<String, String>> eldest) {
                    return size() > CACHE_SIZE;
                }
            });

    public RunningProcesses(JdbcClient jdbc, List<RecordIdentity> identities) {
        this.jdbc = jdbc;
        this.identities = identities;
    }

    /**
     * Checks that the records this instance works on are the ones it started with; the first call
     * (the first step after the start event) registers the instance and seals them.
     *
     * @throws InvalidInputException when a form or REST call changed one of them (400, nothing kept)
     * @throws ConflictException when another instance already runs for the same business key (409)
     */
    public void verify(DelegateExecution execution) {
        String instanceId = execution.getProcessInstanceId();
        Map<String, String> current = identityOf(execution);
        Map<String, String> sealed = sealedIdentity(instanceId).orElse(null);
        if (sealed == null) {
            // An instance started before this check existed: it is sealed as it is now.
            register(execution.getProcessInstance(), current);
            return;
        }
        for (Map.Entry<String, String> entry : current.entrySet()) {
            String was = sealed.get(entry.getKey());
            if (!Objects.equals(was, entry.getValue())) {
                throw new InvalidInputException("%s is set when the process starts and cannot be changed (it is %s)"
                        .formatted(entry.getKey(), was == null ? "not set" : was));
            }
        }
    }

    /** Registers a new instance as its start event completes: its business key is taken and its identity sealed. */
    public void started(DelegateExecution execution) {
        // An instance created in this very command has no row yet (nor could an earlier transaction have
        // written one): no need to ask the database.
        if (isNew(execution.getProcessInstance()) ? !cache.containsKey(execution.getProcessInstanceId())
                : sealedIdentity(execution.getProcessInstanceId()).isEmpty()) {
            register(execution.getProcessInstance(), identityOf(execution));
        }
    }

    /** Whether the instance is still to be inserted by the current command (started in it). */
    private static boolean isNew(DelegateExecution instance) {
        CommandContext command = Context.getCommandContext();
        return command != null && instance instanceof ExecutionEntity entity
                && command.getDbEntityManager().getDbEntityCache().isTransient(entity);
    }

    /** Frees the business key when the instance ends or is cancelled. */
    public void release(String processInstanceId) {
        jdbc.sql("DELETE FROM running_process WHERE process_instance_id = ?").param(processInstanceId).update();
        cache.remove(processInstanceId);
    }

    /** Whether a top-level instance of {@code processKey} runs for {@code businessKey} (any letter case). */
    public boolean isRunning(String processKey, String businessKey) {
        return jdbc.sql("SELECT COUNT(*) FROM running_process WHERE exclusive_key = ?")
                .param(exclusiveKey(processKey, businessKey)).query(Long.class).single() > 0;
    }

    /**
     * Which of {@code exclusiveBy} (the values a process declares as its {@code exclusiveKey}, e.g. agreement
     * references) have an instance of {@code processKey} under way: one query for a whole set, so that a
     * sweep can leave them out before it starts the others in one transaction. A row whose instance no
     * longer runs does not count (the start would release it).
     */
    public Set<String> underWay(String processKey, Collection<String> exclusiveBy) {
        if (exclusiveBy.isEmpty()) {
            return Set.of();
        }
        Map<String, String> byKey = new HashMap<>();
        exclusiveBy.forEach(value -> byKey.put(exclusiveKey(processKey, value), value));
        return jdbc.sql("""
                SELECT exclusive_key FROM running_process WHERE exclusive_key IN (:keys) AND EXISTS
                  (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = running_process.process_instance_id)""")
                .param("keys", byKey.keySet()).query(String.class).list().stream().map(byKey::get)
                .collect(Collectors.toSet());
    }

    private void register(DelegateExecution instance, Map<String, String> identity) {
        ExecutionEntity entity = (ExecutionEntity) instance;
        String processKey = entity.getProcessDefinition().getKey();
        String businessKey = instance.getProcessBusinessKey();
        Object declared = entity.getProcessDefinition().getProperty(ProcessIntegrityPlugin.EXCLUSIVE_KEY_PROPERTY);
        String exclusiveBy = declared instanceof Expression expression ? String.valueOf(expression.getValue(instance)) : businessKey;
        String exclusiveKey = entity.getSuperExecutionId() == null && exclusiveBy != null ? exclusiveKey(processKey, exclusiveBy) : null;
        Object[] row = {instance.getProcessInstanceId(), processKey, businessKey, exclusiveKey, write(identity),
                Timestamp.from(RegisterClock.now())};
        try {
            // Usually the key is free: one statement inserts the row only then. When a row holds the key, it
            // may be one whose instance no longer runs: released, and the row inserted as before (the unique
            // key still refuses a second start, also one racing this one).
            if (exclusiveKey == null || !insertIfFree(row)) {
                if (exclusiveKey != null) {
                    releaseIfEnded(exclusiveKey);
                }
                jdbc.sql("""
                        INSERT INTO running_process (process_instance_id, process_key, business_key, exclusive_key,
                            sealed_identity, started_at) VALUES (?, ?, ?, ?, ?, ?)""")
                        .params(row).update();
            }
        } catch (DuplicateKeyException e) {
            String name = entity.getProcessDefinition().getName();
            throw new ConflictException("%s: one is already under way for %s".formatted(
                    name == null ? processKey : name, exclusiveBy));
        }
        cache.put(instance.getProcessInstanceId(), identity);
    }

    /**
     * Inserts the row when no row holds its exclusive key (the fourth value); false (nothing written) when
     * one does. The casts type the parameters for PostgreSQL, which cannot infer them from a select list;
     * without a length, so that the column's own length still refuses a value too long.
     */
    private boolean insertIfFree(Object[] row) {
        return jdbc.sql("""
                INSERT INTO running_process (process_instance_id, process_key, business_key, exclusive_key,
                    sealed_identity, started_at)
                SELECT CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR), CAST(? AS VARCHAR),
                       CAST(? AS VARCHAR), CAST(? AS TIMESTAMP)
                WHERE NOT EXISTS (SELECT 1 FROM running_process r WHERE r.exclusive_key = ?)""")
                .params(row[0], row[1], row[2], row[3], row[4], row[5], row[3]).update() == 1;
    }

    /**
     * A row whose instance no longer runs (cancelled in Cockpit with listeners skipped, or deleted by
     * hand) must not block the key forever.
     */
    private void releaseIfEnded(String exclusiveKey) {
        jdbc.sql("""
                DELETE FROM running_process WHERE exclusive_key = ? AND NOT EXISTS
                  (SELECT 1 FROM ACT_RU_EXECUTION e WHERE e.ID_ = running_process.process_instance_id)""")
                .param(exclusiveKey).update();
    }

    private Optional<Map<String, String>> sealedIdentity(String instanceId) {
        Map<String, String> cached = cache.get(instanceId);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Map<String, String>> stored = jdbc.sql("SELECT sealed_identity FROM running_process WHERE process_instance_id = ?")
                .param(instanceId).query(String.class).optional().map(this::read);
        stored.ifPresent(identity -> cache.put(instanceId, identity));
        return stored;
    }

    private Map<String, String> identityOf(DelegateExecution execution) {
        Map<String, String> values = new TreeMap<>();
        for (RecordIdentity identity : identities) {
            for (ProcessVariable<?> variable : identity.variables()) {
                Object value = execution.getVariable(variable.name());
                values.put(variable.name(), value == null ? null : value.toString());
            }
        }
        return values;
    }

    static String exclusiveKey(String processKey, String businessKey) {
        return processKey + "|" + businessKey.trim().toUpperCase(java.util.Locale.ROOT);
    }

    private String write(Map<String, String> identity) {
        try {
            return json.writeValueAsString(identity);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, String> read(String text) {
        try {
            return json.readValue(text, TreeMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
