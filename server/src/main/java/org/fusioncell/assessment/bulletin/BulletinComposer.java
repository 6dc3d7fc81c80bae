package org.fusioncell.assessment.bulletin;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Turns a product into a bulletin's content in one language: labels of the yardstick, the matrix axes, the
 * threat level, confidence, subject and product type come from the {@code bulletin.*} messages (falling back
 * to the {@code assessment.*} ones for configured keys this bundle does not know, then to the key itself).
 * Portion markings ("(S)", or "(LEVEL)" for a scheme other than the default) are printed where they are
 * required: in a product classified above the scheme's lowest level.
 */
@Component
public class BulletinComposer {

    /** The languages a bulletin is printed in. */
    public static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final ClassificationScheme scheme;
    private final ObjectProvider<AssessmentVocabulary> vocabulary;

    public BulletinComposer(MessageSource messages, ClassificationScheme scheme,
                            ObjectProvider<AssessmentVocabulary> vocabulary) {
        this.messages = messages;
        this.scheme = scheme;
        this.vocabulary = vocabulary;
    }

    /**
     * The content of {@code a}'s bulletin in {@code language} ({@code ar}, {@code fr} or {@code en}); {@code names}
     * gives the display names of the users and organisations the product names (ids without a name print as ids).
     */
    public BulletinContent compose(Assessment a, String language, Map<String, String> names) {
        if (language == null || !LANGUAGES.contains(language)) {
            throw new InvalidInputException("lang", "one of ar, fr, en");
        }
        Locale locale = Locale.forLanguageTag(language);
        Map<String, String> who = names == null ? Map.of() : names;
        MarkingView marking = MarkingView.of(a.marking(), scheme);
        boolean marked = a.marking().classificationRank() > 0;
        String productMark = marked ? mark(marking.classification()) : null;

        Map<String, BulletinField> f = new LinkedHashMap<>();
        f.put("title", text(a.title()));
        f.put("productType", text(label(locale, "product", a.productType().name())));
        if (a.subject() != null) {
            String subject = a.subject().label() == null || a.subject().label().isBlank()
                    ? a.subject().reference() : a.subject().label();
            f.put("subject", text(subject));
            f.put("subjectType", text(label(locale, "subject", a.subject().type().name())));
            f.put("period", text(period(locale, a.subject().from(), a.subject().until())));
        }
        f.put("summary", portions(a.summary(), productMark, marked, false));
        f.put("keyJudgments", judgments(a.keyJudgments(), locale, productMark, marked));
        f.put("likelihood", text(a.likelihood() == null ? null : label(locale, "likelihood", a.likelihood())));
        f.put("impact", text(a.impact() == null ? null : label(locale, "impact", a.impact())));
        f.put("threatLevel", text(a.threatLevel() == null ? null : label(locale, "level", a.threatLevel())));
        f.put("confidence", text(a.confidence() == null ? null : label(locale, "confidence", a.confidence().name())));
        f.put("confidenceReasons", single(a.confidenceReasons(), productMark));
        f.put("assumptions", new BulletinField.Portions(
                list(a.assumptions()).stream().map(t -> new BulletinField.Marked(productMark, t)).toList(), false));
        f.put("indicators", new BulletinField.Portions(list(a.indicators()).stream().map(Indicator::text)
                .map(t -> new BulletinField.Marked(productMark, t)).toList(), true));
        f.put("evidence", new BulletinField.Portions(list(a.evidence()).stream()
                .map(e -> new BulletinField.Marked(null, evidence(locale, e))).toList(), false));
        f.put("publicSummary", single(a.publicSummary(), marked ? mark(scheme.lowest()) : null));
        f.put("validFrom", text(date(locale, a.validFrom())));
        f.put("validUntil", text(date(locale, a.validUntil())));
        f.put("reviewBy", text(date(locale, a.reviewBy())));
        f.put("author", text(name(who, a.authorUserId())));
        f.put("organisation", text(name(who, a.organisationId())));
        f.put("approvedBy", text(name(who, a.approvedBy())));
        f.put("approvedAt", text(moment(locale, a.approvedAt())));
        f.put("disseminatedAt", text(moment(locale, a.disseminatedAt())));
        f.put("version", text(String.valueOf(a.version())));
        f.put("state", text(label(locale, "state", a.state().name())));
        f.put("classification", text(marking.classification()));
        f.put("tlp", text(marking.tlp()));
        f.put("supersedes", text(a.supersedes()));
        f.put("supersededBy", text(a.supersededBy()));
        f.put("sanitisedFrom", text(a.sanitisedFrom()));
        notice(a, locale).ifPresent(n -> f.put(BulletinContent.NOTICE, text(n)));
        return new BulletinContent(a.id() + "-v" + a.version() + "-" + language, a.productType(), language,
                marking.banner(), f);
    }

