package org.fusioncell.assessment.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingPageFields;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentDraft;
import org.fusioncell.assessment.EvidenceLink;
import org.fusioncell.assessment.Indicator;
import org.fusioncell.assessment.KeyJudgment;
import org.fusioncell.assessment.Portion;
import org.fusioncell.assessment.Subject;
import org.fusioncell.assessment.SubjectType;
import org.fusioncell.shared.InvalidInputException;

/**
 * The product editor as the browser posts it. Summary paragraphs and key judgments are indexed rows
 * ({@code summary[0].text}) so that a comma in a paragraph never splits it; a blank row is dropped, which
 * lets the page always offer one empty row without scripts. Evidence, assumptions and indicators are one
 * item per line. Checks of meaning (matrix keys, evidence the author may see, marking) are the service's;
 * this form only reads what was typed and names the field it cannot read.
 */
public class AssessmentPageForm extends MarkingPageFields {

    /** A summary paragraph and its portion level (blank: the product's own level). */
    public static class PortionRow {
        private String text;
        private String level;

        public PortionRow() {
        }

        PortionRow(String text, String level) {
            this.text = text;
            this.level = level;
        }

        public String getText() { return text; }
        public void setText(String v) { text = v; }
        public String getLevel() { return level; }
        public void setLevel(String v) { level = v; }
    }

    /** A key judgment: its text, the yardstick term it is written with, its portion level. */
    public static class JudgmentRow {
        private String text;
        private String probability;
        private String level;

        public JudgmentRow() {
        }

        JudgmentRow(String text, String probability, String level) {
            this.text = text;
            this.probability = probability;
            this.level = level;
        }

        public String getText() { return text; }
        public void setText(String v) { text = v; }
        public String getProbability() { return probability; }
        public void setProbability(String v) { probability = v; }
        public String getLevel() { return level; }
        public void setLevel(String v) { level = v; }
    }

    private String productType = "THREAT_ASSESSMENT";
    private String language;
    private String title;
    private String subjectType = "AREA";
    private String subjectReference;
    private String subjectLabel;
    private String subjectFrom;
    private String subjectUntil;
    private List<PortionRow> summary = new ArrayList<>();
    private List<JudgmentRow> keyJudgments = new ArrayList<>();
    private String likelihood;
    private String impact;
    private String confidence = "MODERATE";
    private String confidenceReasons;
    private String evidence;
    private String assumptions;
    private String indicators;
    private String validFrom;
    private String validUntil;
    private String reviewBy;
    private String publicSummary;
    private String supersedes;
    private Integer version;

    public AssessmentPageForm() {
        super("AMBER");
    }

    /** The form prefilled with a stored version, for editing it or writing its sanitised version. */
    static AssessmentPageForm of(Assessment a, ClassificationScheme scheme) {
        AssessmentPageForm f = new AssessmentPageForm();
        f.productType = a.productType().name();
        f.language = a.language();
        f.title = a.title();
        if (a.subject() != null) {
            f.subjectType = a.subject().type() == null ? null : a.subject().type().name();
            f.subjectReference = a.subject().reference();
            f.subjectLabel = a.subject().label();
            f.subjectFrom = text(a.subject().from());
            f.subjectUntil = text(a.subject().until());
        }
        a.summary().forEach(p -> f.summary.add(new PortionRow(p.text(), p.level())));
        a.keyJudgments().forEach(k -> f.keyJudgments.add(new JudgmentRow(k.text(), k.probability(), k.level())));
        f.likelihood = a.likelihood();
        f.impact = a.impact();
        f.confidence = a.confidence() == null ? null : a.confidence().name();
        f.confidenceReasons = a.confidenceReasons();
        f.evidence = String.join("\n", a.evidence().stream()
                .map(e -> e.type().name().toLowerCase(Locale.ROOT) + ":" + e.itemId()).toList());
        f.assumptions = String.join("\n", a.assumptions());
        f.indicators = String.join("\n", a.indicators().stream().map(Indicator::text).toList());
        f.validFrom = text(a.validFrom());
        f.validUntil = text(a.validUntil());
        f.reviewBy = text(a.reviewBy());
        f.publicSummary = a.publicSummary();
        f.supersedes = a.supersedes();
        f.fill(a.marking(), scheme);
        f.version = a.version();
        return f;
    }

