package org.fusioncell.hashbanks.internal;

import java.util.List;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.hashbanks.Bank;
import org.fusioncell.hashbanks.BankStep;
import org.fusioncell.hashbanks.Drafts;
import org.fusioncell.hashbanks.HashBanks;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's hash bank (profile {@code dev}, first start): kept by the cell's analyst and shared with the platform
 * Tawasul under the demo agreement "Accord de signalement de contenus en ligne", so that {@code platform.partner}
 * can match against it and download its list. The hashes are public test values (the PDQ hashes of ThreatExchange's
 * "bridge" test pictures), not of real content; one entry is a tombstone so the export shows {@code deleted=true}.
 */
@Component
class DemoHashBank {

    private record Line(String algorithm, String hash, String label, Integer quality) {
    }

    private static final List<Line> LINES = List.of(
            new Line("pdq", "f8f8f0cce0f4e84d0e370a22028f67f0b36e2ed596623e1d33e6339c4e9c9b22",
                    "Démonstration : visuel de propagande (image de test publique) / صورة اختبار", 100),
            new Line("pdq", "b0a10efd71cc3f429413d48d0ffffe12e34e0e17ada952a9d29684210aa9e5af",
                    "Démonstration : même visuel, tourné de 90° / الصورة نفسها مُدارة", 100),
            new Line("sha256", "2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae",
                    "Démonstration : fichier vidéo de revendication (valeur de test)", null),
            new Line("md5", "acbd18db4cc2f85cedef654fccc4a4d8",
                    "Démonstration : même fichier, empreinte MD5 (valeur de test)", null));

    private final HashBanks banks;
    private final Readers readers;

    DemoHashBank(HashBanks banks, Readers readers) {
        this.banks = banks;
        this.readers = readers;
    }

    @EventListener
    void seed(DemoIdentitySeeded seeded) {
        Reader analyst = readers.forUser(seeded.users().get("analyst"), "demo data");
        BankStep<Bank> created = banks.create(analyst, new Drafts.BankDraft(
                "Contenus terroristes signalés — banque de démonstration",
                "Empreintes partagées avec les plateformes partenaires au titre de l'accord de signalement. "
                        + "بصمات مشتركة مع المنصات الشريكة.",
                new MarkingForm("UNCLASSIFIED", "AMBER", null, false, List.of()),
                List.of(seeded.agreements().get("platform"))));
        if (!(created instanceof BankStep.Done<Bank> done)) {
            throw new IllegalStateException("the demo hash bank was refused: " + created);
        }
        String bank = done.value().id();
        for (Line l : LINES) {
            banks.add(analyst, bank, new Drafts.EntryDraft(l.algorithm(), l.hash(), l.label(), l.quality(),
                    "Jeu de démonstration"));
        }
        banks.add(analyst, bank, new Drafts.EntryDraft("sha256",
                "fcde2b2edba56bf408601fb721fe9b5c338d10ee429ea04fae5511b68fbf8fb9", "Démonstration : retiré", null,
                "Jeu de démonstration"));
        if (banks.entries(analyst, bank, false, org.fusioncell.shared.PageRequest.of(0, 1))
                instanceof BankStep.Done<org.fusioncell.shared.Page<org.fusioncell.hashbanks.BankEntry>> page) {
            banks.delete(analyst, bank, page.value().items().getFirst().id());
        }
    }
}
