package com.keyward.role;

import java.util.Collection;

/**
 * What the role module needs to know of accounts, which another module owns: how many of these
 * accounts are enabled (the last enabled Admin keeps the role). Offered by the user module.
 */
public interface EnabledAccounts {

    /**
     * How many of these accounts count as enabled for the last-Admin rule: enabled (so neither
     * disabled nor locked) and without an account expiry, which would disable them on a date.
     */
    int countEnabled(Collection<Long> userIds);
}
