/**
 * Single sign-on with an OpenID Connect provider (Keycloak, Entra ID, Okta): Spring Security's
 * OAuth2 client signs people in; this module makes their accounts (source SSO) and maps their
 * groups to roles. Present only where a {@code spring.security.oauth2.client.registration} is set.
 */
@NullMarked
package com.keyward.sso;

import org.jspecify.annotations.NullMarked;
