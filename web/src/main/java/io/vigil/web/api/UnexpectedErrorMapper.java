package io.vigil.web.api;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns any failure of the API into a JSON problem with a reference id: the stack trace goes to the server log
 * under that id, never to the client.
 */
@Provider
public class UnexpectedErrorMapper implements ExceptionMapper<Throwable> {

    private static final Logger LOG = Logger.getLogger(UnexpectedErrorMapper.class.getName());

    @Override
    public Response toResponse(Throwable error) {
        if (error instanceof WebApplicationException wae) {
            Response original = wae.getResponse();
            return ApiProblem.of(original.getStatus(), original.getStatusInfo().getReasonPhrase(), null);
        }
        String reference = UUID.randomUUID().toString();
        LOG.log(Level.SEVERE, "API request failed, reference " + reference, error);
        return ApiProblem.of(500, "The request could not be completed. Quote reference " + reference
                + " to your administrator.", reference);
    }
}
