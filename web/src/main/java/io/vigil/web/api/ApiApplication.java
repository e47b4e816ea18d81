package io.vigil.web.api;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST API, versioned in its path so that a client pinned to v1 keeps working. */
@ApplicationPath("/api/v1")
public class ApiApplication extends Application {
}
