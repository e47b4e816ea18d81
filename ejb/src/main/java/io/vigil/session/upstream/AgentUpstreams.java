package io.vigil.session.upstream;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import javax.sql.DataSource;

/**
 * Reads an agent profile's upstream ({@code agent_upstream}), always within the tenant, and resolves its API key from
 * the named setting: first the Vigil settings, then the environment. The key is handed to the connector only.
 */
public final class AgentUpstreams {

    private final DataSource dataSource;
    private final Function<String, Optional<String>> settings;

    /** @param settings looks a setting up by name (Vigil's settings file and system properties) */
    public AgentUpstreams(DataSource dataSource, Function<String, Optional<String>> settings) {
        this.dataSource = dataSource;
        this.settings = settings;
    }

    /** The profile's upstream; the embedded agent when the profile has no row. */
    public AgentUpstream of(UUID tenantId, UUID agentProfileId) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement st = c.prepareStatement("SELECT url, model, voice, instructions, api_key_setting"
                     + " FROM agent_upstream WHERE agent_profile_id = ? AND tenant_id = ?")) {
            st.setObject(1, agentProfileId);
            st.setObject(2, tenantId);
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return AgentUpstream.embedded();
                }
                return new AgentUpstream(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                        rs.getString(5));
            }
        }
    }

    /**
     * The API key named by {@code upstream.apiKeySetting()}.
     *
     * @throws IllegalStateException naming the setting (never a value) when it is not set
     */
    public String apiKey(AgentUpstream upstream) {
        String name = upstream.apiKeySetting();
        return settings.apply(name).or(() -> Optional.ofNullable(System.getenv(name)).filter(v -> !v.isBlank()))
                .orElseThrow(() -> new IllegalStateException("the agent profile's upstream key setting " + name
                        + " is not set; put it in the Vigil settings file or the server's environment"));
    }
}
