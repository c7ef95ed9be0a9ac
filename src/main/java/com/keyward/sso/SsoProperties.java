package com.keyward.sso;

import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code keyward.sso.*}: which ID-token claims say who someone is and which groups they are in,
 * and the groups that give Keyward roles ({@code keyward.sso.group-roles.<group>=<role>}).
 */
@ConfigurationProperties("keyward.sso")
public record SsoProperties(
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("groups") String groupsClaim,
        @DefaultValue Map<String, String> groupRoles) {}
