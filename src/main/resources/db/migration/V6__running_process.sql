-- One row per running process instance, kept by the engine plugin ProcessIntegrityPlugin:
--  * exclusive_key makes "one running process per business key" a database rule: two starts racing
--    for the same key cannot both commit (top-level instances only; a called process is its caller's);
--  * sealed_identity holds the variables that name the records the process works on, as they were at
--    start, so no later form or REST call can point the process at another record.
CREATE TABLE running_process (
    process_instance_id VARCHAR(64)   NOT NULL PRIMARY KEY,
    process_key         VARCHAR(255)  NOT NULL,
    business_key        VARCHAR(255),
    exclusive_key       VARCHAR(520),
    sealed_identity     VARCHAR(4000) NOT NULL,
    started_at          TIMESTAMP     NOT NULL,
    CONSTRAINT uq_running_process_key UNIQUE (exclusive_key)
);
