package com.keyward.directory;

import jakarta.annotation.Nullable;
import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyward.ldap.*} (each also as an environment variable, e.g. {@code KEYWARD_LDAP_URL}).
 *
 * @param url {@code ldap://} or {@code ldaps://} with the base DN, e.g. {@code ldap://dc1.corp:389/dc=corp}
 * @param userSearchFilter {@code {0}} is the username typed
 * @param groupSearchFilter {@code {0}} is the person's DN
 * @param groupRoles group DN → Keyward role name
 * @param embeddedLdif an LDIF file: start UnboundID's in-memory directory inside Keyward (local demos)
 */
@ConfigurationProperties("keyward.ldap")
public record DirectoryProperties(
        @DefaultValue("") String url,
        @DefaultValue("") String bindDn,
        @Nullable String bindPassword,
        @DefaultValue("") String bindPasswordFile,
        @DefaultValue("ou=people") String userSearchBase,
        @DefaultValue("(uid={0})") String userSearchFilter,
        @DefaultValue("uid") String usernameAttribute,
        @DefaultValue("cn") String nameAttribute,
        @DefaultValue("mail") String mailAttribute,
        @DefaultValue("false") boolean activeDirectory,
        @DefaultValue("ou=groups") String groupSearchBase,
        @DefaultValue("(member={0})") String groupSearchFilter,
        @DefaultValue Map<String, String> groupRoles,
        @DefaultValue("PT15M") Duration syncInterval,
        @DefaultValue("") String embeddedLdif,
        @DefaultValue("dc=corp") String embeddedBaseDn) {}
