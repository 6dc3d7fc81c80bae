package org.fusioncell.plans.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

/**
 * {@code fusioncell.plans.*} (docs/plans.md, docs/configuration.md).
 *
 * @param priorityAreas   the areas a new plan starts with when its author names none: by default the seven of the
 *                        UN Secretary-General's Plan of Action to Prevent Violent Extremism, with ar/fr/en labels.
 *                        Copied into each plan at creation, so changing them never rewrites an existing plan.
 * @param iatiReportingOrg the IATI organisation identifier of the installation's owner, the prefix of every
 *                        exported activity's iati-identifier (e.g. {@code MR-GOV-1234}): {@code
 *                        fusioncell.plans.iati.reporting-org-ref}, else the older {@code iati-reporting-org}, else
 *                        the placeholder {@code XX-FUSIONCELL}
 * @param iatiReportingOrgType IATI OrganisationType code of the reporting organisation (10: government), likewise
 *                        from {@code iati.reporting-org-type} or {@code iati-reporting-org-type}
 * @param iati            {@code fusioncell.plans.iati.*}, the settings' current names
 */
@ConfigurationProperties("fusioncell.plans")
public record PlansSettings(List<Area> priorityAreas, String iatiReportingOrg, String iatiReportingOrgType,
                            Iati iati) {

    public record Iati(String reportingOrgRef, String reportingOrgType) {
    }

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

    public record Area(String code, String ar, String fr, String en) {
    }

    public PlansSettings {
        priorityAreas = priorityAreas == null ? List.of() : List.copyOf(priorityAreas);
        if (priorityAreas.isEmpty()) {
            throw new IllegalArgumentException("fusioncell.plans.priority-areas: at least one area is required");
        }
        Set<String> codes = new HashSet<>();
        for (Area a : priorityAreas) {
            if (a.code() == null || !CODE.matcher(a.code()).matches() || !codes.add(a.code())) {
                throw new IllegalArgumentException("fusioncell.plans.priority-areas: code '" + a.code()
                        + "' must be unique, lower-case letters, digits and '-'");
            }
            if (blank(a.ar()) || blank(a.fr()) || blank(a.en())) {
                throw new IllegalArgumentException("fusioncell.plans.priority-areas: area '" + a.code()
                        + "' needs labels in ar, fr and en");
            }
        }
        if (iati != null && !blank(iati.reportingOrgRef())) {
            iatiReportingOrg = iati.reportingOrgRef();
        }
        if (iati != null && !blank(iati.reportingOrgType())) {
            iatiReportingOrgType = iati.reportingOrgType();
        }
        iatiReportingOrg = blank(iatiReportingOrg) ? "XX-FUSIONCELL" : iatiReportingOrg.strip();
        iatiReportingOrgType = blank(iatiReportingOrgType) ? "10" : iatiReportingOrgType.strip();
        iati = new Iati(iatiReportingOrg, iatiReportingOrgType);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PlansSettings.class)
    static class Registration {
    }
}
