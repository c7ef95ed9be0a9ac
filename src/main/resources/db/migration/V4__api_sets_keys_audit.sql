-- The API-set catalog, API keys (digest only: no column can hold a key), and audit events.

CREATE TABLE api_set (
    code        VARCHAR(32)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500) NOT NULL,
    position    INT          NOT NULL,
    PRIMARY KEY (code),
    UNIQUE KEY uk_api_set_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'Groups of REST endpoints a key can unlock';

INSERT INTO api_set (code, name, description, position) VALUES
    ('ACCOUNT', 'Account API', 'The key owner''s own account, roles, authorities and API keys.', 1),
    ('USERS',   'Users API',   'User accounts, paged and filtered (needs View Users).',          2),
    ('ROLES',   'Roles API',   'Roles with their authorities and limits (needs View Roles).',     3),
    ('AUDIT',   'Audit API',   'Audit events, newest first (needs View Audit Log).',              4);

CREATE TABLE api_key (
    id           BIGINT       NOT NULL AUTO_INCREMENT,
    owner_id     BIGINT       NOT NULL,
    name         VARCHAR(100) NOT NULL,
    description  VARCHAR(500) NULL,
    -- SHA-256 of the whole key: 32 bytes, never the key itself
    key_digest   BINARY(32)   NOT NULL,
    -- a short, non-secret reminder such as kw_AbCd…x9Yz
    hint         VARCHAR(16)  NOT NULL,
    created_at   DATETIME(6)  NOT NULL,
    expires_at   DATETIME(6)  NOT NULL,
    revoked_at   DATETIME(6)  NULL,
    revoked_by   BIGINT       NULL,
    last_used_at DATETIME(6)  NULL,
    last_used_ip VARCHAR(45)  NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_api_key_digest (key_digest),
    KEY ix_api_key_owner (owner_id, revoked_at, expires_at),
    CONSTRAINT fk_api_key_owner FOREIGN KEY (owner_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_key_revoked_by FOREIGN KEY (revoked_by) REFERENCES app_user (id),
    CONSTRAINT ck_api_key_expiry CHECK (expires_at > created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'API keys, stored as SHA-256 digests';

CREATE TABLE api_key_set (
    api_key_id   BIGINT      NOT NULL,
    api_set_code VARCHAR(32) NOT NULL,
    PRIMARY KEY (api_key_id, api_set_code),
    CONSTRAINT fk_api_key_set_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE,
    CONSTRAINT fk_api_key_set_set FOREIGN KEY (api_set_code) REFERENCES api_set (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE audit_event (
    id              BIGINT        NOT NULL AUTO_INCREMENT,
    occurred_at     DATETIME(6)   NOT NULL,
    type            VARCHAR(64)   NOT NULL,
    actor_id        BIGINT        NULL,
    actor_username  VARCHAR(64)   NULL,
    target_user_id  BIGINT        NULL,
    target_username VARCHAR(64)   NULL,
    details         VARCHAR(1000) NULL,
    PRIMARY KEY (id),
    KEY ix_audit_event_time (occurred_at),
    KEY ix_audit_event_type_time (type, occurred_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Who did what to whom, when; never a secret';
