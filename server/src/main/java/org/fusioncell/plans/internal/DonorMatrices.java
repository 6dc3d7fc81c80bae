package org.fusioncell.plans.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.fusioncell.plans.Coordination.DonorMatrix;
import org.fusioncell.plans.PlanTree;

/**
 * The donor matrix of a plan: donors by priority area, each cell the plan's funding roll-up ({@link
 * PlanTrees#funding}) over that donor's actions in that area, so that the matrix and the dashboard never disagree.
 */
final class DonorMatrices {

    private DonorMatrices() {
    }

    static DonorMatrix of(List<PlanTree.Area> areas) {
        TreeSet<String> donors = new TreeSet<>();
        List<DonorMatrix.Column> columns = new ArrayList<>();
        for (PlanTree.Area a : areas) {
            List<PlanTree.Action> actions = actions(a);
            TreeSet<String> here = new TreeSet<>();
            actions.stream().filter(DonorMatrices::financed).forEach(x -> here.add(x.donor()));
            donors.addAll(here);
            columns.add(new DonorMatrix.Column(a.code(), List.copyOf(here), a.funding()));
        }
        List<DonorMatrix.Row> rows = new ArrayList<>();
        for (String donor : donors) {
            Map<String, List<PlanTree.Funding>> cells = new LinkedHashMap<>();
            List<PlanTree.Action> all = new ArrayList<>();
            for (PlanTree.Area a : areas) {
                List<PlanTree.Action> theirs = actions(a).stream()
                        .filter(x -> financed(x) && donor.equals(x.donor())).toList();
                all.addAll(theirs);
                cells.put(a.code(), PlanTrees.funding(theirs));
            }
            rows.add(new DonorMatrix.Row(donor, List.copyOf(cells.values()), PlanTrees.funding(all)));
        }
        return new DonorMatrix(columns, rows);
    }

    /** A donor funds or has pledged something on the action (a donor named on an unfunded action does not count). */
    private static boolean financed(PlanTree.Action x) {
        return x.donor() != null && (x.funded().signum() > 0 || x.pledged().signum() > 0);
    }

    private static List<PlanTree.Action> actions(PlanTree.Area a) {
        return a.objectives().stream().flatMap(o -> o.outputs().stream()).flatMap(o -> o.actions().stream()).toList();
    }
}
