-- Current state of every pod seen: one row per pod UID.
CREATE TABLE pod_metrics (
    id               BIGSERIAL PRIMARY KEY,
    namespace        TEXT        NOT NULL,
    pod_name         TEXT        NOT NULL,
    pod_id           TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    node_name        TEXT,
    -- resourceVersion of the last applied change; older or equal ones (replays) change nothing.
    resource_version BIGINT      NOT NULL,
    timestamp        TIMESTAMPTZ NOT NULL
);
-- The unique index is the index on pod_id; upserts use it as their conflict target.
CREATE UNIQUE INDEX idx_pod_metrics_pod_id ON pod_metrics (pod_id);
CREATE INDEX idx_pod_metrics_timestamp ON pod_metrics (timestamp);
CREATE INDEX idx_pod_metrics_pod_name ON pod_metrics (pod_name);
CREATE INDEX idx_pod_metrics_namespace_status ON pod_metrics (namespace, status);

-- Pods that changed in the last hour, newest first.
CREATE VIEW recent_pod_metrics AS
SELECT id, namespace, pod_name, pod_id, status, node_name, timestamp
FROM pod_metrics
WHERE timestamp > now() - INTERVAL '1 hour'
ORDER BY timestamp DESC;

-- Current state of every Deployment, StatefulSet and Job seen.
CREATE TABLE workload_state (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT        NOT NULL,
    namespace        TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    uid              TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    resource_version BIGINT      NOT NULL,
    timestamp        TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX idx_workload_state_uid ON workload_state (uid);

-- Every status change of a pod or workload: a row is added only when the status differs from the
-- one recorded before, so replays and restarts add nothing.
CREATE TABLE status_history (
    id               BIGSERIAL PRIMARY KEY,
    kind             TEXT        NOT NULL,
    namespace        TEXT        NOT NULL,
    name             TEXT        NOT NULL,
    uid              TEXT        NOT NULL,
    status           TEXT        NOT NULL,
    node_name        TEXT,
    resource_version BIGINT      NOT NULL,
    observed_at      TIMESTAMPTZ NOT NULL,
    CONSTRAINT uq_status_history_change UNIQUE (uid, resource_version, status)
);
CREATE INDEX idx_status_history_kind_ns_time ON status_history (kind, namespace, observed_at);
CREATE INDEX idx_status_history_name ON status_history (name);
CREATE INDEX idx_status_history_uid_time ON status_history (uid, observed_at);
