package com.keyward.api;

import com.keyward.apiset.ApiSetPath;
import com.keyward.user.UserAccountDetails;
import com.keyward.user.UserFilter;
import com.keyward.user.UserRow;
import com.keyward.user.UserService;
import com.keyward.user.UserSort;
import com.keyward.user.UserStatus;
import com.keyward.validation.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.annotation.Nullable;
import java.util.Arrays;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Users API: users paged and filtered like the grid (needs View Users). */
@RestController
@RequestMapping(path = ApiSetPath.USERS_PATH, produces = MediaType.APPLICATION_JSON_VALUE)
@Tag(name = "Users API", description = "User accounts, paged and filtered (needs View Users).")
public class UsersApi {

    private final UserService users;

    public UsersApi(UserService users) {
        this.users = users;
    }

    @GetMapping
    @Operation(summary = "Users, paged, sorted and filtered in the database")
    public PageResponse<UserRow> list(
            @Parameter(description = "Username, name or email starts with (case-insensitive)")
                    @RequestParam(required = false)
                    String q,
            @RequestParam(required = false) String status,
            @Parameter(description = "username, displayName, email, roles, status or lastSignIn")
                    @RequestParam(defaultValue = "username")
                    String sort,
            @RequestParam(defaultValue = "asc") String direction,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") int size) {
        PageResponse.check(page, size);
        UserSort order = UserSort.ofProperty(sort)
                .orElseThrow(() -> new IllegalArgumentException("sort must be one of "
                        + Arrays.stream(UserSort.values())
                                .map(UserSort::property)
                                .toList() + "."));
        if (!direction.equalsIgnoreCase("asc") && !direction.equalsIgnoreCase("desc")) {
            throw new IllegalArgumentException("direction must be asc or desc.");
        }
        UserFilter filter = new UserFilter(q, status(status));
        long total = users.count(filter);
        return new PageResponse<>(
                users.page(
                        filter, order, direction.equalsIgnoreCase("asc"), PageResponse.offset(page, size), size, total),
                page,
                size,
                total);
    }

    @GetMapping("/{username}")
    @Operation(summary = "One user by username")
    public UserAccountDetails one(@PathVariable String username) {
        return users.details(username).orElseThrow(() -> new NotFoundException("users.nosuch", username));
    }

    private static @Nullable UserStatus status(@Nullable String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        return Arrays.stream(UserStatus.values())
                .filter(s -> s.name().equalsIgnoreCase(status))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("status must be ENABLED, DISABLED or LOCKED."));
    }
}
