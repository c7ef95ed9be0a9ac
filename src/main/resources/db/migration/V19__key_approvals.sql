-- Four-eyes keys. An API set can need an approver: a key generated for it works for that set only
-- once someone holding Approve API Keys (not the key's owner) has approved; a denied set is taken
-- off the key.
ALTER TABLE api_set ADD COLUMN needs_approval BOOLEAN NOT NULL DEFAULT FALSE;

INSERT INTO authority (code, name, level, parent_code, position) VALUES
    ('APPROVE_API_KEYS', 'Approve API Keys', 'ACTION', 'USERS', 5);

-- a key's set is ACTIVE (it unlocks the set) or PENDING (awaiting approval)
ALTER TABLE api_key_set
    ADD COLUMN state VARCHAR(16) NOT NULL DEFAULT 'ACTIVE',
    ADD CONSTRAINT ck_api_key_set_state CHECK (state IN ('ACTIVE', 'PENDING'));

-- one request per key that had a set needing approval: the owner's justification, then one decision
CREATE TABLE key_approval (
    api_key_id    BIGINT       NOT NULL,
    justification VARCHAR(500) NOT NULL,
    requested_at  DATETIME(6)  NOT NULL,
    decision      VARCHAR(16)  NULL,
    decided_at    DATETIME(6)  NULL,
    decided_by    BIGINT       NULL,
    reason        VARCHAR(500) NULL,
    PRIMARY KEY (api_key_id),
    KEY ix_key_approval_open (decided_at, requested_at),
    CONSTRAINT fk_key_approval_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE,
    CONSTRAINT fk_key_approval_decider FOREIGN KEY (decided_by) REFERENCES app_user (id) ON DELETE SET NULL,
    CONSTRAINT ck_key_approval_decision CHECK (decision IS NULL OR decision IN ('APPROVED', 'DENIED'))
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
