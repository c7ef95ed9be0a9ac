package com.keyward.apikey;

/** Where an approver's refusal message belongs. */
public enum ApprovalField {
    REASON,
    FORM
}
