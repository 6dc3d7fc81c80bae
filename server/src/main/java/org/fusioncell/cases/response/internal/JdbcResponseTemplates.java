package org.fusioncell.cases.response.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.cases.CaseStep;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.cases.response.ResponseTemplates;
import org.fusioncell.identity.Colleagues;
import org.fusioncell.identity.Role;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shipped templates and those an administrator defined (table {@code resp_template}). A defined template is
 * stored as checked and never replaced: response cases opened from it keep meaning what they meant.
 */
@Service
class JdbcResponseTemplates implements ResponseTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Map<String, ResponseTemplate> shipped = new LinkedHashMap<>();
    private final JdbcClient jdbc;
    private final Colleagues colleagues;
    private final AuditLog audit;
    private final Clock clock;

    JdbcResponseTemplates(JdbcClient jdbc, Colleagues colleagues, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.colleagues = colleagues;
        this.audit = audit;
        this.clock = clock;
        for (ResponseTemplate t : ShippedTemplates.load()) {
            if (shipped.putIfAbsent(t.code(), t) != null) {
                throw new IllegalStateException("two shipped response templates have the code " + t.code());
            }
        }
    }

    @Override
    public List<ResponseTemplate> all() {
        List<ResponseTemplate> out = new ArrayList<>(shipped.values());
        jdbc.sql("SELECT body FROM resp_template").query(String.class).list().forEach(b -> out.add(parse(b)));
        out.sort(Comparator.comparing(ResponseTemplate::code));
        return out;
    }

    @Override
    public Optional<ResponseTemplate> find(String code) {
        if (code == null || code.isBlank()) {
            return Optional.empty();
        }
        String c = code.strip();
        if (shipped.containsKey(c)) {
            return Optional.of(shipped.get(c));
        }
        return jdbc.sql("SELECT body FROM resp_template WHERE code = :code").param("code", c).query(String.class)
                .optional().map(JdbcResponseTemplates::parse);
    }

    @Override
    @Transactional
    public CaseStep<ResponseTemplate> define(Reader administrator, String json) {
        if (!colleagues.holds(administrator, Role.ADMINISTRATOR)) {
            return new CaseStep.Refused<>("not-administrator", "Response templates are defined by an administrator.");
        }
        JsonNode node;
        try {
            node = json == null || json.isBlank() ? null : JSON.readTree(json);
        } catch (JacksonException e) {
            throw new InvalidInputException("body", "not JSON: the template as a JSON object");
        }
        ResponseTemplate t = TemplateReading.read(node);
        if (find(t.code()).isPresent()) {
            throw new InvalidInputException("code", "already used by another template: a template is never replaced");
        }
        jdbc.sql("INSERT INTO resp_template (code, body, defined_by, defined_at) VALUES (:code, :body, :user, :now)")
                .param("code", t.code()).param("body", JSON.writeValueAsString(node))
                .param("user", administrator.userId()).param("now", Timestamp.from(Instant.now(clock))).update();
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, administrator.userId(),
                        administrator.organisationId(), "response-template", List.of(t.code()))
                .withPurpose(administrator.purpose()).withDetails(Map.of("step", "define")));
        return new CaseStep.Done<>(t);
    }

    private static ResponseTemplate parse(String body) {
        return TemplateReading.read(JSON.readTree(body));
    }
}
