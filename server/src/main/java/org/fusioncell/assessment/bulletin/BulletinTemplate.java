package org.fusioncell.assessment.bulletin;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * A bulletin's layout in a small line-based language, one template per product type and language:
 * <ul>
 * <li>the first non-blank line is the title and must hold {@code {{title}}} (it may add other scalar fields);</li>
 * <li>{@code # Heading} starts a section;</li>
 * <li>{@code {{field}}} alone on a line prints a field as paragraphs (block fields such as {@code summary}
 * print only this way);</li>
 * <li>any other line is a paragraph of literal text that may hold scalar fields, e.g.
 * {@code Threat level: {{threatLevel}}};</li>
 * <li>blank lines only separate; a line whose fields are all empty is left out, and so is a section whose
 * fields are all empty.</li>
 * </ul>
 * Only the names of {@link #FIELDS} are known: anything else is refused with its line.
 */
public final class BulletinTemplate {

    /** Longest template accepted, in characters. */
    public static final int MAX_LENGTH = 20_000;

    /** How a field may be used: a scalar anywhere in a line; a block only alone on its line. */
    public enum Kind { SCALAR, BLOCK }

    /** Every field a template may name, with its kind, in the order they are documented. */
    public static final Map<String, Kind> FIELD_KINDS;

    /** The closed set of field names a template may use. */
    public static final Set<String> FIELDS;

    static {
        Map<String, Kind> kinds = new LinkedHashMap<>();
        for (String scalar : List.of("title", "documentId", "productType", "subject", "subjectType", "period",
                "threatLevel", "likelihood", "impact", "confidence", "validFrom", "validUntil", "reviewBy", "author",
                "organisation", "approvedBy", "approvedAt", "disseminatedAt", "version", "state", "classification",
                "tlp", "supersedes", "supersededBy", "sanitisedFrom")) {
            kinds.put(scalar, Kind.SCALAR);
        }
        for (String block : List.of("summary", "keyJudgments", "confidenceReasons", "assumptions", "indicators",
                "evidence", "publicSummary")) {
            kinds.put(block, Kind.BLOCK);
        }
        FIELD_KINDS = Collections.unmodifiableMap(kinds);
        FIELDS = Collections.unmodifiableSet(kinds.keySet());
    }

    private static final Pattern NAME = Pattern.compile("[A-Za-z][A-Za-z0-9]*");

    /** A piece of a line: literal text, or a field's value. */
    public sealed interface Segment {
        record Literal(String text) implements Segment {
        }

        record FieldRef(String field) implements Segment {
        }
    }

    public enum LineKind { TITLE, HEADING, BLOCK, TEXT }

    /** One non-blank line: {@code number} is 1-based; {@code field} is set for a block line. */
    public record Line(LineKind kind, int number, List<Segment> segments, String field) {

        public Line {
            segments = List.copyOf(segments);
        }

        /** The fields this line names. */
        public List<String> fields() {
            if (field != null) {
                return List.of(field);
            }
            return segments.stream().filter(s -> s instanceof Segment.FieldRef)
                    .map(s -> ((Segment.FieldRef) s).field()).toList();
        }
    }

    /** A heading (null for the lines before the first heading) and the lines under it. */
    public record Section(Line heading, List<Line> lines) {

        public Section {
            lines = List.copyOf(lines);
        }
    }

    private final String source;
    private final Line title;
    private final List<Section> sections;

    private BulletinTemplate(String source, Line title, List<Section> sections) {
        this.source = source;
        this.title = title;
        this.sections = List.copyOf(sections);
    }

    /** Reads a template; throws {@link InvalidTemplateException} naming the line and field at fault. */
    public static BulletinTemplate parse(String source) {
        if (source == null || source.isBlank()) {
            throw new InvalidTemplateException(1, "title", "the template is empty: its first line must be the title, "
                    + "holding {{title}}");
        }
        if (source.length() > MAX_LENGTH) {
            throw new InvalidTemplateException(1, null, "the template is longer than " + MAX_LENGTH + " characters");
        }
        String normalised = source.replace("\r\n", "\n").replace('\r', '\n');
        String[] raw = normalised.split("\n", -1);
        Line title = null;
        List<Section> sections = new ArrayList<>();
        Line heading = null;
        List<Line> current = new ArrayList<>();
        for (int i = 0; i < raw.length; i++) {
            int number = i + 1;
            String text = raw[i].strip();
            if (text.isEmpty()) {
                continue;
            }
            if (title == null) {
                if (text.startsWith("#")) {
                    throw new InvalidTemplateException(number, "title", "the first line must be the title, holding "
                            + "{{title}}, not a heading");
                }
                List<Segment> segments = segments(text, number, false);
                if (segments.stream().noneMatch(s -> s instanceof Segment.FieldRef f && f.field().equals("title"))) {
                    throw new InvalidTemplateException(number, "title", "the first line is the title and must hold "
                            + "{{title}}");
                }
                title = new Line(LineKind.TITLE, number, segments, null);
                continue;
            }
            if (text.startsWith("#")) {
                String headingText = text.substring(1).strip();
                if (headingText.isEmpty()) {
                    throw new InvalidTemplateException(number, null, "a heading needs text after #");
                }
                if (heading != null || !current.isEmpty()) {
                    sections.add(new Section(heading, current));
                }
                heading = new Line(LineKind.HEADING, number, segments(headingText, number, false), null);
                current = new ArrayList<>();
                continue;
            }
            List<Segment> segments = segments(text, number, true);
            if (segments.size() == 1 && segments.getFirst() instanceof Segment.FieldRef f) {
                current.add(new Line(LineKind.BLOCK, number, segments, f.field()));
            } else {
                current.add(new Line(LineKind.TEXT, number, segments, null));
            }
        }
        if (heading != null || !current.isEmpty()) {
            sections.add(new Section(heading, current));
        }
        return new BulletinTemplate(normalised, title, sections);
    }

    private static List<Segment> segments(String text, int number, boolean blockAllowedAlone) {
        List<Segment> segments = new ArrayList<>();
        int at = 0;
        while (at < text.length()) {
            int open = text.indexOf("{{", at);
            if (open < 0) {
                segments.add(new Segment.Literal(text.substring(at)));
                break;
            }
            if (open > at) {
                segments.add(new Segment.Literal(text.substring(at, open)));
            }
            int close = text.indexOf("}}", open + 2);
            if (close < 0) {
                throw new InvalidTemplateException(number, null, "{{ is not closed by }}");
            }
            String name = text.substring(open + 2, close).strip();
            if (!NAME.matcher(name).matches()) {
                throw new InvalidTemplateException(number, name, "{{" + name + "}} is not a field name (letters and "
                        + "digits, starting with a letter)");
            }
            Kind kind = FIELD_KINDS.get(name);
            if (kind == null) {
                throw new InvalidTemplateException(number, name, "unknown field {{" + name + "}}; known fields: "
                        + String.join(", ", FIELDS));
            }
            segments.add(new Segment.FieldRef(name));
            at = close + 2;
        }
        boolean alone = segments.size() == 1 && segments.getFirst() instanceof Segment.FieldRef;
        for (Segment s : segments) {
            if (s instanceof Segment.FieldRef f && FIELD_KINDS.get(f.field()) == Kind.BLOCK
                    && !(alone && blockAllowedAlone)) {
                throw new InvalidTemplateException(number, f.field(), "{{" + f.field() + "}} is a block field: it "
                        + "must stand alone on a line of its own");
            }
        }
        return segments;
    }

    /** The text the template was read from (line breaks normalised to {@code \n}). */
    public String source() {
        return source;
    }

    public Line title() {
        return title;
    }

    public List<Section> sections() {
        return sections;
    }

    /** Every field the template names, in order of first use. */
    public List<String> fieldsUsed() {
        List<String> used = new ArrayList<>(title.fields());
        for (Section s : sections) {
            if (s.heading() != null) {
                used.addAll(s.heading().fields());
            }
            s.lines().forEach(l -> used.addAll(l.fields()));
        }
        return used.stream().distinct().toList();
    }
}
