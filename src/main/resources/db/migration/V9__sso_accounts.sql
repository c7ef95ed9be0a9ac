-- Roles given by a group: a directory group or an SSO provider's groups claim, kept apart from
-- roles an administrator gave.
ALTER TABLE user_role RENAME COLUMN from_directory TO from_group;
