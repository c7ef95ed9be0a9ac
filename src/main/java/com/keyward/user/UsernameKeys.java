package com.keyward.user;

import com.keyward.validation.Usernames;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;

/**
 * Completes V20's back-fill of {@code app_user.username_key} once the schema is there and before
 * the server takes requests: MariaDB has no NFKC, so V20 wrote LOWER(username), which is the key
 * of every ASCII name (all local ones) but may not be of a non-ASCII directory or SSO name (a
 * decomposed accent, full-width letters, ß). Only those accounts are read; where the right key is
 * another account's already, both stay as they are and the log names them for an administrator.
 * A database that cannot be reached now is tried again at the next start.
 */
@Component
class UsernameKeys implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(UsernameKeys.class);

    private final UserRepository users;

    UsernameKeys(UserRepository users) {
        this.users = users;
    }

    /** An account's name and the key stored for it. */
    record Stored(long id, String username, String key) {}

    @Override
    public void afterSingletonsInstantiated() {
        try {
            for (Stored stored : users.nonAsciiExternalKeys()) {
                String key = Usernames.key(stored.username());
                if (key.equals(stored.key())) {
                    continue;
                }
                try {
                    users.setUsernameKey(stored.id(), key);
                } catch (DuplicateKeyException clash) {
                    log.warn(
                            "The username of account {} has the same key as another account's; it keeps its old"
                                    + " key until an administrator renames one of them",
                            stored.id());
                }
            }
        } catch (DataAccessException unreachable) {
            log.warn(
                    "Username keys not checked at this start (the database did not answer): {}",
                    unreachable.getMessage());
        }
    }
}
