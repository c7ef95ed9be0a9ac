package com.keyward.validation;

import org.springframework.security.access.AccessDeniedException;

/** Not allowed for this person, with the reason in their words (an API answers 403 with it). */
public final class Refused extends AccessDeniedException implements Explained {

    private final transient Message explanation;

    public Refused(String key, Object... args) {
        this(Message.of(key, args));
    }

    public Refused(Message explanation) {
        super(explanation.toString());
        this.explanation = explanation;
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
