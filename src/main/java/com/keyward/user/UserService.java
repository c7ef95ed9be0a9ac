package com.keyward.user;

import com.keyward.db.RetriedOnConflict;
import com.keyward.db.RowCount;
import com.keyward.role.RoleMembership;
import com.keyward.security.Authorities;
import com.keyward.security.CurrentUser;
import com.keyward.security.SignedInUser;
import com.keyward.validation.Usernames;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading user accounts: the grid needs View Users; everyone may read their own account. */
@Service
@Transactional(readOnly = true)
public class UserService {

    private final UserRepository users;
    private final RoleMembership membership;
    private final CurrentUser currentUser;

    UserService(UserRepository users, RoleMembership membership, CurrentUser currentUser) {
        this.users = users;
        this.membership = membership;
        this.currentUser = currentUser;
    }

    public long count(UserFilter filter) {
        requireViewUsers();
        return users.count(filter);
    }

    /** The count at once, for the grid to show while {@link #count} runs: exact when cheap, else an estimate. */
    public RowCount quickCount(UserFilter filter) {
        requireViewUsers();
        return users.quickCount(filter);
    }

    /** A page of the grid; {@code total} is what {@link #count} returned for the same filter, or -1 before. */
    public List<UserRow> page(UserFilter filter, UserSort sort, boolean ascending, int offset, int limit, long total) {
        requireViewUsers();
        return users.findPage(filter, sort, ascending, offset, limit, total);
    }

    /** Another person's details need View Users; one's own never does. */
    public Optional<UserAccountDetails> details(String username) {
        SignedInUser viewer = currentUser.require();
        if (!Usernames.key(viewer.getUsername()).equals(Usernames.key(username))) {
            requireViewUsers();
        }
        return users.findAccount(username)
                .map(account -> new UserAccountDetails(
                        account.id(),
                        account.username(),
                        account.displayName(),
                        account.email(),
                        account.source(),
                        account.hasPassword(),
                        account.status(),
                        account.accountExpiresAt(),
                        account.createdAt(),
                        account.lastSignInAt(),
                        membership.roleNamesOf(account.id()),
                        membership.effectiveAuthorities(account.id()),
                        account.source() != AccountSource.LOCAL
                                ? membership.mappedRoleNamesOf(account.id())
                                : List.of(),
                        users.directorySyncedAt(account.id()).orElse(null)));
    }

    public UserAccountDetails myAccount() {
        return details(currentUser.require().getUsername()).orElseThrow();
    }

    /** The signed-in person's colour scheme: LIGHT, DARK, or empty to follow their system. */
    public Optional<String> myColorScheme() {
        return users.colorScheme(currentUser.require().id());
    }

    /** Remembers the signed-in person's colour scheme: LIGHT, DARK, or null to follow their system. */
    @RetriedOnConflict
    @Transactional
    public void setMyColorScheme(@Nullable String scheme) {
        if (scheme != null && !scheme.equals("LIGHT") && !scheme.equals("DARK")) {
            throw new IllegalArgumentException("A colour scheme is LIGHT, DARK or none");
        }
        users.setColorScheme(currentUser.require().id(), scheme);
    }

    /** The signed-in person's language for the console (en, de), or empty to follow their browser. */
    public Optional<String> myLanguage() {
        return users.language(currentUser.require().id());
    }

    /** Remembers the signed-in person's language: en, de, or null to follow their browser. */
    @RetriedOnConflict
    @Transactional
    public void setMyLanguage(@Nullable String language) {
        if (language != null && !language.equals("en") && !language.equals("de")) {
            throw new IllegalArgumentException("A language is en, de or none");
        }
        users.setLanguage(currentUser.require().id(), language);
    }

    public boolean isOwnAccount(UserAccountDetails account) {
        return currentUser.get().map(viewer -> viewer.id() == account.id()).orElse(false);
    }

    private void requireViewUsers() {
        currentUser.requireAuthority(Authorities.VIEW_USERS, "Viewing users needs the View Users authority");
    }
}
