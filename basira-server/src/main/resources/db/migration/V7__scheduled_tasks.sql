-- The durable scheduler's table (db-scheduler, docs/adr/0002-scheduler.md): one row per scheduled job
-- instance, e.g. ('groups-midnight', '<store id>') due at the store's next local midnight. A scheduler
-- claims a due row by updating picked/version, so of several server instances only one runs it.
-- Runs unchanged on H2 (2.x) and PostgreSQL (15+): VARCHAR instead of TEXT (H2's TEXT is a CLOB, which
-- cannot be part of a key), VARBINARY/BYTEA for the task data.
CREATE TABLE scheduled_tasks (
    task_name            VARCHAR(100)  NOT NULL,
    task_instance        VARCHAR(100)  NOT NULL,
    task_data            BYTEA,
    execution_time       TIMESTAMP WITH TIME ZONE NOT NULL,
    picked               BOOLEAN       NOT NULL,
    picked_by            VARCHAR(100),
    last_success         TIMESTAMP WITH TIME ZONE,
    last_failure         TIMESTAMP WITH TIME ZONE,
    consecutive_failures INT,
    last_heartbeat       TIMESTAMP WITH TIME ZONE,
    version              BIGINT        NOT NULL,
    priority             SMALLINT,
    PRIMARY KEY (task_name, task_instance)
);
CREATE INDEX scheduled_tasks_execution_time ON scheduled_tasks (execution_time);
CREATE INDEX scheduled_tasks_last_heartbeat ON scheduled_tasks (last_heartbeat);
CREATE INDEX scheduled_tasks_priority_execution_time ON scheduled_tasks (priority DESC, execution_time ASC);
