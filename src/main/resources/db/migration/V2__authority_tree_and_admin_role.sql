-- The authority tree of the "Role, Authority, and Levels" module. Codes are stable identifiers.
INSERT INTO authority (code, name, level, parent_code, position) VALUES
    ('ADMINISTRATION',       'Administration',        'APPLICATION', NULL,             1),
    ('USERS',                'Users',                 'AREA',        'ADMINISTRATION', 1),
    ('VIEW_USERS',           'View Users',            'ACTION',      'USERS',          1),
    ('MANAGE_USERS',         'Manage Users',          'ACTION',      'USERS',          2),
    ('MANAGE_USER_API_KEY',  'Manage User API Key',   'ACTION',      'USERS',          3),
    ('REVOKE_USER_API_KEYS', 'Revoke User API Keys',  'ACTION',      'USERS',          4),
    ('ROLES',                'Roles and Authorities', 'AREA',        'ADMINISTRATION', 2),
    ('VIEW_ROLES',           'View Roles',            'ACTION',      'ROLES',          1),
    ('MANAGE_ROLES',         'Manage Roles',          'ACTION',      'ROLES',          2),
    ('AUDIT',                'Audit',                 'AREA',        'ADMINISTRATION', 3),
    ('VIEW_AUDIT_LOG',       'View Audit Log',        'ACTION',      'AUDIT',          1);

-- The built-in Admin role holds the application-level authority, and so everything beneath it.
INSERT INTO role (name, description, built_in, created_at) VALUES
    ('Admin', 'Built-in: every authority of the Administration application.', TRUE, UTC_TIMESTAMP(6));
INSERT INTO role_authority (role_id, authority_code)
    SELECT id, 'ADMINISTRATION' FROM role WHERE name = 'Admin';
