-- Issue 17: API sets registered for other services, the Introspection API, per-key network
-- allow-lists and leak reports.

-- Built-in sets are Keyward's own (their endpoints are served here); registered ones belong to
-- another service that checks Keyward keys through introspection.
ALTER TABLE api_set
    ADD COLUMN owner_service VARCHAR(100) NULL,
    ADD COLUMN built_in      BOOLEAN      NOT NULL DEFAULT FALSE;
UPDATE api_set SET built_in = TRUE;
INSERT INTO api_set (code, name, description, position, built_in) VALUES
    ('INTROSPECTION', 'Introspection API',
     'Lets another service check a Keyward key: active or not, whose, which API sets (RFC 7662).', 5, TRUE);

INSERT INTO authority (code, name, level, parent_code, position) VALUES
    ('API_SETS',        'API Sets',        'AREA',   'ADMINISTRATION', 4),
    ('MANAGE_API_SETS', 'Manage API Sets', 'ACTION', 'API_SETS',       1);

-- CIDR ranges separated by spaces, e.g. "10.20.0.0/16 fd00::/8"; NULL: from anywhere
ALTER TABLE api_key ADD COLUMN allowed_networks VARCHAR(1000) NULL;

-- Where a key was found by a secret scanner: the key was revoked because of it
CREATE TABLE api_key_leak (
    id          BIGINT        NOT NULL AUTO_INCREMENT,
    api_key_id  BIGINT        NOT NULL,
    reported_at DATETIME(6)   NOT NULL,
    type        VARCHAR(100)  NULL,
    url         VARCHAR(1000) NULL,
    source      VARCHAR(100)  NULL,
    PRIMARY KEY (id),
    KEY ix_api_key_leak_key (api_key_id),
    CONSTRAINT fk_api_key_leak_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci COMMENT = 'Leak reports that revoked a key';
