-- Admin › API Keys sorts and filters every key in SQL: indexes for its orders and filters.
CREATE INDEX ix_api_key_created ON api_key (created_at, id);
CREATE INDEX ix_api_key_expires ON api_key (expires_at, id);
CREATE INDEX ix_api_key_last_used ON api_key (last_used_at, id);
CREATE INDEX ix_api_key_set_code ON api_key_set (api_set_code, api_key_id);
