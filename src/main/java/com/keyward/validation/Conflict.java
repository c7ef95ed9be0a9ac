package com.keyward.validation;

/** Not possible in the state things are in (the last enabled Admin, say), and why. */
public final class Conflict extends IllegalStateException implements Explained {

    private final transient Message explanation;

    public Conflict(String key, Object... args) {
        this.explanation = Message.of(key, args);
    }

    @Override
    public String getMessage() {
        return explanation.toString();
    }

    @Override
    public Message explanation() {
        return explanation;
    }
}
