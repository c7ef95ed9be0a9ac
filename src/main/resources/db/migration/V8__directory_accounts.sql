-- Directory (LDAP / Active Directory) accounts: a status only the directory sync sets and lifts,
-- the entry an account was last matched to and when, roles that come from directory groups
-- (kept apart from roles an administrator gave), and ShedLock's table so that one instance at a
-- time runs a scheduled job.
ALTER TABLE app_user
    DROP CONSTRAINT ck_app_user_status,
    MODIFY COLUMN status VARCHAR(24) NOT NULL DEFAULT 'ENABLED',
    ADD CONSTRAINT ck_app_user_status CHECK (status IN ('ENABLED', 'DISABLED', 'LOCKED', 'DIRECTORY_DISABLED')),
    ADD COLUMN directory_synced_at DATETIME(6) NULL AFTER source;

ALTER TABLE user_role
    ADD COLUMN from_directory BOOLEAN NOT NULL DEFAULT FALSE;

CREATE TABLE shedlock (
    name       VARCHAR(64)  NOT NULL,
    lock_until TIMESTAMP(3) NOT NULL,
    locked_at  TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3),
    locked_by  VARCHAR(255) NOT NULL,
    PRIMARY KEY (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'ShedLock: which instance runs a scheduled job now';
