package com.keyward.apikey;

import java.util.List;

/** A key was generated with sets that need an approver; it works for them once one approves. */
public record ApiKeyApprovalRequested(
        long keyId,
        long ownerId,
        String ownerUsername,
        String name,
        String hint,
        List<String> pendingSetNames,
        String justification) {}
