package io.vigil.audit.domain;

import java.time.Instant;

/**
 * What the console's audit table asks for: optional filters (time range, user, action prefix, object type and
 * id) and a page, newest first. Immutable; blank text filters count as absent.
 */
public record AuditLogQuery(Instant from, Instant to, String user, String action, String objectType, String objectId,
                            int offset, int limit) {

    public static final int MAX_PAGE_SIZE = 200;

    public AuditLogQuery {
        user = blankToNull(user);
        action = blankToNull(action);
        objectType = blankToNull(objectType);
        objectId = blankToNull(objectId);
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative");
        }
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new IllegalArgumentException("page size must be between 1 and " + MAX_PAGE_SIZE);
        }
        if (from != null && to != null && to.isBefore(from)) {
            throw new IllegalArgumentException("the time range ends before it starts");
        }
    }

    public static AuditLogQuery firstPage(int limit) {
        return new AuditLogQuery(null, null, null, null, null, null, 0, limit);
    }

    public AuditLogQuery page(int newOffset, int newLimit) {
        return new AuditLogQuery(from, to, user, action, objectType, objectId, newOffset, newLimit);
    }

    public AuditLogQuery between(Instant newFrom, Instant newTo) {
        return new AuditLogQuery(newFrom, newTo, user, action, objectType, objectId, offset, limit);
    }

    public AuditLogQuery user(String newUser) {
        return new AuditLogQuery(from, to, newUser, action, objectType, objectId, offset, limit);
    }

    public AuditLogQuery action(String newAction) {
        return new AuditLogQuery(from, to, user, newAction, objectType, objectId, offset, limit);
    }

    public AuditLogQuery object(String newType, String newId) {
        return new AuditLogQuery(from, to, user, action, newType, newId, offset, limit);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
