-- A person's key generations and rolls are checked against their limit one after the other. On one
-- server a SELECT ... FOR UPDATE of the account row did that; on a Galera cluster such a lock holds
-- only on the node that took it. Writing the row instead makes two concurrent generations on two
-- nodes conflict at certification: one is refused and tried again, and sees the other's key.
ALTER TABLE app_user ADD COLUMN key_changes BIGINT NOT NULL DEFAULT 0;
