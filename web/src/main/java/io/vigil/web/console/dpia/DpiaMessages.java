package io.vigil.web.console.dpia;

import io.vigil.dpia.domain.DpiaException;
import jakarta.ejb.EJBException;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.persistence.OptimisticLockException;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Runs a DPIA action for a page and says how it went: a refusal by the rules shows its own message (it says what
 * to do next); a concurrent change asks to reload; anything else is logged with a reference.
 */
final class DpiaMessages {

    private static final Logger LOG = Logger.getLogger(DpiaMessages.class.getName());

    private DpiaMessages() {
    }

    /** The action's result, or null when it was refused (the message is queued). */
    static <T> T attempt(Supplier<T> action) {
        try {
            return action.get();
        } catch (DpiaException e) {
            add(FacesMessage.SEVERITY_WARN, e.getMessage());
        } catch (EJBException e) {
            if (e.getCause() instanceof OptimisticLockException || e.getCausedByException() instanceof OptimisticLockException) {
                add(FacesMessage.SEVERITY_WARN, "Someone else changed this meanwhile. Reload the page and apply your"
                        + " change again.");
                return null;
            }
            String reference = Long.toString(System.nanoTime(), 36);
            LOG.log(Level.WARNING, "DPIA action failed, reference " + reference, e);
            add(FacesMessage.SEVERITY_ERROR, "That action could not be completed (reference " + reference
                    + "). Reload the page and try again; if it keeps happening, tell your administrator.");
        }
        return null;
    }

    static void info(String text) {
        add(FacesMessage.SEVERITY_INFO, text);
    }

    private static void add(FacesMessage.Severity severity, String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(severity, text, null));
    }
}
