package io.vigil.dpia.domain;

import io.vigil.retention.domain.DataClass;
import io.vigil.retention.domain.DefaultPolicies;
import io.vigil.retention.domain.RetentionPolicies;
import io.vigil.retention.domain.RetentionPolicy;
import java.util.List;
import java.util.Locale;

/**
 * A tenant's retention policies as records of processing and DPIAs state them: one period per data class, with
 * the retention class named when it is not the standard one and the jurisdiction of an override ("raw caller
 * audio (EU)"). A tenant without policies of its own is under the retention capability's defaults.
 */
public final class RetentionPeriods {

    private RetentionPeriods() {
    }

    public static List<RetentionPeriod> of(RetentionPolicies policies) {
        RetentionPolicies effective = policies.all().isEmpty() ? DefaultPolicies.standard() : policies;
        return effective.all().stream().map(RetentionPeriods::period).toList();
    }

    private static RetentionPeriod period(RetentionPolicy p) {
        String name = label(p.dataClass())
                + (DefaultPolicies.STANDARD.equals(p.retentionClass()) ? "" : " [" + p.retentionClass() + " calls]")
                + (p.isOverride() ? " (" + p.jurisdiction() + ")" : "");
        return new RetentionPeriod(name, p.periodDays(), p.action().label().toLowerCase(Locale.ROOT));
    }

    private static String label(DataClass dataClass) {
        return dataClass.label().toLowerCase(Locale.ROOT);
    }
}
