-- Galera certifies the rows a transaction writes, not those it only locks with SELECT ... FOR
-- UPDATE (that lock holds on one node only). Every change that must be the only one of its kind
-- at a time writes a counter on the row it serializes on: an account's row (its keys, its roles,
-- its profile and password), and a role's row (the last-Admin rule, deleting a role). On one
-- server the write takes the same row lock the SELECT ... FOR UPDATE took.
ALTER TABLE app_user RENAME COLUMN key_changes TO changes;
ALTER TABLE role ADD COLUMN changes BIGINT NOT NULL DEFAULT 0;
