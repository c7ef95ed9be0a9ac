package com.keyward.role;

import com.keyward.security.SignedInUser;
import com.keyward.validation.Refused;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The permission boundary of delegated administration: nobody changes an account (its profile,
 * status, roles, password, keys) that holds an authority they do not hold themselves. So Manage
 * Users never reaches an Admin, and no change can lift its actor above their own authorities.
 * Compared on the authorities as they are now, each expanded down the tree.
 */
@Service
public class AdministrationBoundary {

    private final AuthorityRepository authorities;
    private final ApplicationEventPublisher events;

    AdministrationBoundary(AuthorityRepository authorities, ApplicationEventPublisher events) {
        this.authorities = authorities;
        this.events = events;
    }

    /** The authorities this account holds that the actor does not: none when the actor may change it. */
    @Transactional(readOnly = true)
    public Set<String> beyond(SignedInUser actor, long userId) {
        Set<String> held = actor.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        Set<String> missing = new TreeSet<>(authorities.findEffectiveAuthorityCodes(userId));
        missing.removeAll(held);
        return missing;
    }

    public boolean allows(SignedInUser actor, long userId) {
        return beyond(actor, userId).isEmpty();
    }

    /**
     * Refuses ({@link Refused}, with the reason in the actor's words) when the account holds an
     * authority the actor does not; the refusal is audited even though its transaction rolls back.
     *
     * @param action what was tried, for the audit log ("reset password")
     */
    @Transactional(readOnly = true)
    public void require(SignedInUser actor, long userId, String username, String action) {
        Set<String> missing = beyond(actor, userId);
        if (!missing.isEmpty()) {
            events.publishEvent(new AdministrationRefused(userId, username, action, missing));
            throw new Refused("admin.boundary", username);
        }
    }
}
