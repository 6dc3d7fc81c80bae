package org.fusioncell.safeguards.oversight.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.safeguards.OversightTable;
import org.fusioncell.safeguards.oversight.OversightReport;
import org.fusioncell.safeguards.oversight.ReportView;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * Writes a report out: first as a {@link ReportView} in its language, then as a self-contained HTML page
 * (the template {@code oversight/report-document}), a PDF (Amiri fonts, right-to-left in Arabic, as bulletins)
 * or a CSV in long form — one line per cell, with the section, table, row and column — UTF-8 with a byte-order
 * mark, so that spreadsheets open Arabic and French text correctly.
 */
@Component
class ReportWriting {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MOMENT = DateTimeFormatter.ISO_INSTANT;

    private static final java.util.regex.Pattern ARABIC_LETTER = java.util.regex.Pattern.compile("\\p{IsArabic}");

    private static final java.util.regex.Pattern LATIN_RUN =
            java.util.regex.Pattern.compile("[0-9A-Za-z][0-9A-Za-z:.\\-]*[0-9A-Za-z]");

    private final MessageSource messages;
    private final ITemplateEngine templates;

    ReportWriting(MessageSource messages, ITemplateEngine templates) {
        this.messages = messages;
        this.templates = templates;
    }

    ReportView view(OversightReport report) {
        CellText cells = new CellText(messages, report.language());
        List<ReportView.SectionView> sections = new ArrayList<>();
        for (OversightReport.Section s : report.sections()) {
            List<ReportView.TableView> tables = new ArrayList<>();
            for (OversightTable t : s.tables()) {
                List<String> headings = t.columns().stream().map(c -> cells.message("oversight.column." + c)).toList();
                List<List<ReportView.CellView>> rows = t.rows().stream().map(row -> row.stream()
                        .map(c -> new ReportView.CellView(cells.text(c), cells.raw(c), cells.figure(c))).toList())
                        .toList();
                String note = messages.getMessage("oversight.table." + t.id() + ".note", null, "", report.language());
                tables.add(new ReportView.TableView(t.id(), cells.message("oversight.table." + t.id()), note,
                        t.columns(), headings, rows));
            }
            sections.add(new ReportView.SectionView(s.id(), cells.message("oversight.section." + s.id()), tables));
        }
        // the period is [from, to): the last day shown is the day before "to"
        String period = cells.message("oversight.report.period", DAY.format(report.from()),
                DAY.format(report.to().minusMillis(1)), MOMENT.format(report.from()), MOMENT.format(report.to()));
        String generated = cells.message("oversight.report.generated", MOMENT.format(report.generatedAt()),
                report.generatedBy());
        String language = report.language().getLanguage();
        boolean rtl = "ar".equals(language);
        return new ReportView(language, rtl ? "rtl" : "ltr", cells.message("oversight.report.title"),
                isolated(period, rtl), isolated(generated, rtl), sections);
    }

    byte[] html(ReportView view) {
        Context context = new Context(Locale.forLanguageTag(view.language()));
        context.setVariable("view", view);
        return templates.process("oversight/report-document", context).getBytes(StandardCharsets.UTF_8);
    }

    byte[] csv(ReportView view) {
        StringBuilder out = new StringBuilder("\uFEFF");
        line(out, "section", "table", "row", "column", "heading", "value");
        line(out, "report", "report", "0", "title", view.title(), view.title());
        line(out, "report", "report", "0", "period", plain(view.period()), plain(view.period()));
        line(out, "report", "report", "0", "generated", plain(view.generated()), plain(view.generated()));
        for (ReportView.SectionView s : view.sections()) {
            for (ReportView.TableView t : s.tables()) {
                for (int r = 0; r < t.rows().size(); r++) {
                    List<ReportView.CellView> row = t.rows().get(r);
                    for (int c = 0; c < row.size(); c++) {
                        line(out, s.id(), t.id(), String.valueOf(r + 1), t.columns().get(c), t.headings().get(c),
                                row.get(c).raw());
                    }
                }
            }
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static void line(StringBuilder out, String... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            String v = values[i] == null ? "" : values[i];
            // a leading formula character would be run by a spreadsheet: quote it as text
            if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
                v = "'" + v;
            }
            out.append('"').append(v.replace("\"", "\"\"")).append('"');
        }
        out.append("\r\n");
    }

