package org.fusioncell.cases.response.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.response.Sitrep;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A situation report as PDF, in the report's own language (Arabic right to left with the Amiri fonts of
 * {@link PdfText}, shared with bulletins and evidence summaries), the case's marking as its first and last line.
 */
@Component
class SitrepPrinting {

    /** No 'T' between date and time: it would split the instant into runs that Arabic lines reorder. */
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final MessageSource messages;
    private final ClassificationScheme scheme;

    SitrepPrinting(MessageSource messages, ClassificationScheme scheme) {
        this.messages = messages;
        this.scheme = scheme;
    }

    byte[] print(CaseFile c, ResponseRows.Head head, Sitrep s) {
        Locale locale = Locale.forLanguageTag(s.language());
        boolean rtl = "ar".equals(s.language());
        String banner = MarkingView.of(c.marking(), scheme).banner();
        try {
            BaseFont regular = PdfText.regular();
            BaseFont bold = PdfText.bold();
            Font title = new Font(bold, 16);
            Font heading = new Font(bold, 12);
            Font text = new Font(regular, 10);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(document, out);
            String name = t(locale, "response.sitrep.heading", Integer.toString(s.number()), c.title());
            document.addTitle(name);
            document.addCreator("FusionCell");
            document.setDocumentLanguage(s.language());
            document.open();
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.setSplitLate(false);
            table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            table.addCell(PdfText.cell(new Phrase(banner, heading), false));
            table.addCell(PdfText.cell(new Phrase(name, title), rtl));
            table.addCell(PdfText.cell(new Phrase(t(locale, "response.sitrep.meta", head.place(),
                    TIME.format(head.occurredAt()), TIME.format(s.writtenAt()), TIME.format(s.nextDueAt())), text), rtl));
            section(table, t(locale, "response.label.situation"), s.situation(), heading, text, rtl);
            section(table, t(locale, "response.label.actions"), s.actionsTaken(), heading, text, rtl);
            if (!s.figures().isEmpty()) {
                table.addCell(PdfText.cell(new Phrase(t(locale, "response.label.figures"), heading), rtl));
                for (Sitrep.Figure f : s.figures()) {
                    table.addCell(PdfText.cell(new Phrase(t(locale, "response.figure.line",
                            t(locale, "response.figure." + f.category().name()), Integer.toString(f.value()), f.source(),
                            TIME.format(f.asOf())), text), rtl));
                }
            }
            section(table, t(locale, "response.label.needs"), s.needs(), heading, text, rtl);
            table.addCell(PdfText.cell(new Phrase(banner, heading), false));
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void section(PdfPTable table, String label, String body, Font heading, Font text, boolean rtl) {
        if (body != null) {
            table.addCell(PdfText.cell(new Phrase(label, heading), rtl));
            table.addCell(PdfText.cell(new Phrase(body, text), rtl));
        }
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
