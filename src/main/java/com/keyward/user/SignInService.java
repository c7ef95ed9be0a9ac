package com.keyward.user;

import com.keyward.role.RoleMembership;
import com.keyward.security.Principals;
import com.keyward.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for Spring Security: the password hash, the status as it is now (a lock that
 * ran out no longer counts) and the effective authorities. The bookkeeping is {@link SignInLocks}.
 */
@Service
class SignInService implements UserDetailsService, Principals {

    private final UserRepository users;
    private final RoleMembership membership;
    private final Clock clock;

    SignInService(UserRepository users, RoleMembership membership, Clock clock) {
        this.users = users;
        this.membership = membership;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return users.findSignInAccount(username)
                .filter(a -> a.passwordHash() != null)
                .map(this::principal)
                // the same exception for "no such user" and "cannot sign in with a password":
                // Spring turns both into the generic bad-credentials answer
                .orElseThrow(() -> new UsernameNotFoundException("No account that can sign in"));
    }

    @Override
    @Transactional(readOnly = true)
    public Optional<SignedInUser> current(String username) {
        return users.findSignInAccount(username).map(this::principal);
    }

    private SignedInUser principal(SignInAccount account) {
        // each authority twice: as its code (what services check) and as a role, which is how
        // Jakarta @RolesAllowed on views asks (request.isUserInRole adds the ROLE_ prefix)
        List<SimpleGrantedAuthority> granted = membership.effectiveAuthorityCodes(account.id()).stream()
                .flatMap(code -> Stream.of(code, "ROLE_" + code))
                .map(SimpleGrantedAuthority::new)
                .toList();
        Instant now = clock.instant();
        return new SignedInUser(
                account.id(),
                account.username(),
                account.displayName(),
                Objects.requireNonNullElse(account.passwordHash(), ""),
                account.credentialsVersion(),
                !account.status().disabled(),
                !account.expiredAt(now),
                !account.lockedAt(now),
                granted);
    }
}
