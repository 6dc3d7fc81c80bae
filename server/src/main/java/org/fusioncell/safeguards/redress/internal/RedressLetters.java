package org.fusioncell.safeguards.redress.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.safeguards.redress.RedressLetter;
import org.fusioncell.safeguards.redress.RedressRequest;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * The reply letter, in the person's language, as HTML and PDF with the same paragraphs. It tells the person
 * the outcome and what follows from it, and nothing of the lists: not which list or entry they were taken
 * for, nor any other entry or intelligence. The officer's reasons are internal and are not in the letter.
 */
@Component
class RedressLetters {

    private final MessageSource messages;

    RedressLetters(MessageSource messages) {
        this.messages = messages;
    }

    private record Paragraphs(String title, List<String> body) {
    }

    RedressLetter letter(RedressRequest r) {
        Paragraphs p = paragraphs(r);
        return new RedressLetter(r.id(), r.language(), html(r.language(), p), pdf(r.language(), p));
    }

    private Paragraphs paragraphs(RedressRequest r) {
        Locale locale = Locale.forLanguageTag(r.language());
        DateTimeFormatter dates = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale)
                .withZone(ZoneOffset.UTC);
        List<String> body = new ArrayList<>();
        // the whole id: its leading characters are a timestamp, shared by requests filed the same minute
        body.add(t(locale, "redress.letter.reference", r.id(), dates.format(r.decidedAt())));
        body.add(t(locale, "redress.letter.greeting", r.person().names().getFirst()));
        body.add(r.representative() == null ? t(locale, "redress.letter.received", dates.format(r.filedAt()))
                : t(locale, "redress.letter.receivedRepresentative", dates.format(r.filedAt()), r.representative()));
        body.add(t(locale, "redress.letter.outcome." + r.outcome().name()));
        body.add(t(locale, "redress.letter.limits"));
        body.add(t(locale, "redress.letter.appeal"));
        body.add(t(locale, "redress.letter.signature"));
        return new Paragraphs(t(locale, "redress.letter.title"), body);
    }

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private static String html(String language, Paragraphs p) {
        StringBuilder s = new StringBuilder("<!DOCTYPE html>\n<html lang=\"").append(language).append("\" dir=\"")
                .append("ar".equals(language) ? "rtl" : "ltr").append("\">\n<head><meta charset=\"utf-8\"><title>")
                .append(HtmlUtils.htmlEscape(p.title())).append("</title></head>\n<body>\n<h1>")
                .append(HtmlUtils.htmlEscape(p.title())).append("</h1>\n");
        // names and the representative are bidi-isolated by dir="auto" on each paragraph
        p.body().forEach(line -> s.append("<p dir=\"auto\">").append(HtmlUtils.htmlEscape(line)).append("</p>\n"));
        return s.append("</body>\n</html>\n").toString();
    }

    private static byte[] pdf(String language, Paragraphs p) {
        boolean rtl = "ar".equals(language);
        try {
            BaseFont regular = PdfText.regular();
            Font title = new Font(PdfText.bold(), 15);
            Font text = new Font(regular, 11);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 64, 64, 64, 64);
            PdfWriter.getInstance(document, out);
            document.addTitle(p.title());
            document.addCreator("FusionCell");
            document.setDocumentLanguage(language);
            document.open();
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.setSplitLate(false);
            table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            table.addCell(PdfText.cell(new Phrase(p.title(), title), rtl));
            p.body().forEach(line -> table.addCell(PdfText.cell(new Phrase(line, text), rtl)));
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
