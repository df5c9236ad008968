-- Retention deletes the oldest history rows in small batches (store/Retention.java): an index
-- on the time alone lets each batch find its rows without scanning the table. Rows are appended
-- in time order, so new entries go to the rightmost leaf and cost ingest little (see bench.sh).
CREATE INDEX idx_status_history_observed_at ON status_history (observed_at);
-- Current-state rows of objects deleted long ago are removed the same way.
CREATE INDEX idx_pod_metrics_deleted_time ON pod_metrics (timestamp) WHERE status = 'Deleted';
CREATE INDEX idx_workload_state_deleted_time ON workload_state (timestamp) WHERE status = 'Deleted';
