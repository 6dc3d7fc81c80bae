package org.fusioncell.plans.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.fusioncell.plans.PlanTree;
import org.fusioncell.plans.PlanTree.Action;
import org.fusioncell.plans.PlanTree.Area;
import org.fusioncell.plans.PlanTree.Funding;
import org.fusioncell.plans.PlanTree.Indicator;
import org.fusioncell.plans.PlanTree.Measurement;
import org.fusioncell.plans.PlanTree.Objective;
import org.fusioncell.plans.PlanTree.Output;
import org.fusioncell.plans.PlanTree.Partner;
import org.fusioncell.identity.AgreementSummary;
import org.fusioncell.identity.Agreements;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Reads a plan's whole structure (a plan holds tens to a few hundred actions) and computes progress and funding
 * on the way up. The caller has already decided that the reader may see the plan.
 */
@Component
class PlanTrees {

    private final JdbcClient jdbc;
    private final Agreements agreements;
    private final CoordinationReading coordination;

    PlanTrees(JdbcClient jdbc, Agreements agreements, CoordinationReading coordination) {
        this.jdbc = jdbc;
        this.agreements = agreements;
        this.coordination = coordination;
    }

    PlanTree read(PlanTree.Header header) {
        String id = header.id();
        Map<String, List<Measurement>> measurements = group(jdbc.sql("""
                SELECT id, indicator_id, measured_on, measured, sex, age_group, area, evidence FROM plans_measurement
                WHERE plan_id = :p ORDER BY measured_on, recorded_at, id""").param("p", id)
                .query((rs, n) -> Map.entry(rs.getString("indicator_id"), new Measurement(rs.getString("id"),
                        rs.getDate("measured_on").toLocalDate(), plain(rs.getBigDecimal("measured")),
                        rs.getString("sex"), rs.getString("age_group"), rs.getString("area"),
                        rs.getString("evidence")))).list());
        Map<String, List<Indicator>> indicators = group(jdbc.sql("""
                SELECT id, action_id, name, unit, baseline, target, frequency FROM plans_indicator
                WHERE plan_id = :p ORDER BY created_at, id""").param("p", id)
                .query((rs, n) -> Map.entry(rs.getString("action_id"), indicator(rs, measurements))).list());
        Map<String, List<Partner>> partners = group(jdbc.sql("""
                SELECT ap.action_id, ap.name, ap.sector FROM plans_action_partner ap
                JOIN plans_action a ON a.id = ap.action_id WHERE a.plan_id = :p ORDER BY ap.action_id, ap.position""")
                .param("p", id).query((rs, n) -> Map.entry(rs.getString("action_id"),
                        new Partner(rs.getString("name"), rs.getString("sector")))).list());
        Map<String, List<Action>> actions = group(jdbc.sql("""
                SELECT * FROM plans_action WHERE plan_id = :p ORDER BY start_date, created_at, id""").param("p", id)
                .query((rs, n) -> Map.entry(rs.getString("output_id"), action(rs, partners, indicators,
                        agreement(rs.getString("agreement_id"), rs.getString("joint_project"))))).list());
        Map<String, List<Output>> outputs = group(jdbc.sql("""
                SELECT id, objective_id, title FROM plans_output WHERE plan_id = :p ORDER BY created_at, id""")
                .param("p", id).query((rs, n) -> {
                    List<Action> as = actions.getOrDefault(rs.getString("id"), List.of());
                    return Map.entry(rs.getString("objective_id"), new Output(rs.getString("id"),
                            rs.getString("title"), as, Progress.mean(as.stream().map(Action::progress).toList())));
                }).list());
        Map<String, List<Objective>> objectives = group(jdbc.sql("""
                SELECT id, area_id, title FROM plans_objective WHERE plan_id = :p ORDER BY created_at, id""")
                .param("p", id).query((rs, n) -> {
                    List<Output> os = outputs.getOrDefault(rs.getString("id"), List.of());
                    return Map.entry(rs.getString("area_id"), new Objective(rs.getString("id"), rs.getString("title"),
                            os, Progress.mean(os.stream().map(Output::progress).toList())));
                }).list());
        List<Area> areas = jdbc.sql("""
                SELECT id, code, label_ar, label_fr, label_en FROM plans_area WHERE plan_id = :p ORDER BY position""")
                .param("p", id).query((rs, n) -> {
                    List<Objective> os = objectives.getOrDefault(rs.getString("id"), List.of());
                    List<Action> as = os.stream().flatMap(o -> o.outputs().stream())
                            .flatMap(o -> o.actions().stream()).toList();
                    return new Area(rs.getString("id"), rs.getString("code"), rs.getString("label_ar"),
                            rs.getString("label_fr"), rs.getString("label_en"), os,
                            Progress.mean(os.stream().map(Objective::progress).toList()), funding(as));
                }).list();
        List<Action> all = areas.stream().flatMap(a -> a.objectives().stream()).flatMap(o -> o.outputs().stream())
                .flatMap(o -> o.actions().stream()).toList();
        return new PlanTree(header, areas, Progress.mean(areas.stream().map(Area::progress).toList()), funding(all),
                coordination.read(id, areas));
    }

