package io.vigil.dpia.application;

import io.vigil.platform.ConfigurationChanged;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.util.logging.Level;
import java.util.logging.Logger;

/** Checks a tenant's approved DPIAs for drift once a configuration change has committed. */
@Stateless
public class DriftOnConfigurationChange {

    private static final Logger LOG = Logger.getLogger(DriftOnConfigurationChange.class.getName());

    @EJB
    private DpiaRegister register;

    public void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ConfigurationChanged change) {
        try {
            int needReview = register.checkDrift(change.tenant());
            LOG.fine(() -> change.what() + " changed for tenant " + change.tenant() + ": " + needReview
                    + " DPIA(s) need review");
        } catch (RuntimeException e) {
            // the change itself committed; the next read of the DPIAs checks again
            LOG.log(Level.WARNING, "drift check after a configuration change failed", e);
        }
    }
}
