package io.vigil.audit.domain;

import java.util.Objects;

/**
 * Who acted: a stable id that says what kind of actor it is ({@code user:<subject>} for a person, {@code
 * client:<client id>} for a service client, {@code system:<component>} for Vigil itself, {@code anonymous} for a
 * caller without a valid token) and, for people, the display name at the time. The id goes into the entry's
 * {@code actor}; the name into its details as {@code actor_name}, because names change and ids do not.
 */
public record AuditActor(String id, String name) {

    public static final AuditActor ANONYMOUS = new AuditActor("anonymous", null);

    public AuditActor {
        Objects.requireNonNull(id, "actor id");
        id = AuditText.clean(id);
        name = name == null || name.isBlank() ? null : AuditText.clean(name);
        if (id == null) {
            throw new IllegalArgumentException("an audit actor needs an id");
        }
    }

    public static AuditActor user(String subject, String name) {
        return new AuditActor("user:" + subject, name);
    }

    public static AuditActor client(String clientId) {
        return new AuditActor("client:" + clientId, null);
    }

    public static AuditActor system(String component) {
        return new AuditActor("system:" + component, null);
    }
}
