package com.keyward.directory;

import com.keyward.security.IdentityMismatchException;
import com.keyward.security.Principals;
import com.keyward.security.SignInUnavailableException;
import com.keyward.security.SignedInUser;
import com.keyward.user.AccountSource;
import com.keyward.user.ExternalAccounts;
import jakarta.annotation.Nullable;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ldap.core.DirContextOperations;
import org.springframework.security.authentication.AccountStatusUserDetailsChecker;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.ldap.authentication.BindAuthenticator;

/**
 * Signs directory people in by an LDAP bind with their own password (Spring Security's
 * {@link BindAuthenticator}), after the local accounts had their turn. Their Keyward account is
 * made or refreshed from the entry (profile, mapped roles); then Keyward's own status applies
 * (disabled by an administrator, locked after failures, expired). A username that belongs to a
 * local or SSO account is never checked against the directory. The account is the one bound to
 * the entry (its entryUUID or objectGUID): an entry whose name is another entry's account's is
 * refused, with a page that says so (the person proved who they are in the directory).
 */
class DirectoryAuthenticationProvider implements AuthenticationProvider {

    private static final Logger log = LoggerFactory.getLogger(DirectoryAuthenticationProvider.class);
    private static final String GENERIC = "Bad credentials";

    private final BindAuthenticator bind;
    private final Directory directory;
    private final ExternalAccounts accounts;
    private final Principals principals;

    DirectoryAuthenticationProvider(
            BindAuthenticator bind, Directory directory, ExternalAccounts accounts, Principals principals) {
        this.bind = bind;
        this.directory = directory;
        this.accounts = accounts;
        this.principals = principals;
    }

    @Override
    public @Nullable Authentication authenticate(Authentication authentication) {
        String username = authentication.getName();
        Optional<AccountSource> source = accounts.sourceOf(username);
        if (source.isPresent() && source.get() != AccountSource.DIRECTORY) {
            return null;
        }
        Object password = authentication.getCredentials();
        if (password == null || password.toString().isEmpty()) {
            throw new BadCredentialsException(GENERIC);
        }
        DirContextOperations entry;
        try {
            entry = bind.authenticate(
                    UsernamePasswordAuthenticationToken.unauthenticated(username, password.toString()));
        } catch (UsernameNotFoundException unknown) {
            throw new BadCredentialsException(GENERIC);
        } catch (org.springframework.ldap.NamingException unreachable) {
            log.warn("Directory sign-in impossible, the directory cannot be reached: {}", unreachable.getMessage());
            throw new SignInUnavailableException("The directory cannot be reached", unreachable);
        }
        if (!directory.enabled(entry)) {
            throw new BadCredentialsException(GENERIC);
        }
        ExternalAccounts.Presence presence;
        try {
            presence = accounts.present(AccountSource.DIRECTORY, directory.person(entry, username));
        } catch (org.springframework.ldap.NamingException unreachable) {
            throw new SignInUnavailableException("The directory cannot be reached", unreachable);
        }
        String handle = switch (presence) {
            case ExternalAccounts.Admitted admitted -> admitted.username();
            case ExternalAccounts.Rejected rejected -> {
                log.warn("Directory sign-in refused: the username belongs to another account ({})", rejected.why());
                throw new IdentityMismatchException("The username belongs to an account of another identity");
            }
        };
        SignedInUser user = principals.current(handle).orElseThrow(() -> new BadCredentialsException(GENERIC));
        new AccountStatusUserDetailsChecker().check(user);
        user.eraseCredentials();
        return UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