    /**
     * The draft the service checks. {@code kept} are the indicators of the version being revised: one
     * whose text is unchanged keeps the watch made from it.
     */
    AssessmentDraft toDraft(List<Indicator> kept) {
        SubjectType type = null;
        if (subjectType != null && !subjectType.isBlank()) {
            try {
                type = SubjectType.valueOf(subjectType.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new InvalidInputException("subject.type", "must be one of GROUP, ENTITY, AREA, SECTOR, EVENT, PERIOD");
            }
        }
        Subject subject = new Subject(type, blankToNull(subjectReference), blankToNull(subjectLabel),
                date(subjectFrom, "subject.from"), date(subjectUntil, "subject.until"));
        // blank rows go first, so that the n-th row of the form shown again is the n-th the service names
        summary.removeIf(row -> row == null || row.text == null || row.text.isBlank());
        keyJudgments.removeIf(row -> row == null || row.text == null || row.text.isBlank());
        List<Portion> portions = summary.stream()
                .map(row -> new Portion(row.text.strip(), blankToNull(row.level))).toList();
        List<KeyJudgment> judgments = keyJudgments.stream()
                .map(row -> new KeyJudgment(row.text.strip(), blankToNull(row.probability), blankToNull(row.level))).toList();
        List<Indicator> indicatorList = lines(indicators).stream()
                .map(text -> new Indicator(text, kept.stream().filter(i -> i.text().equals(text)).map(Indicator::watchId)
                        .filter(w -> w != null).findFirst().orElse(null)))
                .toList();
        return new AssessmentDraft(blankToNull(productType), blankToNull(language), blankToNull(title), subject,
                portions, judgments, blankToNull(likelihood), blankToNull(impact), blankToNull(confidence),
                blankToNull(confidenceReasons), evidenceLinks(), lines(assumptions), indicatorList,
                date(validFrom, "validFrom"), date(validUntil, "validUntil"), date(reviewBy, "reviewBy"),
                blankToNull(publicSummary), toMarkingForm(), blankToNull(supersedes));
    }

    /** {@code report:<id>} or {@code entity:<id>}, one a line. */
    private List<EvidenceLink> evidenceLinks() {
        List<EvidenceLink> links = new ArrayList<>();
        List<String> given = lines(evidence);
        for (int i = 0; i < given.size(); i++) {
            String line = given.get(i);
            int colon = line.indexOf(':');
            String kind = colon < 0 ? "" : line.substring(0, colon).strip().toUpperCase(Locale.ROOT);
            String id = colon < 0 ? "" : line.substring(colon + 1).strip();
            if (id.isEmpty() || !(kind.equals("REPORT") || kind.equals("ENTITY"))) {
                throw new InvalidInputException("evidence[" + i + "]",
                        "write one item a line as report:<id> or entity:<id>");
            }
            links.add(new EvidenceLink(EvidenceLink.Type.valueOf(kind), id));
        }
        return links;
    }

    /** At least one empty row of each repeatable kind, so the page works without scripts. */
    AssessmentPageForm withEmptyRows() {
        summary.removeIf(r -> r == null);
        keyJudgments.removeIf(r -> r == null);
        if (summary.stream().noneMatch(r -> r.text == null || r.text.isBlank())) {
            summary.add(new PortionRow());
        }
        if (keyJudgments.stream().noneMatch(r -> r.text == null || r.text.isBlank())) {
            keyJudgments.add(new JudgmentRow());
        }
        return this;
    }

    /**
     * The input an error belongs to: {@code summary[1].text} -> {@code summary[1]},
     * {@code evidence[2]} -> {@code evidence}, {@code marking.tlp} -> the picker's {@code tlp}.
     */
    static String inputFor(String field) {
        if (field == null) {
            return null;
        }
        String marking = MarkingPageFields.markingInputFor(field.replaceAll("\\[\\d+]", ""));
        if (marking != null) {
            return marking;
        }
        if (field.matches("(summary|keyJudgments)\\[\\d+].*")) {
            return field.substring(0, field.indexOf(']') + 1);
        }
        String bare = field.replaceAll("\\[\\d+].*", "");
        return switch (bare) {
            case "summary", "keyJudgments", "evidence", "assumptions", "indicators" -> bare;
            case "subject", "subject.type" -> "subjectType";
            case "subject.reference" -> "subjectReference";
            case "subject.label" -> "subjectLabel";
            case "subject.from" -> "subjectFrom";
            case "subject.until" -> "subjectUntil";
            case "matrix" -> "likelihood";
            default -> bare.contains(".") ? bare.substring(bare.lastIndexOf('.') + 1) : bare;
        };
    }

    private static List<String> lines(String text) {
        if (text == null || text.isBlank()) {
            return List.of();
        }
        return text.lines().map(String::strip).filter(s -> !s.isEmpty()).toList();
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new InvalidInputException(field, "not a date such as 2026-12-31");
        }
    }

