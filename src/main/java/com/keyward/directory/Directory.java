package com.keyward.directory;

import com.keyward.user.ExternalPerson;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/**
 * Looking people up in the directory: who they are, whether the directory still has them
 * enabled, and which Keyward roles their groups map to. Throws {@link DirectoryUnavailable} when
 * the directory cannot be asked, so that nobody is judged on a failed question.
 */
public class Directory {

    /** Active Directory's userAccountControl flag ACCOUNTDISABLE (the bit 1.2.840.113556.1.4.803 tests). */
    static final int AD_ACCOUNT_DISABLED = 2;

    private final FilterBasedLdapUserSearch userSearch;
    private final LdapTemplate ldap;
    private final DirectoryProperties properties;
    private final Map<LdapName, String> groupRoles = new LinkedHashMap<>();

    Directory(FilterBasedLdapUserSearch userSearch, LdapTemplate ldap, DirectoryProperties properties) {
        this.userSearch = userSearch;
        this.ldap = ldap;
        this.properties = properties;
        properties.groupRoles().forEach((group, role) -> groupRoles.put(dn(group), role));
    }

    /** The person as the directory has them now, or empty when it has them no more (gone, disabled, filtered out). */
    public Optional<ExternalPerson> find(String username) {
        try {
            DirContextOperations entry = userSearch.searchForUser(username);
            return enabled(entry) ? Optional.of(person(entry, username)) : Optional.empty();
        } catch (UsernameNotFoundException gone) {
            return Optional.empty();
        } catch (org.springframework.ldap.NamingException failed) {
            throw new DirectoryUnavailable(failed);
        }
    }

    /** Whether the directory has this entry switched off (Active Directory's disabled flag). */
    boolean enabled(DirContextOperations entry) {
        if (!properties.activeDirectory()) {
            return true;
        }
        String control = entry.getStringAttribute("userAccountControl");
        try {
            return control == null || (Integer.parseInt(control.strip()) & AD_ACCOUNT_DISABLED) == 0;
        } catch (NumberFormatException unreadable) {
            return false;
        }
    }

    /** Profile and mapped roles of an entry the directory has (found, or bound as at sign-in). */
    ExternalPerson person(DirContextOperations entry, String typed) {
        String username = attribute(entry, properties.usernameAttribute(), typed);
        return new ExternalPerson(
                username,
                attribute(entry, properties.nameAttribute(), username),
                attribute(entry, properties.mailAttribute(), ""),
                roles(entry.getNameInNamespace()));
    }

    private Set<String> roles(String personDn) {
        if (groupRoles.isEmpty()) {
            return Set.of();
        }
        Set<String> roles = new TreeSet<>();
        ldap.search(
                        LdapQueryBuilder.query()
                                .base(properties.groupSearchBase())
                                .filter(properties.groupSearchFilter(), personDn),
                        (Object context) -> ((DirContextAdapter) context).getNameInNamespace())
                .forEach(group -> {
                    String role = groupRoles.get(dn(group));
                    if (role != null) {
                        roles.add(role);
                    }
                });
        return roles;
    }

    private static String attribute(DirContextOperations entry, String name, String otherwise) {
        String value = entry.getStringAttribute(name);
        return value == null || value.isBlank() ? otherwise : value.strip();
    }

    private static LdapName dn(String name) {
        try {
            return new LdapName(name.toLowerCase(Locale.ROOT));
        } catch (InvalidNameException e) {
            throw new IllegalArgumentException("Not a DN in keyward.ldap.group-roles: " + name, e);
        }
    }
}
