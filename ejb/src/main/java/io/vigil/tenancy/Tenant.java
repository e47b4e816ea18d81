package io.vigil.tenancy;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** A customer organisation. All data in Vigil belongs to exactly one tenant and is invisible to the others. */
@Entity
@Table(name = "tenant")
public class Tenant {

    @Id
    private UUID id;

    @Column(nullable = false, unique = true, length = 64)
    private String slug;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Tenant() {
        // for JPA
    }

    public Tenant(UUID id, String slug, String name, Instant createdAt) {
        if (!slug.matches("[a-z0-9][a-z0-9-]{1,63}")) {
            throw new IllegalArgumentException("tenant slug must be lower-case letters, digits and dashes: " + slug);
        }
        this.id = Objects.requireNonNull(id);
        this.slug = slug;
        this.name = Objects.requireNonNull(name);
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    public UUID id() { return id; }
    public String slug() { return slug; }
    public String name() { return name; }
    public Instant createdAt() { return createdAt; }
}
