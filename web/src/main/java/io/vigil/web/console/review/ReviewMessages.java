package io.vigil.web.console.review;

import io.vigil.review.domain.ReviewException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a review action for a page and tells the reviewer how it went. Refusals by the rules and bad input are
 * shown as warnings with their own message (they say what to do next); anything else is logged with a reference
 * and shown as an error that asks to reload.
 */
final class ReviewMessages {

    private static final Logger LOG = Logger.getLogger(ReviewMessages.class.getName());

    private ReviewMessages() {
    }

    /** The action's result, or null when it was refused (the message is already queued). */
    static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (ReviewException | IllegalArgumentException e) {
            warn(e.getMessage());
        } catch (EJBException e) {
            String reference = Long.toString(System.nanoTime(), 36);
            LOG.log(Level.WARNING, "review action failed, reference " + reference, e);
            error("That action could not be completed (reference " + reference + "). Reload the page and try"
                    + " again; if it keeps happening, tell your administrator.");
        }
        return null;
    }

    static boolean attempt(Runnable action) {
        return attempt(() -> {
            action.run();
            return Boolean.TRUE;
        }) != null;
    }

    static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    static void warn(String text) {
        add(FacesMessage.SEVERITY_WARN, text);
    }

    static void error(String text) {
        add(FacesMessage.SEVERITY_ERROR, text);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
