-- Throttle buckets (Bucket4j) shared by every Keyward node: N nodes allow what one allows.
-- The id is a SHA-256 of the throttle's name and key (an address, a username as typed): what
-- someone typed into the username field never lands in the database as such.
CREATE TABLE throttle_bucket (
    id         VARCHAR(64) NOT NULL PRIMARY KEY,
    state      BLOB,
    expires_at BIGINT,
    KEY throttle_bucket_expires (expires_at)
) ENGINE = InnoDB;
