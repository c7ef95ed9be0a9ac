package com.keyward.validation;

/**
 * What someone asked for does not exist (any more): a user, a role. Shown as a message in the UI
 * and answered with a 404 problem by the API, in one place each.
 */
public final class NotFoundException extends RuntimeException implements Explained {

    private final transient Message explanation;

    public NotFoundException(String key, Object... args) {
        super(Message.of(key, args).toString());
        this.explanation = Message.of(key, args);
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
