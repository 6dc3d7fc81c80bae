package org.fusioncell.assessment.bulletin;

import java.util.ArrayList;
import java.util.List;
import org.fusioncell.assessment.bulletin.BulletinTemplate.Line;
import org.fusioncell.assessment.bulletin.BulletinTemplate.Section;
import org.fusioncell.assessment.bulletin.BulletinTemplate.Segment;

/**
 * A template filled with a bulletin's content: the blocks both the PDF and the HTML print, in order.
 * Lines whose fields are all empty are left out, and so are sections whose fields are all empty; an empty
 * field inside a line that has others prints as a dash.
 */
final class BulletinLayout {

    static final String EMPTY = "—";

    sealed interface Block {
    }

    record Title(String text) implements Block {
    }

    record Notice(String text) implements Block {
    }

    record Heading(String text) implements Block {
    }

    /** A paragraph; {@code mark} (portion marking) and {@code number} (of a numbered list) may be null. */
    record Paragraph(String mark, String number, String text) implements Block {
    }

    private BulletinLayout() {
    }

    static List<Block> blocks(BulletinTemplate template, BulletinContent content) {
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Title(inline(template.title(), content)));
        BulletinField notice = content.field(BulletinContent.NOTICE);
        if (notice != null && !notice.isEmpty()) {
            paragraphs(notice).forEach(p -> blocks.add(new Notice(p.text())));
        }
        for (Section section : template.sections()) {
            List<String> named = new ArrayList<>();
            section.lines().forEach(l -> named.addAll(l.fields()));
            if (!named.isEmpty() && named.stream().allMatch(f -> empty(content, f))) {
                continue;
            }
            List<Block> body = new ArrayList<>();
            for (Line line : section.lines()) {
                if (!line.fields().isEmpty() && line.fields().stream().allMatch(f -> empty(content, f))) {
                    continue;
                }
                if (line.field() != null) {
                    BulletinField value = content.field(line.field());
                    body.addAll(value == null ? List.of() : paragraphs(value));
                } else {
                    body.add(new Paragraph(null, null, inline(line, content)));
                }
            }
            if (section.heading() != null) {
                blocks.add(new Heading(inline(section.heading(), content)));
            }
            blocks.addAll(body);
        }
        return blocks;
    }

    private static boolean empty(BulletinContent content, String field) {
        if (field.equals("documentId")) {
            return false;
        }
        BulletinField value = content.field(field);
        return value == null || value.isEmpty();
    }

    private static String inline(Line line, BulletinContent content) {
        StringBuilder text = new StringBuilder();
        for (Segment s : line.segments()) {
            switch (s) {
                case Segment.Literal l -> text.append(l.text());
                case Segment.FieldRef f -> text.append(scalar(content, f.field()));
            }
        }
        return text.toString().strip();
    }

    private static String scalar(BulletinContent content, String field) {
        if (field.equals("documentId")) {
            return content.documentId();
        }
        BulletinField value = content.field(field);
        String text = switch (value) {
            case null -> "";
            case BulletinField.Text t -> t.value();
            case BulletinField.Portions p -> String.join(" ", p.items().stream().map(BulletinField.Marked::text).toList());
        };
        text = text.strip().replaceAll("\\s*\\R\\s*", " ");
        return text.isEmpty() ? EMPTY : text;
    }

    private static List<Paragraph> paragraphs(BulletinField value) {
        List<Paragraph> out = new ArrayList<>();
        switch (value) {
            case BulletinField.Text t -> {
                for (String p : t.value().strip().split("\\R\\s*\\R")) {
                    if (!p.isBlank()) {
                        out.add(new Paragraph(null, null, p.strip().replaceAll("\\s*\\R\\s*", " ")));
                    }
                }
            }
            case BulletinField.Portions p -> {
                int n = 0;
                for (BulletinField.Marked m : p.items()) {
                    if (m.text().isBlank()) {
                        continue;
                    }
                    n++;
                    out.add(new Paragraph(m.mark(), p.numbered() ? n + "." : null,
                            m.text().strip().replaceAll("\\s*\\R\\s*", " ")));
                }
            }
        }
        return out;
    }
}
