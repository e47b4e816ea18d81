package io.vigil.web.media;

import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.annotation.WebListener;
import jakarta.websocket.server.ServerContainer;
import java.util.logging.Logger;

/**
 * A default idle timeout for every WebSocket session of the application, set before the first connection.
 *
 * <p>Without one, the container creates each session with no timeout and schedules its idle check to run at once;
 * when that check runs late (a busy server) it finds the timeout the door has set meanwhile and closes a session that
 * has just opened. With a default, the check a new session starts with is a minute away, and the door's own timeout
 * ({@link LiveCalls#idleTimeout}) replaces it long before.
 */
@WebListener
public class WebSocketDefaults implements ServletContextListener {

    static final long DEFAULT_IDLE_TIMEOUT_MS = 60_000;
    private static final Logger LOG = Logger.getLogger(WebSocketDefaults.class.getName());

    @Override
    public void contextInitialized(ServletContextEvent event) {
        Object container = event.getServletContext().getAttribute(ServerContainer.class.getName());
        if (container instanceof ServerContainer ws) {
            ws.setDefaultMaxSessionIdleTimeout(DEFAULT_IDLE_TIMEOUT_MS);
        } else {
            LOG.warning("no WebSocket server container: the live-call doors are not available");
        }
    }
}
