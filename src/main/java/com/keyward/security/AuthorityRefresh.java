package com.keyward.security;

import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Component;

/**
 * Role changes reach a signed-in person at their next navigation: the session's authorities are
 * read again from the database before every view is entered. An account that may no longer
 * sign in loses its session there too.
 */
@Component
public class AuthorityRefresh implements VaadinServiceInitListener {

    private final UserDetailsService users;

    public AuthorityRefresh(UserDetailsService users) {
        this.users = users;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(ui -> ui.getUI().addBeforeEnterListener(enter -> refresh()));
    }

    void refresh() {
        Authentication current = SecurityContextHolder.getContext().getAuthentication();
        if (current == null || !(current.getPrincipal() instanceof SignedInUser signedIn)) {
            return;
        }
        UserDetails fresh;
        try {
            fresh = users.loadUserByUsername(signedIn.getUsername());
        } catch (UsernameNotFoundException gone) {
            SecurityContextHolder.getContext().setAuthentication(null);
            return;
        }
        if (!fresh.isEnabled() || !fresh.isAccountNonLocked() || !fresh.isAccountNonExpired()) {
            SecurityContextHolder.getContext().setAuthentication(null);
            return;
        }
        var refreshed = UsernamePasswordAuthenticationToken.authenticated(fresh, null, fresh.getAuthorities());
        refreshed.setDetails(current.getDetails());
        SecurityContextHolder.getContext().setAuthentication(refreshed);
    }
}
