package io.vigil.dpia.domain;

import java.io.Serializable;

/**
 * One feared event of the CNIL method, assessed: its risk sources, threats and impacts on the people concerned,
 * the measures in place and planned, and severity and likelihood on the method's scale of 1 (negligible) to 4
 * (maximum); 0 means not assessed yet. A JavaBean, because the console edits it in place.
 */
public class DpiaRisk implements Serializable {

    private static final long serialVersionUID = 1L;
    public static final String[] SCALE = {"not assessed", "negligible", "limited", "significant", "maximum"};

    private RiskKind kind;
    private String sources = "";
    private String threats = "";
    private String impacts = "";
    private String existingMeasures = "";
    private String plannedMeasures = "";
    private int severity;
    private int likelihood;

    public DpiaRisk() {
        // for JSON
    }

    public DpiaRisk(RiskKind kind) {
        this.kind = kind;
    }

    public DpiaRisk copy() {
        DpiaRisk c = new DpiaRisk(kind);
        c.sources = sources;
        c.threats = threats;
        c.impacts = impacts;
        c.existingMeasures = existingMeasures;
        c.plannedMeasures = plannedMeasures;
        c.severity = severity;
        c.likelihood = likelihood;
        return c;
    }

    public boolean assessed() {
        return severity >= 1 && severity <= 4 && likelihood >= 1 && likelihood <= 4;
    }

    public static String scaleLabel(int level) {
        return level >= 0 && level < SCALE.length ? SCALE[level] : "invalid";
    }

    public RiskKind getKind() { return kind; }
    public void setKind(RiskKind kind) { this.kind = kind; }
    public String getSources() { return sources; }
    public void setSources(String sources) { this.sources = DpiaContent.text(sources); }
    public String getThreats() { return threats; }
    public void setThreats(String threats) { this.threats = DpiaContent.text(threats); }
    public String getImpacts() { return impacts; }
    public void setImpacts(String impacts) { this.impacts = DpiaContent.text(impacts); }
    public String getExistingMeasures() { return existingMeasures; }
    public void setExistingMeasures(String existingMeasures) { this.existingMeasures = DpiaContent.text(existingMeasures); }
    public String getPlannedMeasures() { return plannedMeasures; }
    public void setPlannedMeasures(String plannedMeasures) { this.plannedMeasures = DpiaContent.text(plannedMeasures); }
    public int getSeverity() { return severity; }
    public void setSeverity(int severity) { this.severity = severity; }
    public int getLikelihood() { return likelihood; }
    public void setLikelihood(int likelihood) { this.likelihood = likelihood; }
}
