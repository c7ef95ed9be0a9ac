-- Each person's language for the console: NULL follows their browser's.
ALTER TABLE app_user
    ADD COLUMN language VARCHAR(8) NULL,
    ADD CONSTRAINT ck_app_user_language CHECK (language IN ('en', 'de'));
