package com.keyward.api;

import com.keyward.apikey.ApiKeyInfo;
import com.keyward.apikey.ApiKeyService;
import com.keyward.apikey.ApiKeyUsage;
import com.keyward.apiset.ApiSetPath;
import com.keyward.security.CurrentUser;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Account API: the key's owner. */
@RestController
@RequestMapping(path = ApiSetPath.ACCOUNT_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Account API", description = "The key owner's own account, roles, authorities and API keys.")
public class AccountApi {

    private final UserService users;
    private final ApiKeyService keys;
    private final CurrentUser currentUser;

    public AccountApi(UserService users, ApiKeyService keys, CurrentUser currentUser) {
        this.users = users;
        this.keys = keys;
        this.currentUser = currentUser;
    }

    @GetMapping
    @Operation(summary = "Who am I: the key owner's account, roles and effective authorities")
    public UserAccountDetails me() {
        return users.myAccount();
    }

    @GetMapping("/keys")
    @Operation(summary = "The key owner's API keys (metadata; keys are never shown again)")
    public PageResponse<ApiKeyInfo> myKeys(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size);
        long owner = currentUser.require().id();
        return new PageResponse<>(
                keys.list(owner, PageResponse.offset(page, size), size), page, size, keys.count(owner));
    }

    @GetMapping("/keys/{id}/usage")
    @Operation(
            summary = "One of the key owner's API keys: requests per day for the last 30 days, last use, refused calls")
    public ApiKeyUsage keyUsage(@PathVariable long id) {
        return keys.myKeyUsage(id);
    }
}
