package com.keyward.apikey;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * An approver approved a key's pending sets (they work now) or denied them (they were taken off
 * the key, which keeps working for the rest; revoked when nothing is left).
 */
public record ApiKeyApprovalDecided(
        long keyId,
        long ownerId,
        String ownerUsername,
        String name,
        String hint,
        List<String> setNames,
        boolean approved,
        @Nullable String reason,
        long approverId,
        String approverUsername) {}
