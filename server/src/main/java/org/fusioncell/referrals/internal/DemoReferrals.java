package org.fusioncell.referrals.internal;

import java.util.List;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.DemoIdentitySeeded;
import org.fusioncell.identity.Readers;
import org.fusioncell.referrals.Drafts;
import org.fusioncell.referrals.OnlineContent;
import org.fusioncell.referrals.Referral;
import org.fusioncell.referrals.ReferralStep;
import org.fusioncell.referrals.Referrals;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The demo's referrals (profile {@code dev}, first start): content on the demo platform "Plateforme Tawasul" in
 * Arabic and French, assessed and referred by the demo analyst; the platform has acknowledged one, removed another
 * (whose owner appealed), and not yet answered the third — so both sides' pages and the transparency report show
 * something at once. Content the analyst found out of scope stays unreferred.
 */
@Component
class DemoReferrals {

    private final Referrals referrals;
    private final Readers readers;

    DemoReferrals(Referrals referrals, Readers readers) {
        this.referrals = referrals;
        this.readers = readers;
    }

    @EventListener
    void seed(DemoIdentitySeeded seeded) {
        Reader analyst = readers.forUser(seeded.users().get("analyst"), "demo data");
        Reader platform = readers.forUser(seeded.users().get("platform.partner"), "demo data");
        String tawasul = seeded.organisations().get("platform");
        MarkingForm marking = new MarkingForm("RESTRICTED", "AMBER", null, false, List.of());
        String basis = "Loi n° 2021-007 relative à la lutte contre le terrorisme, art. 12 / conditions d'utilisation"
                + " de la plateforme, section 4";
        String first = content(analyst, tawasul, "https://tawasul.example/p/88213", "@nasr_al_ghad",
                "انضموا إلى إخوانكم في الساحل، الطريق مفتوح والمال متوفر، راسلونا على الخاص", marking,
                "recruitment", null);
        String second = content(analyst, tawasul, "https://tawasul.example/v/5521?lang=fr", "@echo_sahel",
                "Gloire aux martyrs de l'attaque de la semaine dernière, que leur exemple soit suivi",
                marking, "attack-glorification", null);
        String third = content(analyst, tawasul, "https://tawasul.example/p/90417", "@bayan_media",
                "بيان صادر عن المكتب الإعلامي للتنظيم بمناسبة ذكرى تأسيسه", marking, "listed-entity-content",
                "QDe.004 (liste du Conseil de sécurité)");
        content(analyst, tawasul, "https://tawasul.example/p/90533", "@journaliste_sahel",
                "Reportage sur les conséquences de l'attaque pour les familles de la région", marking, null, null);
        Referral r1 = done(referrals.refer(analyst, first, new Drafts.ReferralDraft(basis)));
        Referral r2 = done(referrals.refer(analyst, second, new Drafts.ReferralDraft(basis)));
        done(referrals.refer(analyst, third, new Drafts.ReferralDraft(basis)));
        done(referrals.acknowledge(platform, r1.id()));
        done(referrals.acknowledge(platform, r2.id()));
        done(referrals.reportOutcome(platform, r2.id(), new Drafts.OutcomeDraft("REMOVED",
                "Contenu retiré pour apologie du terrorisme")));
        done(referrals.appeal(platform, r2.id(), new Drafts.AppealDraft("CONTENT_OWNER",
                "L'auteur affirme citer le message pour le dénoncer")));
    }

    private String content(Reader analyst, String platform, String url, String account, String text,
                           MarkingForm marking, String category, String entity) {
        OnlineContent c = done(referrals.record(analyst, new Drafts.ContentDraft(url, platform, account, null, text,
                null, marking), List.of()));
        done(referrals.assess(analyst, c.id(), new Drafts.AssessmentDraft(category != null, category, entity,
                category != null ? "Correspond à la politique d'inclusion (démonstration)"
                        : "Information journalistique : hors champ")));
        return c.id();
    }

    private static <T> T done(ReferralStep<T> step) {
        if (step instanceof ReferralStep.Done<T> d) {
            return d.value();
        }
        throw new IllegalStateException("a demo referral step was refused: " + step);
    }
}
