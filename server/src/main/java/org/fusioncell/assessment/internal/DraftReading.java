package org.fusioncell.assessment.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.assessment.AssessmentDraft;
import org.fusioncell.assessment.AssessmentVocabulary;
import org.fusioncell.assessment.Confidence;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.ProductType;
import org.fusioncell.assessment.Subject;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.Ids;
import org.fusioncell.shared.InvalidInputException;

/**
 * Checks a draft field by field and turns it into stored {@link Content}; the first problem is thrown as
 * an {@link InvalidInputException} naming the field ({@code keyJudgments[1].probability}). Evidence
 * visibility and the marking are checked by the caller, which knows the author.
 */
final class DraftReading {

    static final Set<String> LANGUAGES = Set.of("ar", "fr", "en");
    static final int MAX_TEXT = 8000;
    static final int MAX_ITEMS = 100;
    private static final Pattern AREA = Pattern.compile("[A-Z]{2}(-[A-Z0-9]{1,3})?");

    private final AssessmentVocabulary vocabulary;
    private final ClassificationScheme scheme;
    private final Taxonomies taxonomies;

    DraftReading(AssessmentVocabulary vocabulary, ClassificationScheme scheme, Taxonomies taxonomies) {
        this.vocabulary = vocabulary;
        this.scheme = scheme;
        this.taxonomies = taxonomies;
    }

