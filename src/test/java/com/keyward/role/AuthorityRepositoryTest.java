package com.keyward.role;

import static org.assertj.core.api.Assertions.assertThat;

import com.keyward.KeywardTest;
import com.keyward.user.UserFixtures;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@KeywardTest
class AuthorityRepositoryTest {

    @Autowired
    AuthorityRepository authorities;

    @Autowired
    UserFixtures users;

    @Test
    void theApplicationLevelAuthorityGrantsEveryAreaAndActionBeneathIt() {
        long admin = users.findIdByUsername("admin").orElseThrow();
        assertThat(authorities.findEffectiveAuthorityCodes(admin))
                .containsExactlyInAnyOrder(
                        "ADMINISTRATION",
                        "USERS",
                        "VIEW_USERS",
                        "MANAGE_USERS",
                        "MANAGE_USER_API_KEY",
                        "REVOKE_USER_API_KEYS",
                        "APPROVE_API_KEYS",
                        "ROLES",
                        "VIEW_ROLES",
                        "MANAGE_ROLES",
                        "AUDIT",
                        "VIEW_AUDIT_LOG",
                        "API_SETS",
                        "MANAGE_API_SETS");
    }

    @Test
    void actionLevelAuthoritiesGrantOnlyThemselves() {
        long dana = users.findIdByUsername("dana").orElseThrow();
        assertThat(authorities.findEffectiveAuthorityCodes(dana))
                .containsExactlyInAnyOrder("VIEW_USERS", "MANAGE_USER_API_KEY");
    }

    @Test
    void aUserWithoutRolesHoldsNothing() {
        long nobody = users.findIdByUsername("user0000001").orElseThrow();
        assertThat(authorities.findEffectiveAuthorityCodes(nobody)).isEmpty();
    }
}