    byte[] pdf(ReportView view) {
        boolean rtl = "rtl".equals(view.direction());
        try {
            BaseFont regular = PdfText.regular();
            BaseFont bold = PdfText.bold();
            Font title = new Font(bold, 16);
            Font heading = new Font(bold, 12);
            Font text = new Font(regular, 9);
            Font head = new Font(bold, 9);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 42, 42, 48, 48);
            PdfWriter.getInstance(document, out);
            document.addTitle(view.title());
            document.addCreator("FusionCell");
            document.setDocumentLanguage(view.language());
            document.open();
            PdfPTable page = column(rtl);
            page.addCell(PdfText.cell(new Phrase(view.title(), title), rtl));
            page.addCell(PdfText.cell(new Phrase(embedded(view.period()), text), rtl));
            page.addCell(PdfText.cell(new Phrase(embedded(view.generated()), text), rtl));
            document.add(page);
            for (ReportView.SectionView s : view.sections()) {
                PdfPTable section = column(rtl);
                section.addCell(PdfText.cell(new Phrase(s.title(), title), rtl));
                document.add(section);
                for (ReportView.TableView t : s.tables()) {
                    PdfPTable caption = column(rtl);
                    caption.addCell(PdfText.cell(new Phrase(t.title(), heading), rtl));
                    if (!t.note().isEmpty()) {
                        caption.addCell(PdfText.cell(new Phrase(t.note(), text), rtl));
                    }
                    document.add(caption);
                    document.add(grid(t, rtl, head, text));
                }
            }
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PdfPTable column(boolean rtl) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        table.setSpacingBefore(4);
        table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        return table;
    }

    private static PdfPTable grid(ReportView.TableView t, boolean rtl, Font head, Font text) {
        PdfPTable grid = new PdfPTable(widths(t, rtl));
        grid.setWidthPercentage(100);
        grid.setHeaderRows(1);
        grid.setSpacingBefore(2);
        grid.setSpacingAfter(8);
        grid.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        for (String h : t.headings()) {
            grid.addCell(boxed(new Phrase(h, head), rtl, false));
        }
        if (t.rows().isEmpty()) {
            PdfPCell none = boxed(new Phrase(CellText.ABSENT, text), rtl, false);
            none.setColspan(t.headings().size());
            grid.addCell(none);
        }
        for (List<ReportView.CellView> row : t.rows()) {
            for (ReportView.CellView c : row) {
                grid.addCell(boxed(new Phrase(c.text(), text), rtl, c.figure()));
            }
        }
        return grid;
    }

    /**
     * A cell of a table. In an Arabic report a cell without Arabic letters (a figure, a list's name, a country
     * code) is laid out left to right — a right-to-left run would move its hyphens and digits — and aligned as
     * the table reads: text at the start (right), figures at the end (left).
     */
    /**
     * Dates, times and ids inside Arabic text, isolated left to right (LRI … PDI): a right-to-left paragraph would
     * otherwise show 2031-04-01T00:00:00Z as 01T00:00:00Z-04-2031.
     */
    static String isolated(String text, boolean rtl) {
        return rtl ? LATIN_RUN.matcher(text).replaceAll("\u2066$0\u2069") : text;
    }

    /** OpenPDF knows the older embeddings (LRE … PDF), not the isolates browsers prefer. */
    private static String embedded(String text) {
        return text.replace('\u2066', '\u202A').replace('\u2069', '\u202C');
    }

    /** A spreadsheet cell is one run: no direction marks. */
    private static String plain(String text) {
        return text.replaceAll("[\u2066-\u2069]", "");
    }

    /** Names and labels need room, figures little; OpenPDF reads the widths left to right whatever the direction. */
    private static float[] widths(ReportView.TableView t, boolean rtl) {
        int n = t.columns().size();
        float[] widths = new float[n];
        for (int i = 0; i < n; i++) {
            final int column = i;
            boolean figures = !t.rows().isEmpty() && t.rows().stream().allMatch(r -> r.get(column).figure());
            widths[rtl ? n - 1 - i : i] = figures ? 1f : 2.5f;
        }
        return widths;
    }

    private static PdfPCell boxed(Phrase phrase, boolean rtl, boolean figure) {
        boolean rtlCell = rtl && ARABIC_LETTER.matcher(phrase.getContent()).find();
        PdfPCell cell = PdfText.cell(phrase, rtlCell);
        cell.setBorder(Rectangle.BOX);
        cell.setBorderWidth(0.5f);
        cell.setPadding(3);
        if (!rtlCell) {
            cell.setHorizontalAlignment(rtl != figure ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT);
        }
        return cell;
    }

}
