package org.fusioncell.bench.access;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.fusioncell.access.AgreementGrant;
import org.fusioncell.access.Marking;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.access.Reader;
import org.fusioncell.access.Releasability;
import org.fusioncell.access.Tlp;

/**
 * A regional-cell sized world for benchmarks, generated from a seed: 40 organisations of every type,
 * 20 agreements of 2–6 parties with ceilings and scopes, 10 users per organisation, readers carrying
 * 0–5 agreements, and markings with a label mix close to what a cell writes (most AMBER and GREEN).
 */
final class SyntheticAccessWorld {

    static final List<String> TYPES = List.of("report", "entity", "watchlist", "incident");
    static final List<String> CAVEATS = List.of("NOFORN", "CT", "HUMINT", "SIGINT", "FININT");
    static final int LEVELS = 4;

    final Random random;
    final List<String> organisations = new ArrayList<>();
    final List<OrganisationType> organisationTypes = new ArrayList<>();
    final List<AgreementGrant> agreements = new ArrayList<>();
    final List<String> users = new ArrayList<>();

    SyntheticAccessWorld(long seed) {
        random = new Random(seed);
        OrganisationType[] kinds = OrganisationType.values();
        for (int i = 0; i < 40; i++) {
            organisations.add(id());
            organisationTypes.add(kinds[i % kinds.length]);
            for (int u = 0; u < 10; u++) {
                users.add(id());
            }
        }
        for (int i = 0; i < 20; i++) {
            Set<String> parties = new LinkedHashSet<>();
            int n = 2 + random.nextInt(5);
            while (parties.size() < n) {
                parties.add(pick(organisations));
            }
            Set<String> scope = random.nextInt(3) == 0 ? Set.of(AgreementGrant.ALL_TYPES)
                    : new LinkedHashSet<>(List.of(pick(TYPES), pick(TYPES)));
            agreements.add(new AgreementGrant(id(), parties, random.nextInt(LEVELS), scope));
        }
    }

    String id() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    <T> T pick(List<T> from) {
        return from.get(random.nextInt(from.size()));
    }

    <T> Set<T> some(List<T> from, int max) {
        Set<T> out = new LinkedHashSet<>();
        int n = Math.max(0, random.nextInt(max + 2) - 1);
        for (int i = 0; i < n; i++) {
            out.add(pick(from));
        }
        return out;
    }

    /** A reader of organisation {@code org} carrying {@code agreementCount} agreements (the org made a party). */
    Reader reader(int agreementCount) {
        int userIndex = random.nextInt(users.size());
        int orgIndex = userIndex / 10;
        String org = organisations.get(orgIndex);
        List<AgreementGrant> grants = new ArrayList<>();
        for (int i = 0; i < agreementCount; i++) {
            AgreementGrant a = pick(agreements);
            Set<String> parties = new LinkedHashSet<>(a.parties());
            parties.add(org);
            grants.add(new AgreementGrant(a.agreementId(), parties, a.maxClassificationRank(), a.scope()));
        }
        return new Reader(users.get(userIndex), org, organisationTypes.get(orgIndex), random.nextInt(LEVELS),
                some(CAVEATS, 2), grants, "benchmark");
    }

    Marking marking() {
        int roll = random.nextInt(100);
        Tlp tlp = roll < 10 ? Tlp.CLEAR : roll < 40 ? Tlp.GREEN : roll < 75 ? Tlp.AMBER
                : roll < 90 ? Tlp.AMBER_STRICT : Tlp.RED;
        Releasability releasability = new Releasability(some(organisations, 3),
                some(List.of(OrganisationType.values()), 1),
                some(agreements.stream().map(AgreementGrant::agreementId).toList(), 2),
                tlp == Tlp.RED ? new LinkedHashSet<>(List.of(pick(users), pick(users))) : Set.of());
        return new Marking(random.nextInt(LEVELS), tlp, releasability, random.nextInt(5) == 0,
                random.nextInt(4) == 0 ? Set.of(pick(CAVEATS)) : Set.of(), pick(organisations));
    }
}
