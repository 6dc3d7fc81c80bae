package org.fusioncell.referrals.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Locale;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.referrals.TransparencyReport;
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
 * The transparency report as a PDF in ar, fr or en, as plans and bulletins print (OpenPDF, the Amiri fonts of
 * {@link PdfText}, Arabic right to left): the period, then one table per section. Aggregates only.
 */
@Component
class TransparencyPrinting {

    private final MessageSource messages;

    TransparencyPrinting(MessageSource messages) {
        this.messages = messages;
    }

    byte[] print(TransparencyReport r, List<TransparencyExports.Line> lines, String language) {
        Locale locale = Locale.forLanguageTag(language);
        boolean rtl = "ar".equals(language);
        try {
            BaseFont regular = PdfText.regular();
            BaseFont bold = PdfText.bold();
            Font title = new Font(bold, 16);
            Font heading = new Font(bold, 12);
            Font text = new Font(regular, 10);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(document, out);
            String name = t(locale, "referrals.report.title");
            document.addTitle(name);
            document.addCreator("FusionCell");
            document.setDocumentLanguage(language);
            document.open();
            PdfPTable table = new PdfPTable(2);
            table.setWidthPercentage(100);
            table.setWidths(new float[] {3, 1});
            table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            wide(table, new Phrase(name, title), rtl);
            wide(table, new Phrase(t(locale, "referrals.report.period") + ": " + r.from() + " / " + r.to(), text),
                    rtl);
            String section = null;
            for (TransparencyExports.Line l : lines) {
                if (!l.section().equals(section)) {
                    section = l.section();
                    wide(table, new Phrase(t(locale, "referrals.report.section." + section), heading), rtl);
                }
                table.addCell(PdfText.cell(new Phrase(l.label(), text), rtl));
                table.addCell(PdfText.cell(new Phrase(l.value().isEmpty() ? "—" : l.value(), text), false));
            }
            wide(table, new Phrase(t(locale, "referrals.report.aggregatesOnly"), text), rtl);
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wide(PdfPTable table, Phrase phrase, boolean rtl) {
        var cell = PdfText.cell(phrase, rtl);
        cell.setColspan(2);
        table.addCell(cell);
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
