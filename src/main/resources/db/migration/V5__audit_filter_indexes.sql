-- The Admin › Audit view filters by actor and target; newest first within each.
CREATE INDEX ix_audit_event_actor_time ON audit_event (actor_username, occurred_at);
CREATE INDEX ix_audit_event_target_time ON audit_event (target_username, occurred_at);
