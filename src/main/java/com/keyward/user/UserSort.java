package com.keyward.user;

import java.util.Arrays;
import java.util.Optional;

/** The grid's sortable columns; the user id breaks every tie so that paging is stable. */
public enum UserSort {
    USERNAME("username"),
    NAME("displayName"),
    EMAIL("email"),
    ROLES("roles"),
    STATUS("status"),
    LAST_SIGN_IN("lastSignIn");

    private final String property;

    UserSort(String property) {
        this.property = property;
    }

    public String property() {
        return property;
    }

    public static Optional<UserSort> ofProperty(String property) {
        return Arrays.stream(values())
                .filter(sort -> sort.property.equals(property))
                .findFirst();
    }
}
