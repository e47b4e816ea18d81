package io.vigil.web.console.admin;

import io.vigil.audit.domain.AuditActor;
import io.vigil.platform.VigilConfig;
import io.vigil.session.application.AgentUpstreamCatalog;
import io.vigil.session.upstream.UpstreamSettings;
import io.vigil.web.console.ConsoleTenant;
import io.vigil.web.console.CurrentUser;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/**
 * The Agent upstreams page (admin/agent-upstreams.xhtml, administrators only by web.xml): where each agent profile's
 * live sessions are answered. The API key is never entered here: the page names the server setting that holds it
 * and says whether that setting is present, never its value.
 */
@Named("agentUpstreams")
@ViewScoped
public class AgentUpstreamsView implements Serializable {

    private static final long serialVersionUID = 1L;

    /** One row of the page: a profile and its upstream, as shown. */
    public record Row(String profileId, String profile, int version, String url, String model, String voice,
                      boolean embedded, String apiKeySetting, boolean keyPresent) {
    }

    @EJB
    private transient AgentUpstreamCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    @Inject
    private CurrentUser user;

    private List<Row> rows = List.of();
    private String selected;
    private String url;
    private String model;
    private String voice;
    private String instructions;
    private String apiKeySetting;

    @PostConstruct
    void load() {
        rows = catalog.all(tenant.id()).stream().map(p -> new Row(p.profile().id().toString(), p.profile().name(),
                p.profile().version(), p.settings().url(), p.settings().model(), p.settings().voice(),
                p.settings().isEmbedded(), p.settings().apiKeySetting(),
                p.settings().apiKeySetting() != null && keyPresent(p.settings().apiKeySetting()))).toList();
    }

    /** Opens a profile's settings in the form. */
    public void edit(String profileId) {
        selected = profileId;
        UpstreamSettings s = catalog.of(tenant.id(), UUID.fromString(profileId));
        url = s.url();
        model = s.model();
        voice = s.voice();
        instructions = s.instructions();
        apiKeySetting = s.apiKeySetting();
    }

    public void save() {
        FacesContext context = FacesContext.getCurrentInstance();
        if (selected == null) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, "Choose an agent profile first.",
                    null));
            return;
        }
        try {
            int changed = catalog.save(tenant.id(), admin(), UUID.fromString(selected),
                    new UpstreamSettings(url, model, voice, instructions, apiKeySetting)).size() / 2;
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, changed == 0 ? "Nothing changed."
                    : "Saved: new sessions of this agent use these settings.", null));
            selected = null;
            load();
        } catch (AgentUpstreamCatalog.Refused e) {
            context.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_WARN, e.getMessage(), null));
        }
    }

    /** Back to the embedded agent: clears the form; saving stores it. */
    public void useEmbedded() {
        url = null;
        model = null;
        voice = null;
        instructions = null;
        apiKeySetting = null;
    }

    public void cancel() {
        selected = null;
    }

    private static boolean keyPresent(String setting) {
        String env = System.getenv(setting);
        return VigilConfig.current().get(setting).isPresent() || env != null && !env.isBlank();
    }

    private AuditActor admin() {
        return AuditActor.user(tenant.userId(), user.getName());
    }

    public String getSelectedName() {
        return rows.stream().filter(r -> r.profileId().equals(selected)).map(r -> r.profile() + " v" + r.version())
                .findFirst().orElse("");
    }

    public List<Row> getRows() { return rows; }
    public String getSelected() { return selected; }
    public String getUrl() { return url; }
    public void setUrl(String url) { this.url = url; }
    public String getModel() { return model; }
    public void setModel(String model) { this.model = model; }
    public String getVoice() { return voice; }
    public void setVoice(String voice) { this.voice = voice; }
    public String getInstructions() { return instructions; }
    public void setInstructions(String instructions) { this.instructions = instructions; }
    public String getApiKeySetting() { return apiKeySetting; }
    public void setApiKeySetting(String apiKeySetting) { this.apiKeySetting = apiKeySetting; }
}
