package io.vigil.session.domain;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * One immutable version of a voice agent's configuration. A change to the prompt or the tools makes a new
 * version, so every call can be traced to exactly what the agent was told; the hashes prove it without
 * storing the prompt in every row.
 */
@Entity
@Table(name = "agent_profile")
public class AgentProfile {

    @Id
    private UUID id;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(nullable = false, length = 120)
    private String name;

    @Column(name = "upstream_model", nullable = false, length = 120)
    private String upstreamModel;

    @Column(name = "prompt_template_hash", nullable = false, length = 64)
    private String promptTemplateHash;

    @Column(name = "tool_config_hash", nullable = false, length = 64)
    private String toolConfigHash;

    @Column(nullable = false)
    private int version;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected AgentProfile() {
        // for JPA
    }

    public AgentProfile(UUID id, UUID tenantId, String name, String upstreamModel, String promptTemplateHash,
                        String toolConfigHash, int version, Instant createdAt) {
        if (version < 1) {
            throw new IllegalArgumentException("agent profile versions start at 1");
        }
        this.id = Objects.requireNonNull(id);
        this.tenantId = Objects.requireNonNull(tenantId);
        this.name = Objects.requireNonNull(name);
        this.upstreamModel = Objects.requireNonNull(upstreamModel);
        this.promptTemplateHash = requireSha256Hex(promptTemplateHash);
        this.toolConfigHash = requireSha256Hex(toolConfigHash);
        this.version = version;
        this.createdAt = Objects.requireNonNull(createdAt);
    }

    private static String requireSha256Hex(String hash) {
        if (hash == null || !hash.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("expected a SHA-256 hex digest");
        }
        return hash;
    }

    public UUID id() { return id; }
    public UUID tenantId() { return tenantId; }
    public String name() { return name; }
    public String upstreamModel() { return upstreamModel; }
    public String promptTemplateHash() { return promptTemplateHash; }
    public String toolConfigHash() { return toolConfigHash; }
    public int version() { return version; }
    public Instant createdAt() { return createdAt; }

    /** "Billing assistant v3": how people name a profile version. */
    public String displayName() {
        return name + " v" + version;
    }
}