    private PlanTree.Agreement agreement(String id, String jointProject) {
        if (id == null) {
            return null;
        }
        AgreementSummary a = agreements.find(id).orElse(null);
        return new PlanTree.Agreement(id, a == null ? null : a.title(), a == null ? null : a.kind(), jointProject);
    }

    private static Indicator indicator(ResultSet rs, Map<String, List<Measurement>> measurements) throws SQLException {
        List<Measurement> ms = measurements.getOrDefault(rs.getString("id"), List.of());
        // the latest total; ties on a date go to the one recorded last (the list is in that order)
        Measurement latest = ms.stream().filter(Measurement::total)
                .max(Comparator.comparing(Measurement::measuredOn)).orElse(null);
        for (Measurement m : ms) {
            if (m.total() && latest != null && m.measuredOn().equals(latest.measuredOn())) {
                latest = m;
            }
        }
        BigDecimal baseline = plain(rs.getBigDecimal("baseline"));
        BigDecimal target = plain(rs.getBigDecimal("target"));
        return new Indicator(rs.getString("id"), rs.getString("name"), rs.getString("unit"), baseline, target,
                rs.getString("frequency"), latest, ms,
                Progress.of(baseline, target, latest == null ? null : latest.value()));
    }

    private static Action action(ResultSet rs, Map<String, List<Partner>> partners,
                                 Map<String, List<Indicator>> indicators, PlanTree.Agreement agreement)
            throws SQLException {
        String id = rs.getString("id");
        List<Indicator> is = indicators.getOrDefault(id, List.of());
        BigDecimal budget = rs.getBigDecimal("budget");
        BigDecimal funded = rs.getBigDecimal("funded");
        return new Action(id, rs.getString("title"), rs.getString("lead_body"), partners.getOrDefault(id, List.of()),
                date(rs.getDate("start_date")), date(rs.getDate("end_date")), budget, rs.getString("currency"), funded,
                rs.getBigDecimal("pledged"), budget.subtract(funded), rs.getString("donor"), rs.getString("status"),
                rs.getString("risks"), agreement, is, Progress.mean(is.stream().map(Indicator::progress).toList()));
    }

    /** 300.0000 as 300, 12.5000 as 12.5 (never 3E+2). */
    static BigDecimal plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    private static java.time.LocalDate date(Date d) {
        return d.toLocalDate();
    }

    /** Per currency, never across: an MRU budget and a EUR grant are two lines. */
    static List<Funding> funding(List<Action> actions) {
        Map<String, BigDecimal[]> sums = new TreeMap<>();
        Map<String, Integer> counts = new TreeMap<>();
        for (Action a : actions) {
            BigDecimal[] s = sums.computeIfAbsent(a.currency(), c -> new BigDecimal[] {
                    BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO, BigDecimal.ZERO});
            s[0] = s[0].add(a.budget());
            s[1] = s[1].add(a.funded());
            s[2] = s[2].add(a.pledged());
            s[3] = s[3].add(a.overlap());
            counts.merge(a.currency(), 1, Integer::sum);
        }
        List<Funding> out = new ArrayList<>();
        sums.forEach((c, s) -> out.add(new Funding(c, s[0], s[1], s[2], s[0].subtract(s[1]), s[3],
                counts.get(c))));
        return out;
    }

    static <T> Map<String, List<T>> group(List<Map.Entry<String, T>> entries) {
        Map<String, List<T>> out = new LinkedHashMap<>();
        entries.forEach(e -> out.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).add(e.getValue()));
        return out;
    }
}
