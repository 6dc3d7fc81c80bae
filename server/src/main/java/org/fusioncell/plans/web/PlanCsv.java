package org.fusioncell.plans.web;

import java.util.List;
import java.util.stream.Collectors;
import org.fusioncell.plans.PlanTree;

/**
 * A plan's actions as CSV (RFC 4180, UTF-8 with a byte-order mark so that spreadsheet programs read Arabic right):
 * one row per action with its place in the plan, funding and progress. Cells that a spreadsheet would take for a
 * formula are prefixed with an apostrophe (CSV injection).
 */
final class PlanCsv {

    static final List<String> HEADER = List.of("plan_id", "plan_title", "priority_area", "objective", "output",
            "action_id", "action", "lead_body", "partners", "start_date", "end_date", "status", "currency", "budget",
            "funded", "pledged", "gap", "donor", "progress");

    private PlanCsv() {
    }

    static String of(PlanTree t, String language) {
        StringBuilder out = new StringBuilder("\uFEFF").append(String.join(",", HEADER)).append("\r\n");
        for (PlanTree.Area a : t.areas()) {
            for (PlanTree.Objective o : a.objectives()) {
                for (PlanTree.Output p : o.outputs()) {
                    for (PlanTree.Action x : p.actions()) {
                        row(out, t.plan().id(), t.plan().title(), a.label(language), o.title(), p.title(), x.id(),
                                x.title(), x.leadBody(), x.partners().stream()
                                        .map(pa -> pa.name() + " (" + pa.sector() + ")")
                                        .collect(Collectors.joining("; ")),
                                x.startDate().toString(), x.endDate().toString(), x.status(), x.currency(),
                                x.budget().toPlainString(), x.funded().toPlainString(), x.pledged().toPlainString(),
                                x.gap().toPlainString(), x.donor() == null ? "" : x.donor(),
                                x.progress() == null ? "" : String.format(java.util.Locale.ROOT, "%.4f", x.progress()));
                    }
                }
            }
        }
        return out.toString();
    }

    private static void row(StringBuilder out, String... cells) {
        for (int i = 0; i < cells.length; i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(cell(cells[i]));
        }
        out.append("\r\n");
    }

    static String cell(String value) {
        String v = value == null ? "" : value;
        if (!v.isEmpty() && "=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
            v = "'" + v;
        }
        if (v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r")) {
            v = "\"" + v.replace("\"", "\"\"") + "\"";
        }
        return v;
    }
}
