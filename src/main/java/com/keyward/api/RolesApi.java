package com.keyward.api;

import com.keyward.apiset.ApiSetPath;
import com.keyward.role.RoleService;
import com.keyward.role.RoleSummary;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Roles API: roles with authorities and limits (needs View Roles). */
@RestController
@RequestMapping(path = ApiSetPath.ROLES_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Roles API", description = "Roles with their authorities and limits (needs View Roles).")
public class RolesApi {

    private final RoleService roles;

    public RolesApi(RoleService roles) {
        this.roles = roles;
    }

    @GetMapping
    @Operation(summary = "Roles by name, with authority codes and API-key limits")
    public PageResponse<RoleSummary> list(
            @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size);
        return new PageResponse<>(roles.page(PageResponse.offset(page, size), size), page, size, roles.count());
    }
}
