package io.vigil.dpia.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * The CNIL risk map: each assessed risk placed by likelihood (x) and severity (y), both 1 to 4. A risk is
 * acceptable only in the low zone; {@link #zone} names the cell's zone as the method's map colours it.
 */
public final class RiskMap {

    public record Point(RiskKind kind, int likelihood, int severity, String zone) { }

    private RiskMap() {
    }

    public static List<Point> of(DpiaContent content) {
        List<Point> points = new ArrayList<>();
        for (DpiaRisk r : content.getRisks()) {
            if (r.assessed()) {
                points.add(new Point(r.getKind(), r.getLikelihood(), r.getSeverity(), zone(r.getSeverity(), r.getLikelihood())));
            }
        }
        return points;
    }

    /** High when both are at least significant; low when both are at most limited; medium otherwise. */
    public static String zone(int severity, int likelihood) {
        if (severity >= 3 && likelihood >= 3) {
            return "high";
        }
        if (severity <= 2 && likelihood <= 2) {
            return "low";
        }
        return "medium";
    }

    /** A Chart.js bubble-chart configuration (for PrimeFaces {@code p:chart}): one dataset per risk. */
    public static String chartJson(DpiaContent content) {
        StringBuilder json = new StringBuilder("{\"type\":\"bubble\",\"data\":{\"datasets\":[");
        String[] colours = {"rgba(220,53,69,0.7)", "rgba(255,159,64,0.7)", "rgba(54,162,235,0.7)"};
        List<Point> points = of(content);
        for (int i = 0; i < points.size(); i++) {
            Point p = points.get(i);
            if (i > 0) {
                json.append(',');
            }
            json.append("{\"label\":\"").append(p.kind().label()).append("\",\"backgroundColor\":\"")
                    .append(colours[p.kind().ordinal() % colours.length]).append("\",\"data\":[{\"x\":")
                    .append(p.likelihood()).append(",\"y\":").append(p.severity()).append(",\"r\":")
                    .append(14 - 3 * i).append("}]}");
        }
        json.append("]},\"options\":{\"responsive\":true,\"maintainAspectRatio\":false,\"scales\":{")
                .append("\"x\":{\"min\":0.5,\"max\":4.5,\"ticks\":{\"stepSize\":1},\"title\":{\"display\":true,")
                .append("\"text\":\"Likelihood (1 negligible - 4 maximum)\"}},")
                .append("\"y\":{\"min\":0.5,\"max\":4.5,\"ticks\":{\"stepSize\":1},\"title\":{\"display\":true,")
                .append("\"text\":\"Severity (1 negligible - 4 maximum)\"}}}}}");
        return json.toString();
    }
}
