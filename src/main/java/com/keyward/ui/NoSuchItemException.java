package com.keyward.ui;

import com.keyward.validation.Message;
import com.vaadin.flow.router.NotFoundException;

/** An address naming something that does not exist (a user, a role): its explanation is shown. */
public class NoSuchItemException extends NotFoundException {

    private final transient Message explanation;

    public NoSuchItemException(Message explanation) {
        super(explanation.toString());
        this.explanation = explanation;
    }

    public Message explanation() {
        return explanation;
    }
}
