package com.keyward.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** Who is signed in, and what they may do: the one place services and views ask. */
@Component
public class CurrentUser {

    public Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    public SignedInUser require() {
        return get().orElseThrow(() -> new org.springframework.security.access.AccessDeniedException("Not signed in"));
    }

    /**
     * The signed-in person, when they hold the authority; otherwise AccessDeniedException with
     * {@code reason}, which API clients see in the 403 problem.
     */
    public SignedInUser requireAuthority(String code, String reason) {
        SignedInUser user = require();
        if (!hasAuthority(code)) {
            throw new org.springframework.security.access.AccessDeniedException(reason);
        }
        return user;
    }

    public boolean hasAuthority(String code) {
        return get().map(user -> user.getAuthorities().stream()
                .anyMatch(granted -> code.equals(granted.getAuthority()))).orElse(false);
    }
}
