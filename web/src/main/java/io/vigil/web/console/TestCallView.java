package io.vigil.web.console;

import io.vigil.audit.domain.AuditActor;
import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.AgentProfile;
import io.vigil.web.media.TestCallTickets;
import io.vigil.web.security.Role;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.primefaces.PrimeFaces;

/**
 * The test-call page (supervisors and administrators): pick an agent profile of the tenant, and the page's script
 * calls it from the browser's microphone through {@code /media/browser} with a one-time ticket issued here.
 */
@Named
@ViewScoped
public class TestCallView implements Serializable {

    private static final long serialVersionUID = 1L;
    /** The embedded agent has no speech recognition: it hears each of the caller's turns as the next line. */
    static final String DEFAULT_CALLER_LINES = "Yes, that's fine.\nWhat are your opening hours?\n"
            + "My card number is 4111 1111 1111 1111.\nThat's all, bye.";

    @EJB
    private transient CallCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    @Inject
    private transient TestCallTickets tickets;

    private List<AgentProfile> profiles;
    private String profileId;
    private String callerLines = DEFAULT_CALLER_LINES;

    @PostConstruct
    void init() {
        profiles = catalog.agentProfiles(tenant.id());
        profileId = profiles.isEmpty() ? null : profiles.get(0).id().toString();
    }

    /** Issues the ticket for one call and hands it, with the call's id, to the page's script. */
    public void start() {
        if (!user.isAdmin() && !user.has(Role.SUPERVISOR_NAME)) {
            error("Only supervisors and administrators can make test calls.");
            return;
        }
        Optional<AgentProfile> profile = profiles.stream().filter(p -> p.id().toString().equals(profileId))
                .findFirst();
        if (profile.isEmpty()) {
            error("Choose one of your tenant's agent profiles.");
            return;
        }
        UUID sessionId = UUID.randomUUID();
        String ticket = tickets.issue(tenant.id().value(), profile.get(), AuditActor.user(tenant.userId(),
                user.getName()), sessionId, callerLines == null ? "" : callerLines.replace('\n', '|'));
        PrimeFaces.current().ajax().addCallbackParam("ticket", ticket);
        PrimeFaces.current().ajax().addCallbackParam("sessionId", sessionId.toString());
    }

    private static void error(String text) {
        FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text,
                null));
    }

    public List<AgentProfile> getProfiles() { return profiles; }
    public String getProfileId() { return profileId; }
    public void setProfileId(String profileId) { this.profileId = profileId; }
    public String getCallerLines() { return callerLines; }
    public void setCallerLines(String callerLines) { this.callerLines = callerLines; }
}