    /** "(S)" for a level of the default scheme, "(LEVEL)" otherwise. */
    String mark(String level) {
        String upper = level.toUpperCase(Locale.ROOT);
        if (scheme.levels().equals(ClassificationScheme.DEFAULT.levels())) {
            return "(" + upper.charAt(0) + ")";
        }
        return "(" + upper + ")";
    }

    private BulletinField.Portions portions(List<Portion> portions, String productMark, boolean marked,
                                            boolean numbered) {
        List<BulletinField.Marked> items = new ArrayList<>();
        for (Portion p : list(portions)) {
            items.add(new BulletinField.Marked(portionMark(p.level(), productMark, marked), p.text()));
        }
        return new BulletinField.Portions(items, numbered);
    }

    private BulletinField.Portions judgments(List<KeyJudgment> judgments, Locale locale, String productMark,
                                             boolean marked) {
        List<BulletinField.Marked> items = new ArrayList<>();
        for (KeyJudgment j : list(judgments)) {
            String text = j.text() == null ? "" : j.text().strip();
            if (j.probability() != null && !j.probability().isBlank()) {
                String term = label(locale, "yardstick", j.probability());
                Optional<AssessmentVocabulary.Term> band = Optional.ofNullable(vocabulary.getIfAvailable())
                        .flatMap(v -> v.yardstick().stream().filter(t -> t.key().equals(j.probability())).findFirst());
                text = band.map(t -> message(locale, "bulletin.judgment.band", text(j), term, t.lowPercent(),
                                t.highPercent()))
                        .orElseGet(() -> message(locale, "bulletin.judgment", text(j), term));
            }
            items.add(new BulletinField.Marked(portionMark(j.level(), productMark, marked), text));
        }
        return new BulletinField.Portions(items, true);
    }

    private static String text(KeyJudgment j) {
        return j.text() == null ? "" : j.text().strip();
    }

    private String portionMark(String level, String productMark, boolean marked) {
        if (!marked) {
            return null;
        }
        if (level == null || level.isBlank()) {
            return productMark;
        }
        return mark(scheme.rank(level).map(scheme::level).orElse(level.strip()));
    }

    private static BulletinField.Portions single(String text, String mark) {
        return new BulletinField.Portions(text == null || text.isBlank() ? List.of()
                : List.of(new BulletinField.Marked(mark, text.strip())), false);
    }

    private String evidence(Locale locale, EvidenceLink e) {
        return message(locale, "bulletin.evidence." + e.type().name(), e.itemId());
    }

    private Optional<String> notice(Assessment a, Locale locale) {
        AssessmentState state = a.state();
        return switch (state) {
            case WITHDRAWN -> Optional.of(message(locale, "bulletin.notice.withdrawn",
                    a.withdrawalReason() == null || a.withdrawalReason().isBlank() ? "—" : a.withdrawalReason().strip()));
            case SUPERSEDED -> Optional.of(message(locale, "bulletin.notice.superseded",
                    a.supersededBy() == null ? "—" : a.supersededBy()));
            case DRAFT, IN_REVIEW -> Optional.of(message(locale, "bulletin.notice.draft"));
            case APPROVED, DISSEMINATED -> Optional.empty();
        };
    }

    private String period(Locale locale, LocalDate from, LocalDate until) {
        if (from == null && until == null) {
            return null;
        }
        if (until == null) {
            return message(locale, "bulletin.period.from", date(locale, from));
        }
        if (from == null) {
            return message(locale, "bulletin.period.until", date(locale, until));
        }
        return message(locale, "bulletin.period", date(locale, from), date(locale, until));
    }

    private static String date(Locale locale, LocalDate date) {
        return date == null ? null : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** A date in words and the time in UTC: a numeric date with hyphens would be reordered in Arabic. */
    private String moment(Locale locale, Instant at) {
        return at == null ? null : message(locale, "bulletin.moment", date(locale, at.atZone(ZoneOffset.UTC).toLocalDate()),
                TIME.format(at));
    }

    private static String name(Map<String, String> names, String id) {
        if (id == null) {
            return null;
        }
        String name = names.get(id);
        return name == null || name.isBlank() ? id : name;
    }

    /** {@code bulletin.<group>.<key>}, else {@code assessment.<group>.<key>}, else the key itself. */
    private String label(Locale locale, String group, String key) {
        String fallback = messages.getMessage("assessment." + group + "." + key, null, key, locale);
        return messages.getMessage("bulletin." + group + "." + key, null, fallback, locale);
    }

    private String message(Locale locale, String code, Object... args) {
        return messages.getMessage(code, args, locale);
    }

    private static BulletinField.Text text(String value) {
        return new BulletinField.Text(value);
    }

    private static <T> List<T> list(List<T> items) {
        return items == null ? List.of() : items;
    }
}
