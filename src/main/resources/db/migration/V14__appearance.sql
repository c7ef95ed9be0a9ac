-- Each person's colour scheme for the console: NULL follows their system's setting.
ALTER TABLE app_user
    ADD COLUMN color_scheme VARCHAR(8) NULL,
    ADD CONSTRAINT ck_app_user_color_scheme CHECK (color_scheme IN ('LIGHT', 'DARK'));
