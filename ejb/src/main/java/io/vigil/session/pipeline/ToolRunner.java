package io.vigil.session.pipeline;

/**
 * Runs a tool the agent called, for sessions the gateway drives (on the /v1/realtime relay the client runs its own
 * tools). The container implements it per agent profile (for example a signed webhook); it returns the output given
 * back to the model, as a JSON string.
 */
@FunctionalInterface
public interface ToolRunner {

    String run(String name, String argumentsJson);
}
