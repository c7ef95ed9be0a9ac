package com.keyward.user;

import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Where to reach a person, for Keyward's own notices (key reminders): no signed-in person is
 * asking, so no authority applies; it answers only for enabled accounts.
 */
@Service
public class Contacts {

    /** A person to write to, in the language they chose for the console (null: none chosen). */
    public record Contact(
            String username,
            String displayName,
            String email,
            @Nullable String language) {}

    private final UserRepository users;

    Contacts(UserRepository users) {
        this.users = users;
    }

    @Transactional(readOnly = true)
    public Optional<Contact> of(long userId) {
        return users.contactOf(userId);
    }
}
