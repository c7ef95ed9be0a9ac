-- Where each account comes from (local now; directory and SSO later), a credentials version that
-- ends sessions signed in before a password change or reset, and one-time set-password links.
ALTER TABLE app_user
    ADD COLUMN source              VARCHAR(16) NOT NULL DEFAULT 'LOCAL' AFTER email,
    ADD COLUMN credentials_version INT         NOT NULL DEFAULT 0 AFTER password_hash,
    ADD COLUMN password_changed_at DATETIME(6) NULL AFTER credentials_version,
    ADD CONSTRAINT ck_app_user_source CHECK (source IN ('LOCAL', 'DIRECTORY', 'SSO'));

CREATE TABLE password_link (
    id         BIGINT      NOT NULL AUTO_INCREMENT,
    user_id    BIGINT      NOT NULL,
    -- SHA-256 of the link's token, never the token itself
    digest     BINARY(32)  NOT NULL,
    created_at DATETIME(6) NOT NULL,
    expires_at DATETIME(6) NOT NULL,
    created_by BIGINT      NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_password_link_digest (digest),
    KEY ix_password_link_user (user_id),
    CONSTRAINT fk_password_link_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_password_link_created_by FOREIGN KEY (created_by) REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT ck_password_link_expiry CHECK (expires_at > created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'One-time set-password links, stored as SHA-256 digests; a used link is deleted';
