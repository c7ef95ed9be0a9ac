package com.keyward.apikey;

import com.keyward.apiset.ApiEndpoints;
import com.keyward.apiset.ApiSetCatalog;
import com.keyward.apiset.ApiSetPath;
import com.keyward.role.RoleMembership;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "What this key can do": the New API Key window's preview, for the signed-in person only. */
@Service
public class KeyPreviews {

    private final ApiSetCatalog catalog;
    private final ApiEndpoints endpoints;
    private final RoleMembership roles;
    private final CurrentUser currentUser;

    KeyPreviews(ApiSetCatalog catalog, ApiEndpoints endpoints, RoleMembership roles, CurrentUser currentUser) {
        this.catalog = catalog;
        this.endpoints = endpoints;
        this.roles = roles;
        this.currentUser = currentUser;
    }

    /** The preview for these sets (unknown codes are left out), as of the owner's authorities now. */
    @Transactional(readOnly = true)
    public KeyPreview preview(Collection<String> setCodes) {
        SignedInUser owner = currentUser.requireAuthority(
                Authorities.MANAGE_USER_API_KEY, "Generating API keys needs the Manage User API Key authority");
        Set<String> held = roles.effectiveAuthorityCodes(owner.id());
        return new KeyPreview(catalog.all().stream()
                .filter(set -> setCodes.contains(set.code()))
                .map(set -> new KeyPreview.SetPreview(
                        set,
                        endpoints.of(set.code()),
                        ApiSetPath.of(set.code())
                                .flatMap(ApiSetPath::requiredAuthority)
                                .filter(authority -> !held.contains(authority))
                                .orElse(null)))
                .toList());
    }
}
