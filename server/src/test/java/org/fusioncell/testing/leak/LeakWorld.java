package org.fusioncell.testing.leak;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Readers;
import org.fusioncell.identity.Role;

/**
 * A small world that exercises every rule of the access policy: state agencies under a national
 * agreement, a partner cell under a bilateral agreement with a low ceiling, an international body
 * under an agreement whose scope excludes the type under test, a suspended agreement, a platform
 * with none; two readers per organisation with different clearances and caveats.
 */
public final class LeakWorld {

    /** Planted in every item's content; must never appear in a hit/no-hit answer. */
    public static final String CONTENT_MARKER = "LEAKCANARY";

    public record Member(String label, String userId, String organisationId, String token, Reader reader) {
    }

    private final List<String> organisations = new ArrayList<>();
    private final List<String> agreements = new ArrayList<>();
    private final List<Member> members = new ArrayList<>();
    private final ClassificationScheme scheme;

    private LeakWorld(ClassificationScheme scheme) {
        this.scheme = scheme;
    }

    public static LeakWorld build(IdentityFixtures fx, Readers readers, ClassificationScheme scheme, String type) {
        return build(fx, readers, scheme, type, Set.of(Role.ANALYST));
    }

    /** The same world whose readers hold {@code roles} (an endpoint may be for some roles only). */
    public static LeakWorld build(IdentityFixtures fx, Readers readers, ClassificationScheme scheme, String type,
                                  Set<Role> roles) {
        LeakWorld w = new LeakWorld(scheme);
        String cell = fx.organisation("Cell", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Police", OrganisationType.STATE_AGENCY, "MR");
        String customs = fx.organisation("Customs", OrganisationType.STATE_AGENCY, "MR");
        String partner = fx.organisation("Partner cell", OrganisationType.PARTNER_FUSION_CELL, "MR");
        String regional = fx.organisation("Regional body", OrganisationType.INTERNATIONAL_ORGANISATION, "MR");
        String platform = fx.organisation("Platform", OrganisationType.TECHNOLOGY_PLATFORM, "MR");
        w.organisations.addAll(List.of(cell, police, customs, partner, regional, platform));
        w.agreements.add(fx.agreement(Set.of(cell, police, customs), scheme.highest(), Set.of("*")));
        w.agreements.add(fx.agreement(Set.of(cell, partner), scheme.level(1), Set.of(type)));
        w.agreements.add(fx.agreement(Set.of(cell, regional), scheme.level(2), Set.of("some-other-type")));
        w.agreements.add(fx.agreement(Set.of(police, platform), scheme.highest(), Set.of("*"), "SUSPENDED",
                java.time.LocalDate.now().minusYears(1), null));
        String[] names = {"cell", "police", "customs", "partner", "regional", "platform"};
        for (int i = 0; i < w.organisations.size(); i++) {
            String org = w.organisations.get(i);
            w.member(fx, readers, names[i] + "-high", org, scheme.highest(), Set.of("EYES"), roles);
            w.member(fx, readers, names[i] + "-low", org, scheme.level(1), Set.of(), roles);
        }
        return w;
    }

    private void member(IdentityFixtures fx, Readers readers, String label, String org, String clearance,
                        Set<String> caveats, Set<Role> roles) {
        String user = fx.user(org, clearance, roles, caveats);
        String token = fx.token(user, "read", "write");
        members.add(new Member(label, user, org, token, readers.forUser(user, "leak harness")));
    }

    public List<Member> members() {
        return members;
    }

    /** A random marking an author may write (never above their own clearance). */
    public MarkingForm randomMarking(Random rnd, Member author) {
        int rank = rnd.nextInt(author.reader().clearanceRank() + 1);
        String[] tlps = {"CLEAR", "GREEN", "AMBER", "AMBER+STRICT", "RED"};
        String tlp = tlps[rnd.nextInt(tlps.length)];
        List<String> orgs = pick(rnd, organisations, 0.25);
        List<String> types = pick(rnd, List.of(OrganisationType.values()).stream().map(Enum::name).toList(), 0.2);
        List<String> ags = pick(rnd, agreements, 0.35);
        List<String> users = pick(rnd, members.stream().map(Member::userId).toList(), 0.15);
        List<String> caveats = rnd.nextInt(5) == 0 ? List.of("EYES") : List.of();
        return new MarkingForm(scheme.level(rank), tlp, new MarkingForm.ReleasabilityForm(orgs, types, ags, users),
                rnd.nextInt(4) == 0, caveats);
    }

    private static List<String> pick(Random rnd, List<String> from, double p) {
        List<String> out = new ArrayList<>();
        for (String s : from) {
            if (rnd.nextDouble() < p) {
                out.add(s);
            }
        }
        return out;
    }
}
