package com.keyward.ui;

import com.vaadin.flow.router.NotFoundException;

/** An address naming something that does not exist (a user, a role): its message is shown as it is. */
public class NoSuchItemException extends NotFoundException {

    public NoSuchItemException(String message) {
        super(message);
    }
}
