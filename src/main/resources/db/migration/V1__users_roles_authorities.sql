-- Users, roles, the three-level authority tree, and role limits.
-- All times are UTC (DATETIME(6) holds no zone; the application writes UTC).

CREATE TABLE app_user (
    id                 BIGINT       NOT NULL AUTO_INCREMENT,
    username           VARCHAR(64)  NOT NULL,
    display_name       VARCHAR(200) NOT NULL,
    email              VARCHAR(254) NOT NULL,
    status             VARCHAR(16)  NOT NULL DEFAULT 'ENABLED',
    account_expires_at DATETIME(6)  NULL,
    -- NULL: the account cannot sign in with a password (e.g. synthetic demo users).
    password_hash      VARCHAR(255) NULL,
    failed_sign_ins    INT          NOT NULL DEFAULT 0,
    created_at         DATETIME(6)  NOT NULL,
    last_sign_in_at    DATETIME(6)  NULL,
    PRIMARY KEY (id),
    -- the case-insensitive collation makes "Dana" and "dana" the same username
    UNIQUE KEY uk_app_user_username (username),
    CONSTRAINT ck_app_user_status CHECK (status IN ('ENABLED', 'DISABLED', 'LOCKED')),
    CONSTRAINT ck_app_user_failed_sign_ins CHECK (failed_sign_ins >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'People who can sign in';

CREATE TABLE authority (
    code        VARCHAR(64)  NOT NULL,
    name        VARCHAR(100) NOT NULL,
    level       VARCHAR(16)  NOT NULL,
    parent_code VARCHAR(64)  NULL,
    position    INT          NOT NULL,
    PRIMARY KEY (code),
    KEY ix_authority_parent (parent_code),
    CONSTRAINT fk_authority_parent FOREIGN KEY (parent_code) REFERENCES authority (code),
    CONSTRAINT ck_authority_level CHECK (level IN ('APPLICATION', 'AREA', 'ACTION')),
    -- only an application stands at the top of the tree
    CONSTRAINT ck_authority_root CHECK ((level = 'APPLICATION') = (parent_code IS NULL))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'Security authorities: Application > Area > Action; holding one grants all beneath it';

CREATE TABLE role (
    id          BIGINT       NOT NULL AUTO_INCREMENT,
    name        VARCHAR(100) NOT NULL,
    description VARCHAR(500) NULL,
    built_in    BOOLEAN      NOT NULL DEFAULT FALSE,
    created_at  DATETIME(6)  NOT NULL,
    PRIMARY KEY (id),
    UNIQUE KEY uk_role_name (name)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'Roles carry authorities and limits';

CREATE TABLE role_authority (
    role_id        BIGINT      NOT NULL,
    authority_code VARCHAR(64) NOT NULL,
    PRIMARY KEY (role_id, authority_code),
    KEY ix_role_authority_authority (authority_code),
    CONSTRAINT fk_role_authority_role FOREIGN KEY (role_id) REFERENCES role (id) ON DELETE CASCADE,
    CONSTRAINT fk_role_authority_authority FOREIGN KEY (authority_code) REFERENCES authority (code)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE user_role (
    user_id BIGINT NOT NULL,
    role_id BIGINT NOT NULL,
    PRIMARY KEY (user_id, role_id),
    KEY ix_user_role_role (role_id),
    CONSTRAINT fk_user_role_user FOREIGN KEY (user_id) REFERENCES app_user (id) ON DELETE CASCADE,
    CONSTRAINT fk_user_role_role FOREIGN KEY (role_id) REFERENCES role (id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;

CREATE TABLE role_limit (
    role_id     BIGINT      NOT NULL,
    limit_code  VARCHAR(64) NOT NULL,
    limit_value INT         NOT NULL,
    PRIMARY KEY (role_id, limit_code),
    CONSTRAINT fk_role_limit_role FOREIGN KEY (role_id) REFERENCES role (id) ON DELETE CASCADE,
    CONSTRAINT ck_role_limit_code CHECK (limit_code IN ('MAX_ACTIVE_API_KEYS', 'MAX_API_KEY_LIFETIME_DAYS')),
    CONSTRAINT ck_role_limit_value CHECK (limit_value >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci
  COMMENT = 'A missing row means the default; a user with several roles gets the largest value';
