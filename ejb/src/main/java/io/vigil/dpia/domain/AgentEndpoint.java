package io.vigil.dpia.domain;

/**
 * Where an agent profile's conversations go: the upstream model and the endpoint that serves it, and who provides
 * it (a processor in GDPR terms unless it is Vigil's own embedded agent).
 */
public record AgentEndpoint(String agentName, int version, String model, String endpoint, String provider) {

    public String describe() {
        return model + " at " + endpoint + " (" + provider + ")";
    }
}
