-- Rolling a key: the new key names the one it replaces; the old one keeps working until its
-- (lowered) expiry and names its successor.
ALTER TABLE api_key
    ADD COLUMN replaces_id  BIGINT NULL,
    ADD COLUMN rolled_to_id BIGINT NULL,
    ADD CONSTRAINT fk_api_key_replaces FOREIGN KEY (replaces_id) REFERENCES api_key (id) ON DELETE SET NULL,
    ADD CONSTRAINT fk_api_key_rolled_to FOREIGN KEY (rolled_to_id) REFERENCES api_key (id) ON DELETE SET NULL;

-- Requests per key and day (UTC), written in the same batched flush as "last used": never a
-- write per request. Refused calls are counted by reason.
CREATE TABLE api_key_usage_day (
    api_key_id     BIGINT NOT NULL,
    day            DATE   NOT NULL,
    calls          BIGINT NOT NULL DEFAULT 0,
    refused_401    BIGINT NOT NULL DEFAULT 0,
    refused_403    BIGINT NOT NULL DEFAULT 0,
    PRIMARY KEY (api_key_id, day),
    CONSTRAINT fk_api_key_usage_key FOREIGN KEY (api_key_id) REFERENCES api_key (id) ON DELETE CASCADE
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4 COLLATE = utf8mb4_unicode_ci;
