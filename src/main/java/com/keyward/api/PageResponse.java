package com.keyward.api;

import java.util.List;

/** One page of a list: the items, where it is, and how many there are in all. */
public record PageResponse<T>(List<T> items, int page, int size, long total) {

    static final int MAX_SIZE = 200;

    /** Checks paging parameters; bad ones become 400 problems. */
    static void check(int page, int size) {
        if (page < 0) {
            throw new IllegalArgumentException("page must be 0 or more.");
        }
        if (size < 1 || size > MAX_SIZE) {
            throw new IllegalArgumentException("size must be between 1 and " + MAX_SIZE + ".");
        }
    }

    static int offset(int page, int size) {
        long offset = (long) page * size;
        if (offset > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("page is too large.");
        }
        return (int) offset;
    }
}
