package com.keyward.user;

import com.keyward.role.AuthorityRepository;
import com.keyward.security.SignedInUser;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads accounts for Spring Security, and keeps the sign-in bookkeeping: the last sign-in, and
 * the consecutive failures that lock an account.
 */
@Service
public class SignInService implements UserDetailsService {

    /** Consecutive failed sign-ins that lock an account until an administrator unlocks it. */
    public static final int LOCK_THRESHOLD = 5;

    private static final Logger log = LoggerFactory.getLogger(SignInService.class);

    private final UserRepository users;
    private final AuthorityRepository authorities;
    private final Clock clock;

    public SignInService(UserRepository users, AuthorityRepository authorities, Clock clock) {
        this.users = users;
        this.authorities = authorities;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        SignInAccount account = users.findSignInAccount(username)
                .filter(a -> a.passwordHash() != null)
                // the same exception for "no such user" and "cannot sign in with a password":
                // Spring turns both into the generic bad-credentials answer
                .orElseThrow(() -> new UsernameNotFoundException("No account that can sign in"));
        // each authority twice: as its code (what services check) and as a role, which is how
        // Jakarta @RolesAllowed on views asks (request.isUserInRole adds the ROLE_ prefix)
        List<SimpleGrantedAuthority> granted = authorities.findEffectiveAuthorityCodes(account.id()).stream()
                .flatMap(code -> Stream.of(code, "ROLE_" + code))
                .map(SimpleGrantedAuthority::new)
                .toList();
        return new SignedInUser(account.id(), account.username(), account.displayName(), account.passwordHash(),
                account.status() != UserStatus.DISABLED, !account.expiredAt(clock.instant()),
                account.status() != UserStatus.LOCKED, granted);
    }

    @EventListener
    @Transactional
    public void onSuccess(AuthenticationSuccessEvent event) {
        if (event.getAuthentication().getPrincipal() instanceof SignedInUser user) {
            users.recordSuccessfulSignIn(user.id(), Instant.now(clock));
        }
    }

    @EventListener
    @Transactional
    public void onBadCredentials(AuthenticationFailureBadCredentialsEvent event) {
        String username = event.getAuthentication().getName();
        if (username != null && users.recordFailedSignIn(username, LOCK_THRESHOLD)) {
            log.warn("Account '{}' locked after {} consecutive failed sign-ins", username, LOCK_THRESHOLD);
        }
    }
}
