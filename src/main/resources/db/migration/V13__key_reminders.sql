-- Reminders about keys that expire soon (30, 7, 1 days ahead) or have expired: one row per key
-- and threshold, read in the console's bell, mailed at most once a day per owner.
CREATE TABLE key_reminder (
    id          BIGINT      NOT NULL AUTO_INCREMENT,
    owner_id    BIGINT      NOT NULL,
    api_key_id  BIGINT      NOT NULL,
    kind        VARCHAR(16) NOT NULL,
    created_at  DATETIME(6) NOT NULL,
    read_at     DATETIME(6) NULL,
    mailed_at   DATETIME(6) NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_key_reminder (api_key_id, kind),
    KEY ix_key_reminder_owner (owner_id, read_at),
    KEY ix_key_reminder_mail (mailed_at, owner_id),
    CONSTRAINT fk_key_reminder_owner FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_key_reminder_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
