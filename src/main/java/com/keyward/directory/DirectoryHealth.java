package com.keyward.directory;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.ldap.core.LdapTemplate;
import org.springframework.ldap.query.LdapQueryBuilder;
import org.springframework.ldap.query.SearchScope;

/**
 * "directory" in /actuator/health: whether the directory answers. Not part of readiness: with the
 * directory down, local accounts and API keys keep working, so the instance keeps its traffic.
 */
class DirectoryHealth implements HealthIndicator {

    private final LdapTemplate ldap;

    DirectoryHealth(LdapTemplate ldap) {
        this.ldap = ldap;
    }

    @Override
    public Health health() {
        try {
            ldap.search(
                    LdapQueryBuilder.query()
                            .searchScope(SearchScope.OBJECT)
                            .where("objectClass")
                            .isPresent(),
                    (Object context) -> Boolean.TRUE);
            return Health.up().build();
        } catch (org.springframework.ldap.NamingException unreachable) {
            return Health.down()
                    .withDetail("error", unreachable.getClass().getSimpleName())
                    .build();
        }
    }
}
