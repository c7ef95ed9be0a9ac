package com.keyward.directory;

import com.keyward.user.ExternalAccounts;
import com.keyward.user.ExternalPerson;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import javax.naming.InvalidNameException;
import javax.naming.ldap.LdapName;
import org.springframework.ldap.core.AttributesMapper;
import org.springframework.ldap.core.DirContextAdapter;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.core.support.BaseLdapPathSource;
import org.springframework.ldap.filter.HardcodedFilter;
import org.springframework.ldap.query.LdapQuery;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.search.FilterBasedLdapUserSearch;

/**
 * Looking people up in the directory: who they are, whether the directory still has them
 * enabled, and which Keyward roles their groups map to. Throws {@link DirectoryUnavailable} when
 * the directory cannot be asked, so that nobody is judged on a failed question.
 */
public class Directory {

    /**
     * The attributes an entry is read with: all of its own, and the operational ones that hold its
     * immutable id (OpenLDAP, UnboundID, 389 DS: entryUUID; Active Directory: objectGUID).
     */
    static final String[] ATTRIBUTES = {"*", "entryUUID", "objectGUID"};

    /** How an entry id says what it is: {@code entryUUID:…}, {@code objectGUID:…} (hex), or {@code dn:…}. */
    private static final String ENTRY_UUID = "entryUUID:";

    private static final String OBJECT_GUID = "objectGUID:";
    private static final String DN = "dn:";

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

    /**
     * The person of this entry (by its immutable id), as {@link #find} has them, or empty when the
     * directory no longer has the entry, has it disabled, or its name no longer finds it.
     */
    public Optional<ExternalPerson> findById(String entryId) {
        List<String> names;
        try {
            names = ldap.search(byId(entryId), (AttributesMapper<String>) attributes -> {
                var name = attributes.get(properties.usernameAttribute());
                return name == null ? "" : String.valueOf(name.get());
            });
        } catch (org.springframework.ldap.NameNotFoundException | org.springframework.ldap.InvalidNameException gone) {
            // no entry can have this id (a DN that is none): this one person is gone, the run goes on
            return Optional.empty();
        } catch (org.springframework.ldap.NamingException failed) {
            throw new DirectoryUnavailable(failed);
        }
        if (names.size() != 1 || names.getFirst().isBlank()) {
            return Optional.empty();
        }
        // through the user search, so that its filter still decides who counts as present
        return find(names.getFirst()).filter(person -> person.externalId().equals(entryId));
    }

    private LdapQuery byId(String entryId) {
        if (entryId.startsWith(ENTRY_UUID)) {
            return LdapQueryBuilder.query()
                    .base(properties.userSearchBase())
                    .attributes(properties.usernameAttribute())
                    .where("entryUUID")
                    .is(entryId.substring(ENTRY_UUID.length()));
        }
        if (entryId.startsWith(OBJECT_GUID)) {
            // a binary attribute: each byte as \xx in the filter (RFC 4515)
            StringBuilder escaped = new StringBuilder();
            for (byte b : HexFormat.of().parseHex(entryId.substring(OBJECT_GUID.length()))) {
                escaped.append('\\').append(HexFormat.of().toHexDigits(b));
            }
            return LdapQueryBuilder.query()
                    .base(properties.userSearchBase())
                    .attributes(properties.usernameAttribute())
                    .filter(new HardcodedFilter("(objectGUID=" + escaped + ")"));
        }
        String dn = entryId.substring(DN.length());
        return LdapQueryBuilder.query()
                .base(relativeToBase(dn))
                .searchScope(org.springframework.ldap.query.SearchScope.OBJECT)
                .attributes(properties.usernameAttribute())
                .where("objectClass")
                .isPresent();
    }

    /** A full DN under the context's base, as the base-relative name searches take. */
    private String relativeToBase(String dn) {
        try {
            LdapName full = new LdapName(dn);
            if (ldap.getContextSource() instanceof BaseLdapPathSource source) {
                LdapName base = new LdapName(source.getBaseLdapPathAsString().toLowerCase(Locale.ROOT));
                if (full.startsWith(base)) {
                    return full.getSuffix(base.size()).toString();
                }
            }
            return dn;
        } catch (InvalidNameException unreadable) {
            return dn;
        }
    }

    /**
     * The entry's immutable id: entryUUID, else objectGUID, else (a server with neither) its DN,
     * which a rename or move changes.
     */
    static String entryId(DirContextOperations entry) {
        String uuid = entry.getStringAttribute("entryUUID");
        if (uuid != null && !uuid.isBlank()) {
            return ENTRY_UUID + uuid.strip().toLowerCase(Locale.ROOT);
        }
        if (entry.getObjectAttribute("objectGUID") instanceof byte[] guid && guid.length > 0) {
            return OBJECT_GUID + HexFormat.of().formatHex(guid);
        }
        return DN + entry.getNameInNamespace().toLowerCase(Locale.ROOT);
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
                ExternalAccounts.DIRECTORY_ISSUER,
                entryId(entry),
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
