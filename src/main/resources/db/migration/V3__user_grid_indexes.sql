-- Indexes for the User Management grid: each sort column (InnoDB appends the id, which is the
-- tie-breaker of every sort), and status + username for the status filter in the default order.
CREATE INDEX ix_app_user_display_name ON app_user (display_name);
CREATE INDEX ix_app_user_email ON app_user (email);
CREATE INDEX ix_app_user_status_username ON app_user (status, username);
CREATE INDEX ix_app_user_last_sign_in ON app_user (last_sign_in_at);
