package org.fusioncell.plans.web;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingView;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.plans.Coordination;
import org.fusioncell.plans.PlanTree;
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
 * The plan as a PDF document in ar, fr or en (the labels in that language, the plan's own text as written; Arabic
 * right to left with the Amiri fonts of {@link PdfText}, shared with bulletins), the marking as first and last line.
 * The same content as the plan's page: areas with progress, objectives, outputs, actions with funding, indicators.
 */
@Component
class PlanPrinting {

    private final MessageSource messages;
    private final ClassificationScheme scheme;

    PlanPrinting(MessageSource messages, ClassificationScheme scheme) {
        this.messages = messages;
        this.scheme = scheme;
    }

    byte[] print(PlanTree t, String language) {
        Locale locale = Locale.forLanguageTag(language);
        boolean rtl = "ar".equals(language);
        PlanTree.Header h = t.plan();
        String banner = MarkingView.of(h.marking(), scheme).banner();
        try {
            BaseFont regular = PdfText.regular();
            BaseFont bold = PdfText.bold();
            Fonts f = new Fonts(new Font(bold, 16), new Font(bold, 12), new Font(regular, 10));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(document, out);
            document.addTitle(h.title());
            document.addCreator("FusionCell");
            document.setDocumentLanguage(language);
            document.open();
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.setSplitLate(false);
            table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            table.addCell(PdfText.cell(new Phrase(banner, f.heading()), false));
            table.addCell(PdfText.cell(new Phrase(h.title(), f.title()), rtl));
            line(table, f.text(), rtl, t(locale, "plans.field.status") + ": " + t(locale, "plans.status." + h.status())
                    + " — " + t(locale, "plans.scope." + h.scope()) + " " + h.country()
                    + (h.region() == null ? "" : " (" + h.region() + ")") + " — " + h.periodStart() + " / "
                    + h.periodEnd() + " — " + t(locale, "plans.field.version") + " " + h.versionLabel());
            line(table, f.text(), rtl, t(locale, "plans.progress.plan") + ": " + percent(locale, t.progress()));
            for (PlanTree.Funding fu : t.funding()) {
                line(table, f.text(), rtl, money(locale, fu.currency(), fu.budget(), fu.funded(), fu.pledged(),
                        fu.gap()));
            }
            int n = 0;
            for (PlanTree.Area a : t.areas()) {
                table.addCell(PdfText.cell(new Phrase(++n + ". " + a.label(language) + " — "
                        + percent(locale, a.progress()), f.heading()), rtl));
                for (PlanTree.Objective o : a.objectives()) {
                    line(table, f.heading(), rtl, t(locale, "plans.objective") + ": " + o.title());
                    for (PlanTree.Output p : o.outputs()) {
                        line(table, f.text(), rtl, t(locale, "plans.output") + ": " + p.title());
                        for (PlanTree.Action x : p.actions()) {
                            action(table, f, rtl, locale, x);
                        }
                    }
                }
            }
            coordination(table, f, rtl, locale, t, language);
            table.addCell(PdfText.cell(new Phrase(banner, f.heading()), false));
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private record Fonts(Font title, Font heading, Font text) {
    }

    private void action(PdfPTable table, Fonts f, boolean rtl, Locale locale, PlanTree.Action x) {
        line(table, f.text(), rtl, "• " + x.title() + " — " + t(locale, "plans.actionStatus." + x.status()));
        line(table, f.text(), rtl, t(locale, "plans.field.leadBody") + ": " + x.leadBody() + " — "
                + t(locale, "plans.field.timeline") + ": " + x.startDate() + " / " + x.endDate());
        if (!x.partners().isEmpty()) {
            StringBuilder ps = new StringBuilder(t(locale, "plans.field.partners")).append(": ");
            x.partners().forEach(p -> ps.append(p.name()).append(" (")
                    .append(t(locale, "plans.sector." + p.sector())).append("); "));
            line(table, f.text(), rtl, ps.toString());
        }
        line(table, f.text(), rtl, money(locale, x.currency(), x.budget(), x.funded(), x.pledged(), x.gap())
                + (x.donor() == null ? "" : " — " + t(locale, "plans.field.donor") + ": " + x.donor()));
        for (PlanTree.Indicator i : x.indicators()) {
            line(table, f.text(), rtl, t(locale, "plans.indicator") + ": " + i.name() + " (" + i.unit() + ") — "
                    + t(locale, "plans.field.baseline") + " " + i.baseline().toPlainString() + ", "
                    + t(locale, "plans.field.target") + " " + i.target().toPlainString() + ", "
                    + t(locale, "plans.field.latest") + " "
                    + (i.latest() == null ? "—" : i.latest().value().toPlainString()) + " — "
                    + percent(locale, i.progress()));
        }
        line(table, f.text(), rtl, t(locale, "plans.progress") + ": " + percent(locale, x.progress()));
    }

    /** The donor matrix, working groups, capacity needs and participation, as the page shows them. */
    private void coordination(PdfPTable table, Fonts f, boolean rtl, Locale locale, PlanTree t, String language) {
        Coordination c = t.coordination();
        table.addCell(PdfText.cell(new Phrase(t(locale, "plans.matrix"), f.heading()), rtl));
        for (Coordination.DonorMatrix.Row r : c.donorMatrix().rows()) {
            StringBuilder line = new StringBuilder(r.donor()).append(": ");
            for (int i = 0; i < r.cells().size(); i++) {
                if (!r.cells().get(i).isEmpty()) {
                    line.append(t.areas().get(i).label(language)).append(" ").append(funds(r.cells().get(i)))
                            .append("; ");
                }
            }
            line(table, f.text(), rtl, line.toString());
        }
        for (Coordination.DonorMatrix.Column col : c.donorMatrix().columns()) {
            String mark = col.uncovered() ? t(locale, "plans.matrix.uncovered")
                    : col.shared() ? messages.getMessage("plans.matrix.shared", new Object[] {col.donors().size()},
                    locale) : null;
            if (mark != null) {
                line(table, f.text(), rtl, t.area(col.areaCode()).label(language) + " — "
                        + t(locale, "plans.matrix.overlap") + ": " + mark);
            }
        }
        table.addCell(PdfText.cell(new Phrase(t(locale, "plans.coordination"), f.heading()), rtl));
        for (Coordination.WorkingGroup g : c.workingGroups()) {
            line(table, f.heading(), rtl, g.name() + " (" + t(locale, "plans.groupKind." + g.kind()) + ") — "
                    + t(locale, "plans.field.chair") + ": " + (g.chair() == null ? "—" : g.chair()));
            for (Coordination.Meeting m : g.meetings()) {
                line(table, f.text(), rtl, t(locale, "plans.meeting") + " " + m.heldOn() + " — " + m.place() + " — "
                        + String.join(", ", m.participants()));
                for (Coordination.Decision d : m.decisions()) {
                    line(table, f.text(), rtl, "• " + d.text());
                    for (Coordination.FollowUp fu : d.followUps()) {
                        line(table, f.text(), rtl, "   – " + fu.what() + " — " + fu.owner() + " — " + fu.dueOn()
                                + " — " + t(locale, "plans.followUpStatus." + fu.status())
                                + (fu.overdue() ? " — " + t(locale, "plans.overdue") : ""));
                    }
                }
            }
        }
        table.addCell(PdfText.cell(new Phrase(t(locale, "plans.needs"), f.heading()), rtl));
        for (Coordination.Need n : c.needs()) {
            line(table, f.text(), rtl, "• " + n.institution() + " — " + t.area(n.areaCode()).label(language) + " — "
                    + n.description() + " — " + t(locale, "plans.priority." + n.priority()) + " — "
                    + (n.gap() ? t(locale, "plans.needs.gap") : t(locale, "plans.needs.supportedBy") + ": "
                    + String.join(", ", n.supportedBy().stream().map(Coordination.Offer::organisation).toList())));
        }
        Coordination.Participation p = c.participation();
        table.addCell(PdfText.cell(new Phrase(t(locale, "plans.participation"), f.heading()), rtl));
        line(table, f.text(), rtl, t(locale, "plans.participation.consultations") + " " + p.consultations() + " — "
                + t(locale, "plans.participation.participants") + " " + p.participants() + " — "
                + t(locale, "plans.participation.women") + " " + p.women() + " (" + percent(locale, p.womenShare())
                + ") — " + t(locale, "plans.participation.youth") + " " + p.youth() + " ("
                + percent(locale, p.youthShare()) + ")");
        for (Coordination.Participant o : c.participants()) {
            line(table, f.text(), rtl, "• " + o.organisation() + " (" + t(locale, "plans.sector." + o.sector()) + ")");
        }
        for (Coordination.Consultation k : c.consultations()) {
            line(table, f.text(), rtl, k.heldOn() + " — " + k.place() + " — "
                    + t(locale, "plans.consultationKind." + k.kind()) + " — " + k.organiser() + " — "
                    + k.participants() + " (" + t(locale, "plans.participation.women") + " " + k.women() + ", "
                    + t(locale, "plans.participation.youth") + " " + k.youth() + ")");
        }
    }

    private static String funds(java.util.List<PlanTree.Funding> list) {
        StringBuilder s = new StringBuilder();
        list.forEach(f -> s.append(f.funded().toPlainString()).append(" / ").append(f.pledged().toPlainString())
                .append(' ').append(f.currency()).append(' '));
        return s.toString().strip();
    }

    private String money(Locale locale, String currency, java.math.BigDecimal budget, java.math.BigDecimal funded,
                         java.math.BigDecimal pledged, java.math.BigDecimal gap) {
        return t(locale, "plans.field.budget") + " " + budget.toPlainString() + " " + currency + ", "
                + t(locale, "plans.field.funded") + " " + funded.toPlainString() + ", "
                + t(locale, "plans.field.pledged") + " " + pledged.toPlainString() + ", "
                + t(locale, "plans.field.gap") + " " + gap.toPlainString();
    }

    private String percent(Locale locale, Double p) {
        return p == null ? t(locale, "plans.progress.none") : Math.round(p * 100) + " %";
    }

    private static void line(PdfPTable table, Font font, boolean rtl, String text) {
        table.addCell(PdfText.cell(new Phrase(text, font), rtl));
    }

    private String t(Locale locale, String key) {
        return messages.getMessage(key, null, locale);
    }
}
