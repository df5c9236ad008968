-- CPU and memory of each pod as metrics.k8s.io reported it, one row per pod per sample
-- (usage/UsageSampler.java). Compact: no surrogate key, integers only besides the names.
CREATE TABLE pod_usage (
    sampled_at      TIMESTAMPTZ NOT NULL,
    namespace       TEXT        NOT NULL,
    pod_name        TEXT        NOT NULL,
    cpu_millicores  INTEGER     NOT NULL,
    memory_bytes    BIGINT      NOT NULL
);
-- The page asks for the pods of one workload (a name prefix) over the last hour(s).
CREATE INDEX idx_pod_usage_ns_pod_time ON pod_usage (namespace, pod_name text_pattern_ops, sampled_at);
-- Retention deletes by time.
CREATE INDEX idx_pod_usage_time ON pod_usage (sampled_at);