    /** {@code productRank}: the rank of the draft's own classification, the ceiling of its portion markings. */
    Content read(AssessmentDraft d, int productRank) {
        ProductType type = type(d);
        String language = d.language() == null ? null : d.language().strip().toLowerCase(Locale.ROOT);
        if (language == null || !LANGUAGES.contains(language)) {
            throw new InvalidInputException("language", "one of ar, fr, en");
        }
        String title = text("title", d.title(), 300, true);
        Subject subject = subject(d.subject());
        List<Portion> summary = portions(d.summary(), productRank);
        if (summary.isEmpty()) {
            throw new InvalidInputException("summary", "at least one paragraph");
        }
        boolean assessment = type == ProductType.THREAT_ASSESSMENT;
        List<KeyJudgment> judgments = judgments(d.keyJudgments(), productRank);
        if (assessment && judgments.isEmpty()) {
            throw new InvalidInputException("keyJudgments", "a threat assessment states at least one key judgment");
        }
        String likelihood = blankToNull(d.likelihood());
        String impact = blankToNull(d.impact());
        String level = null;
        if (likelihood != null || impact != null || assessment) {
            if (likelihood == null || !vocabulary.likelihoods().contains(likelihood)) {
                throw new InvalidInputException("likelihood", "outside the matrix: one of " + vocabulary.likelihoods());
            }
            if (impact == null || !vocabulary.impacts().contains(impact)) {
                throw new InvalidInputException("impact", "outside the matrix: one of " + vocabulary.impacts());
            }
            level = vocabulary.level(likelihood, impact).orElseThrow();
        }
        Confidence confidence = null;
        String confidenceText = blankToNull(d.confidence());
        if (confidenceText != null) {
            try {
                confidence = Confidence.valueOf(confidenceText.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("confidence", "one of LOW, MODERATE, HIGH");
            }
        } else if (assessment) {
            throw new InvalidInputException("confidence", "required for a threat assessment: LOW, MODERATE or HIGH");
        }
        String reasons = text("confidenceReasons", d.confidenceReasons(), MAX_TEXT, confidence != null);
        List<EvidenceLink> evidence = evidence(d.evidence());
        List<String> assumptions = new ArrayList<>();
        List<String> givenAssumptions = d.assumptions() == null ? List.of() : d.assumptions();
        limit("assumptions", givenAssumptions.size());
        for (int i = 0; i < givenAssumptions.size(); i++) {
            String a = text("assumptions[" + i + "]", givenAssumptions.get(i), 2000, false);
            if (a != null) {
                assumptions.add(a);
            }
        }
        List<Indicator> indicators = new ArrayList<>();
        List<Indicator> givenIndicators = d.indicators() == null ? List.of() : d.indicators();
        limit("indicators", givenIndicators.size());
        for (int i = 0; i < givenIndicators.size(); i++) {
            Indicator in = givenIndicators.get(i);
            String t = in == null ? null : text("indicators[" + i + "].text", in.text(), 1000, false);
            if (t != null) {
                indicators.add(new Indicator(t, null));
            }
        }
        if (d.validFrom() != null && d.validUntil() != null && d.validUntil().isBefore(d.validFrom())) {
            throw new InvalidInputException("validUntil", "before validFrom");
        }
        if (d.reviewBy() != null && d.validFrom() != null && d.reviewBy().isBefore(d.validFrom())) {
            throw new InvalidInputException("reviewBy", "before validFrom");
        }
        String publicSummary = text("publicSummary", d.publicSummary(), 2000, false);
        return new Content(type, language, title, subject, summary, judgments, likelihood, impact, level, confidence,
                reasons, evidence, List.copyOf(assumptions), List.copyOf(indicators), d.validFrom(), d.validUntil(),
                d.reviewBy(), publicSummary);
    }

    /** The product type, checked first: what else is required depends on it. */
    static ProductType type(AssessmentDraft d) {
        return ProductType.parse(d.productType()).orElseThrow(() -> new InvalidInputException("productType",
                "one of THREAT_ASSESSMENT, SITUATION_REPORT, PARTNER_ALERT"));
    }

    private Subject subject(Subject s) {
        if (s == null || s.type() == null) {
            throw new InvalidInputException("subject.type", "one of GROUP, ENTITY, AREA, SECTOR, EVENT, PERIOD");
        }
        String reference = blankToNull(s.reference());
        String label = text("subject.label", s.label(), 300, false);
        switch (s.type()) {
            case GROUP, ENTITY -> {
                if (reference == null || !Ids.isWellFormed(reference)) {
                    throw new InvalidInputException("subject.reference", "the id of an entity you may see");
                }
            }
            case AREA -> {
                if (reference == null || !AREA.matcher(reference.toUpperCase(Locale.ROOT)).matches()) {
                    throw new InvalidInputException("subject.reference",
                            "an ISO 3166-1 country code (ML) or a first-level division (ML-7)");
                }
                reference = reference.toUpperCase(Locale.ROOT);
            }
            case SECTOR -> {
                List<String> sectors = taxonomies.all().getOrDefault("target-sector", List.of());
                if (reference == null || !sectors.contains(reference)) {
                    throw new InvalidInputException("subject.reference", "one of the target sectors " + sectors);
                }
            }
            case EVENT, PERIOD -> {
                if (label == null) {
                    throw new InvalidInputException("subject.label", "required for an " + s.type().name().toLowerCase(Locale.ROOT));
                }
            }
            default -> throw new IllegalStateException();
        }
        LocalDate from = s.from();
        LocalDate until = s.until();
        if (s.type() == SubjectType.PERIOD && (from == null || until == null)) {
            throw new InvalidInputException("subject.from", "a period needs from and until");
        }
        if (from != null && until != null && until.isBefore(from)) {
            throw new InvalidInputException("subject.until", "before subject.from");
        }
        return new Subject(s.type(), reference, label, from, until);
    }

    private List<Portion> portions(List<Portion> given, int productRank) {
        List<Portion> out = new ArrayList<>();
        List<Portion> list = given == null ? List.of() : given;
        limit("summary", list.size());
        for (int i = 0; i < list.size(); i++) {
            Portion p = list.get(i);
            String t = p == null ? null : text("summary[" + i + "].text", p.text(), MAX_TEXT, false);
            if (t != null) {
                out.add(new Portion(t, level("summary[" + i + "].level", p.level(), productRank)));
            }
        }
        return List.copyOf(out);
    }

    private List<KeyJudgment> judgments(List<KeyJudgment> given, int productRank) {
        List<KeyJudgment> out = new ArrayList<>();
        List<KeyJudgment> list = given == null ? List.of() : given;
        limit("keyJudgments", list.size());
        List<String> terms = vocabulary.yardstick().stream().map(AssessmentVocabulary.Term::key).toList();
        for (int i = 0; i < list.size(); i++) {
            KeyJudgment j = list.get(i);
            String t = j == null ? null : text("keyJudgments[" + i + "].text", j.text(), MAX_TEXT, false);
            if (t == null) {
                continue;
            }
            String p = blankToNull(j.probability());
            if (p == null || !terms.contains(p)) {
                throw new InvalidInputException("keyJudgments[" + i + "].probability",
                        "a term of the probability yardstick: one of " + terms);
            }
            out.add(new KeyJudgment(t, p, level("keyJudgments[" + i + "].level", j.level(), productRank)));
        }
        return List.copyOf(out);
    }

    private String level(String field, String given, int productRank) {
        String level = blankToNull(given);
        if (level == null) {
            return null;
        }
        int rank = scheme.rank(level.toUpperCase(Locale.ROOT)).orElseThrow(() -> new InvalidInputException(field,
                "one of the classification levels " + scheme.levels()));
        if (rank > productRank) {
            throw new InvalidInputException(field, "a paragraph cannot be marked above the product ("
                    + scheme.level(productRank) + ")");
        }
        return scheme.level(rank);
    }

    private static List<EvidenceLink> evidence(List<EvidenceLink> given) {
        List<EvidenceLink> out = new ArrayList<>();
        List<EvidenceLink> list = given == null ? List.of() : given;
        limit("evidence", list.size());
        for (int i = 0; i < list.size(); i++) {
            EvidenceLink e = list.get(i);
            if (e == null || e.type() == null) {
                throw new InvalidInputException("evidence[" + i + "].type", "REPORT or ENTITY");
            }
            if (e.itemId() == null || !Ids.isWellFormed(e.itemId().strip())) {
                throw new InvalidInputException("evidence[" + i + "].itemId", "the id of a report or entity");
            }
            EvidenceLink link = new EvidenceLink(e.type(), e.itemId().strip());
            if (!out.contains(link)) {
                out.add(link);
            }
        }
        return List.copyOf(out);
    }

    private static void limit(String field, int size) {
        if (size > MAX_ITEMS) {
            throw new InvalidInputException(field, "at most " + MAX_ITEMS + " items");
        }
    }

    static String text(String field, String value, int max, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                throw new InvalidInputException(field, "required");
            }
            return null;
        }
        String stripped = value.strip();
        if (stripped.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return stripped;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
