package org.fusioncell.access;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Compiles {@link AccessPolicy} for one reader into SQL over {@code access_marking} and
 * {@code access_marking_term}, so that lists, counts and pages are computed by the database over the
 * reader's allowed set only. Each item table keeps a {@code marking_id} column; pass its qualified
 * name as {@code markingColumn}.
 *
 * <p>The predicate is an uncorrelated {@code marking_id IN (SELECT … FROM access_marking …)}: since
 * markings are stored once per distinct content ({@link Markings#save}), the policy is evaluated once
 * per distinct marking — a few hundred in a real cell — not once per item row.
 */
public final class VisibilityFilter {

    private VisibilityFilter() {
    }

    /** Items the reader may see (VISIBLE). */
    public static SqlPredicate visible(Reader reader, String informationType, String markingColumn) {
        SqlPredicate marking = visibleMarking(reader, informationType);
        return new SqlPredicate(markingColumn + " IN (SELECT m.id FROM access_marking m WHERE " + marking.sql() + ")",
                marking.params());
    }

    /**
     * The same rule over a row {@code m} of {@code access_marking} itself: the markings whose items the
     * reader may see. A search index filters on the ids this selects (see {@link Markings#visibleIds}).
     */
    public static SqlPredicate visibleMarking(Reader reader, String informationType) {
        Builder b = new Builder(reader, informationType);
        String sql = "m.classification_rank <= :acc_clr AND " + b.caveatsHeld() + " AND (" + b.audience() + ")";
        b.params.put("acc_clr", reader.clearanceRank());
        return new SqlPredicate(sql, b.params);
    }

    /** Items whose existence the reader may learn (VISIBLE or EXISTENCE_ONLY): the hit/no-hit scope. */
    public static SqlPredicate known(Reader reader, String informationType, String markingColumn) {
        Builder b = new Builder(reader, informationType);
        String community = b.ownerCommunity(false);
        String sql = markingColumn + " IN (SELECT m.id FROM access_marking m WHERE (("
                + b.audience() + ")" + (community == null ? "" : " OR (m.tlp <> 'RED' AND (" + community + "))")
                + "))";
        return new SqlPredicate(sql, b.params);
    }

    private static final class Builder {
        private final Reader reader;
        private final List<AgreementGrant> grants;
        private final Map<String, Object> params = new HashMap<>();

        Builder(Reader reader, String informationType) {
            this.reader = reader;
            // a grant without parties reaches no owner, and an empty IN () list is not SQL
            this.grants = reader.agreements().stream()
                    .filter(g -> g.covers(informationType) && !g.parties().isEmpty()).toList();
            params.put("acc_user", reader.userId());
            params.put("acc_org", reader.organisationId());
            params.put("acc_orgtype", reader.organisationType().name());
            for (int i = 0; i < grants.size(); i++) {
                params.put("acc_ag" + i, grants.get(i).agreementId());
                params.put("acc_pa" + i, List.copyOf(grants.get(i).parties()));
                params.put("acc_mx" + i, grants.get(i).maxClassificationRank());
            }
        }

        String caveatsHeld() {
            String held = "";
            if (!reader.caveats().isEmpty()) {
                params.put("acc_cav", List.copyOf(reader.caveats()));
                held = " AND c.term NOT IN (:acc_cav)";
            }
            return "NOT EXISTS (SELECT 1 FROM access_marking_term c WHERE c.marking_id = m.id AND c.kind = 'CAVEAT'"
                    + held + ")";
        }

        String audience() {
            List<String> widened = new ArrayList<>();
            widened.add(term("ORG_TYPE", ":acc_orgtype"));
            for (int i = 0; i < grants.size(); i++) {
                widened.add("(" + term("AGREEMENT", ":acc_ag" + i) + " AND m.owner_organisation_id IN (:acc_pa" + i
                        + ") AND m.classification_rank <= :acc_mx" + i + ")");
            }
            StringBuilder sql = new StringBuilder()
                    .append("(m.tlp = 'CLEAR' AND m.originator_control = FALSE)")
                    .append(" OR (m.tlp = 'RED' AND ").append(term("USER", ":acc_user")).append(")")
                    .append(" OR (m.tlp <> 'RED' AND (m.owner_organisation_id = :acc_org OR ")
                    .append(term("ORG", ":acc_org")).append("))")
                    .append(" OR (m.tlp IN ('GREEN', 'AMBER') AND m.originator_control = FALSE AND (")
                    .append(String.join(" OR ", widened)).append("))");
            String community = ownerCommunity(true);
            if (community != null) {
                sql.append(" OR (m.tlp = 'GREEN' AND m.originator_control = FALSE AND (").append(community).append("))");
            }
            return sql.toString();
        }

        /** The owner has an agreement in force with the reader's organisation covering this type. */
        String ownerCommunity(boolean ceilingApplies) {
            if (grants.isEmpty()) {
                return null;
            }
            List<String> any = new ArrayList<>();
            for (int i = 0; i < grants.size(); i++) {
                any.add("(m.owner_organisation_id IN (:acc_pa" + i + ")"
                        + (ceilingApplies ? " AND m.classification_rank <= :acc_mx" + i : "") + ")");
            }
            return String.join(" OR ", any);
        }

        private static String term(String kind, String param) {
            return "EXISTS (SELECT 1 FROM access_marking_term mt WHERE mt.marking_id = m.id AND mt.kind = '" + kind
                    + "' AND mt.term = " + param + ")";
        }
    }
}
