package io.vigil.web.media;

import io.vigil.session.pipeline.ToolRunner;

/**
 * The back office of the embedded demo agent ({@code AgentScript.frontDesk()}): its one tool, {@code issue_refund},
 * is accepted as a request and nothing else happens, because the demo company has no real accounts. A real agent
 * profile runs its tools in the client that drives it; the pipeline has already held a high-risk call until the
 * caller said yes.
 */
final class EmbeddedAgentTools implements ToolRunner {

    @Override
    public String run(String name, String argumentsJson) {
        if ("issue_refund".equals(name)) {
            return "{\"status\":\"accepted\",\"note\":\"the refund request was recorded for the demo account\"}";
        }
        return "{\"status\":\"unknown_tool\",\"note\":\"the embedded agent has no tool named " + name.replaceAll(
                "[^A-Za-z0-9_]", "") + "\"}";
    }
}
