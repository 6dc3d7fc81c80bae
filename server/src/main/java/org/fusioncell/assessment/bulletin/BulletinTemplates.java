package org.fusioncell.assessment.bulletin;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditLog;
import org.fusioncell.audit.AuditRecord;
import org.fusioncell.shared.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulletin template of each product type and language: the installation's own, stored in
 * {@code assessment_bulletin_template}, else the default shipped in {@code bulletin-templates/<type>.<lang>.txt}.
 * A template is validated before it is stored; storing and resetting are audited as administration.
 */
@Component
public class BulletinTemplates {

    /** One template as administrators see it: {@code custom} when the installation's own replaces the default. */
    public record Entry(ProductType productType, String language, boolean custom, String source, String updatedBy,
                        Instant updatedAt) {
    }

    static final String OBJECT_TYPE = "bulletin-template";
    private static final Logger log = LoggerFactory.getLogger(BulletinTemplates.class);

    private final JdbcClient jdbc;
    private final AuditLog audit;
    private final Clock clock;
    private final Map<ProductType, Map<String, BulletinTemplate>> defaults = new EnumMap<>(ProductType.class);

    public BulletinTemplates(JdbcClient jdbc, AuditLog audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
        for (ProductType type : ProductType.values()) {
            Map<String, BulletinTemplate> byLanguage = new TreeMap<>();
            for (String language : BulletinComposer.LANGUAGES) {
                byLanguage.put(language, defaultTemplate(type, language));
            }
            defaults.put(type, byLanguage);
        }
    }

    /** The default template shipped with the application; it must read (a broken one stops the start-up). */
    static BulletinTemplate defaultTemplate(ProductType type, String language) {
        String path = "bulletin-templates/" + type.slug() + "." + language + ".txt";
        try (InputStream in = BulletinTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the default bulletin template " + path + " is missing");
            }
            try {
                return BulletinTemplate.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (InvalidTemplateException e) {
                throw new IllegalStateException("the default bulletin template " + path + " is invalid: "
                        + e.getMessage(), e);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The template to print a product of {@code type} in {@code language} with. A stored template that no longer
     * reads (a field removed by an upgrade) gives way to the default, with a warning: a bulletin is always printed.
     */
    public BulletinTemplate forProduct(ProductType type, String language) {
        String lang = language(language);
        Optional<Entry> own = stored(type, lang);
        if (own.isPresent()) {
            try {
                return BulletinTemplate.parse(own.get().source());
            } catch (InvalidTemplateException e) {
                log.warn("The stored bulletin template {}/{} does not read ({}): the default is used", type, lang,
                        e.getMessage());
            }
        }
        return defaults.get(type).get(lang);
    }

    /** Every product type in every language, in a stable order. */
    public List<Entry> list() {
        List<Entry> entries = new ArrayList<>();
        for (ProductType type : ProductType.values()) {
            for (String language : defaults.get(type).keySet()) {
                entries.add(entry(type, language));
            }
        }
        return entries;
    }

    public Entry entry(ProductType type, String language) {
        String lang = language(language);
        return stored(type, lang).orElseGet(() -> new Entry(type, lang, false, defaults.get(type).get(lang).source(),
                null, null));
    }

    /** Validates and stores the installation's own template; throws {@link InvalidTemplateException} when it does not read. */
    @Transactional
    public Entry store(Reader by, ProductType type, String language, String source) {
        String lang = language(language);
        if (source == null) {
            throw new InvalidInputException("source", "is required");
        }
        BulletinTemplate template = BulletinTemplate.parse(source);
        Timestamp now = Timestamp.from(clock.instant());
        int updated = jdbc.sql("""
                UPDATE assessment_bulletin_template SET source = :source, updated_by = :by, updated_at = :now
                WHERE product_type = :type AND language = :lang""")
                .param("source", template.source()).param("by", by.userId()).param("now", now)
                .param("type", type.name()).param("lang", lang).update();
        if (updated == 0) {
            jdbc.sql("""
                    INSERT INTO assessment_bulletin_template (product_type, language, source, updated_by, updated_at)
                    VALUES (:type, :lang, :source, :by, :now)""")
                    .param("type", type.name()).param("lang", lang).param("source", template.source())
                    .param("by", by.userId()).param("now", now).update();
        }
        record(by, type, lang, "bulletin-template-store", Map.of("fields", String.valueOf(template.fieldsUsed().size()),
                "characters", String.valueOf(template.source().length())));
        return entry(type, lang);
    }

    /** Removes the installation's own template: the default applies again. */
    @Transactional
    public Entry reset(Reader by, ProductType type, String language) {
        String lang = language(language);
        int removed = jdbc.sql("DELETE FROM assessment_bulletin_template WHERE product_type = :type AND language = :lang")
                .param("type", type.name()).param("lang", lang).update();
        record(by, type, lang, "bulletin-template-reset", Map.of("removed", String.valueOf(removed > 0)));
        return entry(type, lang);
    }

    private void record(Reader by, ProductType type, String language, String operation, Map<String, String> more) {
        Map<String, String> details = new TreeMap<>(more);
        details.put("operation", operation);
        audit.record(AuditRecord.of(AuditAction.ADMINISTRATION, by.userId(), by.organisationId(), OBJECT_TYPE,
                List.of(type.name() + "/" + language)).withPurpose(by.purpose()).withDetails(details));
    }

    private Optional<Entry> stored(ProductType type, String language) {
        return jdbc.sql("""
                SELECT source, updated_by, updated_at FROM assessment_bulletin_template
                WHERE product_type = :type AND language = :lang""")
                .param("type", type.name()).param("lang", language)
                .query((rs, n) -> new Entry(type, language, true, rs.getString("source"), rs.getString("updated_by"),
                        rs.getTimestamp("updated_at").toInstant()))
                .optional();
    }

    private static String language(String language) {
        if (language == null || !BulletinComposer.LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "one of ar, fr, en");
        }
        return language;
    }
}