    private static String text(LocalDate date) {
        return date == null ? null : date.toString();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    public String getProductType() { return productType; }
    public void setProductType(String v) { productType = v; }
    public String getLanguage() { return language; }
    public void setLanguage(String v) { language = v; }
    public String getTitle() { return title; }
    public void setTitle(String v) { title = v; }
    public String getSubjectType() { return subjectType; }
    public void setSubjectType(String v) { subjectType = v; }
    public String getSubjectReference() { return subjectReference; }
    public void setSubjectReference(String v) { subjectReference = v; }
    public String getSubjectLabel() { return subjectLabel; }
    public void setSubjectLabel(String v) { subjectLabel = v; }
    public String getSubjectFrom() { return subjectFrom; }
    public void setSubjectFrom(String v) { subjectFrom = v; }
    public String getSubjectUntil() { return subjectUntil; }
    public void setSubjectUntil(String v) { subjectUntil = v; }
    public List<PortionRow> getSummary() { return summary; }
    public void setSummary(List<PortionRow> v) { summary = v == null ? new ArrayList<>() : v; }
    public List<JudgmentRow> getKeyJudgments() { return keyJudgments; }
    public void setKeyJudgments(List<JudgmentRow> v) { keyJudgments = v == null ? new ArrayList<>() : v; }
    public String getLikelihood() { return likelihood; }
    public void setLikelihood(String v) { likelihood = v; }
    public String getImpact() { return impact; }
    public void setImpact(String v) { impact = v; }
    public String getConfidence() { return confidence; }
    public void setConfidence(String v) { confidence = v; }
    public String getConfidenceReasons() { return confidenceReasons; }
    public void setConfidenceReasons(String v) { confidenceReasons = v; }
    public String getEvidence() { return evidence; }
    public void setEvidence(String v) { evidence = v; }
    public String getAssumptions() { return assumptions; }
    public void setAssumptions(String v) { assumptions = v; }
    public String getIndicators() { return indicators; }
    public void setIndicators(String v) { indicators = v; }
    public String getValidFrom() { return validFrom; }
    public void setValidFrom(String v) { validFrom = v; }
    public String getValidUntil() { return validUntil; }
    public void setValidUntil(String v) { validUntil = v; }
    public String getReviewBy() { return reviewBy; }
    public void setReviewBy(String v) { reviewBy = v; }
    public String getPublicSummary() { return publicSummary; }
    public void setPublicSummary(String v) { publicSummary = v; }
    public String getSupersedes() { return supersedes; }
    public void setSupersedes(String v) { supersedes = v; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer v) { version = v; }
}
