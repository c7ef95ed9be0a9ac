-- A lock after failed sign-ins expires by itself; each further lock before a successful sign-in
-- lasts longer (lock_count). A LOCKED account without locked_until (synthetic demo rows) stays locked.
ALTER TABLE app_user
    ADD COLUMN locked_until DATETIME(6) NULL AFTER failed_sign_ins,
    ADD COLUMN lock_count   INT         NOT NULL DEFAULT 0 AFTER locked_until,
    ADD CONSTRAINT ck_app_user_lock_count CHECK (lock_count >= 0);

-- locks taken before this version had no end: they end now
UPDATE app_user SET locked_until = UTC_TIMESTAMP(6) WHERE status = 'LOCKED';

-- the expiry sweep finds expired locks without reading every account
CREATE INDEX ix_app_user_locked_until ON app_user (locked_until);
