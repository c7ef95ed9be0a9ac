-- Whether this installation has ever had an Admin (issue 30). Until the Admin role is first
-- granted (by /setup, by KEYWARD_ADMIN_USERNAME at start, by the demo data), Keyward offers its
-- one-time set-up; from then on never again, whatever becomes of that Admin (locked, disabled,
-- expired, demoted): recovering access is the host's `recover-admin` command. One row.
CREATE TABLE installation (
    id                   TINYINT     NOT NULL,
    admin_established_at DATETIME(6) NULL,
    PRIMARY KEY (id),
    CONSTRAINT ck_installation_one_row CHECK (id = 1)
) ENGINE = InnoDB;

-- an installation whose Admin role anyone holds (in any status) has had an Admin
INSERT INTO installation (id, admin_established_at)
SELECT 1, CASE WHEN EXISTS (SELECT 1 FROM user_role ur JOIN role r ON r.id = ur.role_id WHERE r.built_in)
               THEN UTC_TIMESTAMP(6) END;
