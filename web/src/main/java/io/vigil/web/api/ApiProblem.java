package io.vigil.web.api;

import jakarta.json.Json;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** The API's error answers: a small JSON object with the status and what to do, never a stack trace. */
public final class ApiProblem {

    private ApiProblem() {
    }

    public static Response of(Response.Status status, String detail) {
        return of(status.getStatusCode(), detail, null);
    }

    public static Response of(int status, String detail, String reference) {
        var body = Json.createObjectBuilder().add("status", status).add("detail", detail == null ? "" : detail);
        if (reference != null) {
            body.add("reference", reference);
        }
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(body.build().toString()).build();
    }

    public static Response unauthorized(String challenge, String detail) {
        return Response.fromResponse(of(Response.Status.UNAUTHORIZED, detail))
                .header(HttpHeaders.WWW_AUTHENTICATE, challenge).build();
    }
}
