package com.keyward.validation;

/** A refusal that says why in words for people, translated where it is shown. */
public interface Explained {

    Message explanation();
}
