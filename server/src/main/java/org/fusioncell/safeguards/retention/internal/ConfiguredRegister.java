package org.fusioncell.safeguards.retention.internal;

import java.time.Period;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.intake.Reports;
import org.fusioncell.safeguards.retention.RetentionRegister;
import org.fusioncell.safeguards.retention.RetentionRule;
import org.fusioncell.safeguards.retention.RetentionRule.Enforcement;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register from configuration. Who enforces each type is a fact of the code, not a setting: this module's
 * purge erases every type through its owning module (screening runs through the screening module), nobody the
 * audit log. The report's period is intake's default retention (each report's retention date
 * is computed from it when contributed), so configuring a second number for reports is refused at start.
 */
@Component
@EnableConfigurationProperties(RetentionSettings.class)
class ConfiguredRegister implements RetentionRegister {

    static final String REPORT_PERIOD_SETTING = "fusioncell.intake.retention-default";

    private record Fact(String type, Enforcement enforcement, Period defaultPeriod,
                        Period defaultReview) {
    }

    private static final List<Fact> FACTS = List.of(
            new Fact(Reports.INFORMATION_TYPE, Enforcement.PURGE, null, Period.ofYears(3)),
            new Fact("entity", Enforcement.PURGE, Period.ofYears(5), null),
            new Fact("incident", Enforcement.PURGE, Period.ofYears(10), null),
            new Fact("alert", Enforcement.PURGE, Period.ofYears(2), null),
            new Fact("case", Enforcement.PURGE, Period.ofYears(10), null),
            new Fact("screening-run", Enforcement.PURGE, Period.ofYears(5), null),
            new Fact("request-for-information", Enforcement.PURGE, Period.ofYears(5), null),
            new Fact("civil-society-submission", Enforcement.PURGE, Period.ofYears(2), null),
            new Fact("audit-record", Enforcement.NEVER, null, null));

    private final List<RetentionRule> rules;
    private final AuditLog audit;

    ConfiguredRegister(RetentionSettings settings, Reports reports, AuditLog audit) {
        this.audit = audit;
        for (String configured : settings.types().keySet()) {
            if (FACTS.stream().noneMatch(f -> f.type().equals(configured))) {
                throw new IllegalStateException("fusioncell.safeguards.retention.types." + configured
                        + ": no such information type");
            }
        }
        if (settings.type(Reports.INFORMATION_TYPE).period() != null) {
            throw new IllegalStateException("fusioncell.safeguards.retention.types.report.period: the report's period"
                    + " is " + REPORT_PERIOD_SETTING + " (one number for the register and the reports' dates)");
        }
        List<RetentionRule> built = new ArrayList<>();
        for (Fact f : FACTS) {
            RetentionSettings.TypeSettings t = settings.type(f.type());
            boolean isReport = f.type().equals(Reports.INFORMATION_TYPE);
            Period period = f.enforcement() == Enforcement.NEVER ? null
                    : isReport ? reports.defaultRetention() : t.period() != null ? t.period() : f.defaultPeriod();
            Period review = t.review() != null ? t.review() : f.defaultReview();
            String setting = isReport ? REPORT_PERIOD_SETTING
                    : f.enforcement() == Enforcement.NEVER ? null
                    : "fusioncell.safeguards.retention.types." + f.type() + ".period";
            built.add(new RetentionRule(f.type(), blankToNull(t.legalBasis()), blankToNull(t.purpose()), period, review,
                    f.enforcement(), setting));
        }
        this.rules = List.copyOf(built);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    @Override
    @Transactional
    public List<RetentionRule> rules(Reader reader) {
        audit.record(AuditRecord.of(AuditAction.CONSULTATION, reader.userId(), reader.organisationId(),
                "retention-register", List.of()).withPurpose(reader.purpose())
                .withDetails(Map.of("types", String.valueOf(rules.size()))));
        return rules;
    }

    @Override
    public Optional<RetentionRule> rule(String type) {
        return rules.stream().filter(r -> r.type().equals(type)).findFirst();
    }
}
