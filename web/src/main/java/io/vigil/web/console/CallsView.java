package io.vigil.web.console;

import io.vigil.session.application.CallCatalog;
import io.vigil.session.domain.AgentProfile;
import io.vigil.session.domain.CallQuery;
import io.vigil.session.domain.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.EJB;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/** The calls page: filters above a lazily paged table. */
@Named
@ViewScoped
public class CallsView implements Serializable {

    private static final long serialVersionUID = 1L;

    @EJB
    private transient CallCatalog catalog;

    @Inject
    private ConsoleTenant tenant;

    private List<LocalDate> range;
    private String agentProfileId;
    private String channel;
    private boolean flaggedOnly;
    private CallLazyDataModel calls;
    private List<AgentProfile> agentProfiles;

    @PostConstruct
    void init() {
        calls = new CallLazyDataModel(catalog, tenant.id(), this::query);
        agentProfiles = catalog.agentProfiles(tenant.id());
    }

    /** The filters as a query; dates are whole UTC days, the end day included. */
    CallQuery query() {
        CallQuery query = CallQuery.firstPage(25).flagged(flaggedOnly);
        if (range != null && !range.isEmpty()) {
            LocalDate from = range.get(0);
            LocalDate to = range.size() > 1 && range.get(1) != null ? range.get(1) : from;
            query = query.between(from.atStartOfDay().toInstant(ZoneOffset.UTC),
                    to.plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC));
        }
        if (agentProfileId != null && !agentProfileId.isBlank()) {
            query = query.agent(UUID.fromString(agentProfileId));
        }
        if (channel != null && !channel.isBlank()) {
            query = query.channel(Channel.valueOf(channel));
        }
        return query;
    }

    public CallLazyDataModel getCalls() { return calls; }
    public List<AgentProfile> getAgentProfiles() { return agentProfiles; }
    public Channel[] getChannels() { return Channel.values(); }
    public List<LocalDate> getRange() { return range; }
    public void setRange(List<LocalDate> range) { this.range = range; }
    public String getAgentProfileId() { return agentProfileId; }
    public void setAgentProfileId(String agentProfileId) { this.agentProfileId = agentProfileId; }
    public String getChannel() { return channel; }
    public void setChannel(String channel) { this.channel = channel; }
    public boolean isFlaggedOnly() { return flaggedOnly; }
    public void setFlaggedOnly(boolean flaggedOnly) { this.flaggedOnly = flaggedOnly; }
}
