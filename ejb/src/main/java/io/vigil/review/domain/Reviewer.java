package io.vigil.review.domain;

import java.io.Serializable;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The person acting in review: a stable user id (the identity provider's subject), a display name and review
 * roles. Services take it as a parameter; they never look it up, so whoever authenticates the user builds it.
 * Two reviewers are the same person when their user ids are equal, whatever their names.
 */
public record Reviewer(String userId, String name, Set<ReviewRole> roles) implements Serializable {

    public Reviewer {
        if (userId == null || userId.isBlank()) {
            throw new IllegalArgumentException("a reviewer needs a user id");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a reviewer needs a display name");
        }
        roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
    }

    public static Reviewer of(String userId, String name, ReviewRole... roles) {
        return new Reviewer(userId, name, Set.of(roles));
    }

    public boolean has(ReviewRole role) {
        return roles.contains(role);
    }

    public boolean isSamePersonAs(String otherUserId) {
        return userId.equals(otherUserId);
    }

    /** Refuses the action unless this reviewer has the role; the message says which role to ask for. */
    public void require(ReviewRole role, String action) {
        if (!has(role)) {
            throw new NotPermittedException(name + " cannot " + action + ": that needs the " + role.roleName()
                    + " role. Ask an administrator to grant it.");
        }
    }

    /** Refuses the action unless this reviewer has at least one of the roles. */
    public void requireAny(String action, ReviewRole... anyOf) {
        if (Arrays.stream(anyOf).noneMatch(this::has)) {
            throw new NotPermittedException(name + " cannot " + action + ": that needs one of the roles "
                    + Arrays.stream(anyOf).map(ReviewRole::roleName).collect(Collectors.joining(", "))
                    + ". Ask an administrator to grant one.");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Reviewer r && userId.equals(r.userId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(userId);
    }
}
