package org.fusioncell.identity.internal;

import java.util.ArrayList;
import java.util.List;
import org.fusioncell.identity.internal.Forms.AgreementForm;
import org.fusioncell.identity.internal.Forms.OrganisationForm;
import org.fusioncell.identity.internal.Forms.UserForm;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The demo cell (profile {@code dev}, {@code fusioncell.identity.demo-data=true}): a national fusion cell
 * and its partners in a fictional West/North African setting, seeded on the first start only (skipped
 * when any organisation exists). Passwords and TOTP secrets are fixed and public: never use in
 * production.
 */
@Component
class DemoData {

    private static final Logger log = LoggerFactory.getLogger(DemoData.class);

    /** A demo login: its password is {@code <username>-demo-pass}; a null secret means no second factor. */
    record DemoUser(String username, String displayName, String organisation, String clearance, List<String> roles,
                    List<String> caveats, String totpSecret) {

        String password() {
            return username + "-demo-pass";
        }
    }

    static final List<DemoUser> USERS = List.of(
            new DemoUser("admin", "Administrateur de démonstration", "cell", "SECRET", List.of("ADMINISTRATOR"), List.of(),
                    "MFSG22LOF5THK43JN5XGGZLMNQWWIZLN"),
            new DemoUser("analyst", "Analyste de démonstration", "cell", "SECRET",
                    List.of("ANALYST", "SCREENING_OFFICER"),
                    List.of("NATIONAL-ONLY"), "MFXGC3DZON2C6ZTVONUW63TDMVWGYLLE"),
            new DemoUser("supervisor", "Superviseure de démonstration", "cell", "SECRET",
                    List.of("SUPERVISOR", "ANALYST", "SCREENING_OFFICER"),
                    List.of("NATIONAL-ONLY"), "ON2XAZLSOZUXG33SF5THK43JN5XGGZLM"),
            new DemoUser("liaison.police", "Officier de liaison (police)", "police", "CONFIDENTIAL",
                    List.of("LIAISON_OFFICER"), List.of(), "NRUWC2LTN5XC44DPNRUWGZJPMZ2XG2LP"),
            new DemoUser("auditor", "Auditrice de démonstration", "cell", "CONFIDENTIAL", List.of("AUDITOR"), List.of(),
                    "MF2WI2LUN5ZC6ZTVONUW63TDMVWGYLLE"),
            new DemoUser("dpo", "Déléguée à la protection des données", "cell", "SECRET",
                    List.of("DATA_PROTECTION_OFFICER"), List.of(), "MRYG6L3GOVZWS33OMNSWY3BNMRSW23ZN"),
            new DemoUser("partner.analyst", "Analyste de la cellule partenaire", "neighbour", "RESTRICTED",
                    List.of("ANALYST"), List.of(), "OBQXE5DOMVZC4YLOMFWHS43UF5THK43J"),
            new DemoUser("platform.partner", "Partenaire plateforme", "platform", "UNCLASSIFIED",
                    List.of("PLATFORM_PARTNER"), List.of(), null),
            new DemoUser("researcher", "Chercheuse associée", "university", "UNCLASSIFIED", List.of("RESEARCHER"),
                    List.of(), null),
            new DemoUser("civil.society", "Contributeur de la société civile", "cso", "UNCLASSIFIED",
                    List.of("CIVIL_SOCIETY_CONTRIBUTOR"), List.of(), null));

    private final IdentityProperties properties;
    private final JdbcOrganisations organisations;
    private final JdbcUsers users;
    private final IdentityAdministration administration;
    private final Environment environment;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.context.ApplicationEventPublisher events;

    DemoData(IdentityProperties properties, JdbcOrganisations organisations, JdbcUsers users,
             IdentityAdministration administration, Environment environment,
             org.springframework.transaction.PlatformTransactionManager transactionManager,
             org.springframework.context.ApplicationEventPublisher events) {
        this.events = events;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.properties = properties;
        this.organisations = organisations;
        this.users = users;
        this.administration = administration;
        this.environment = environment;
    }

    @EventListener(ApplicationReadyEvent.class)
    void onReady() {
        if (!properties.demoData()) {
            return;
        }
        if (!organisations.any()) {
            transactions.executeWithoutResult(status -> seed());
        }
        if (users.findByUsername("admin").isPresent()) {
            logLogins();
        }
    }

    /** All or nothing, so that a failed first start seeds again at the next. */
    void seed() {
        java.util.Map<String, String> ids = new java.util.HashMap<>();
        ids.put("cell", org("Cellule nationale de fusion antiterroriste", "STATE_AGENCY", "INTELLIGENCE", "MR", null));
        ids.put("police", org("Direction générale de la sûreté nationale", "STATE_AGENCY", "POLICE", "MR", null));
        ids.put("customs", org("Direction des douanes et des frontières", "STATE_AGENCY", "CUSTOMS_BORDER", "MR", null));
        ids.put("fiu", org("Cellule de renseignement financier", "STATE_AGENCY", "FINANCIAL_INTELLIGENCE_UNIT", "MR", null));
        ids.put("prosecutor", org("Parquet antiterroriste", "STATE_AGENCY", "PROSECUTION", "MR", null));
        ids.put("neighbour", org("Centre de fusion du Sahel occidental", "PARTNER_FUSION_CELL", null, "SN", null));
        ids.put("regional", org("Organisation régionale de sécurité du Sahel et du Maghreb", "INTERNATIONAL_ORGANISATION",
                null, "SN", null));
        ids.put("platform", org("Plateforme Tawasul", "TECHNOLOGY_PLATFORM", null, "MA", null));
        ids.put("university", org("Université des sciences sociales de Nouakchott-Est", "ACADEMIC_INSTITUTION", null,
                "MR", null));
        ids.put("cso", org("Réseau Amal pour la prévention", "CIVIL_SOCIETY_ORGANISATION", null, "MR", null));
        java.util.Map<String, String> agreements = new java.util.HashMap<>();
        agreements.put("national", administration.createAgreement(new AgreementForm("Protocole d'accord national inter-agences",
                "MOU", "2024-01-01", null, "ACTIVE", "SECRET", false,
                List.of(ids.get("cell"), ids.get("police"), ids.get("customs"), ids.get("fiu"), ids.get("prosecutor")),
                List.of("*"), List.of("Tableau commun de la menace", "Fichier national de surveillance")), null));
        agreements.put("bilateral", administration.createAgreement(new AgreementForm("Accord bilatéral de partage d'informations",
                "INFORMATION_SHARING_AGREEMENT", "2024-06-01", "2027-05-31", "ACTIVE", "RESTRICTED", false,
                List.of(ids.get("cell"), ids.get("neighbour")), List.of("*"), List.of("Patrouilles frontalières conjointes")),
                null));
        agreements.put("platform", administration.createAgreement(new AgreementForm("Accord de signalement de contenus en ligne",
                "INFORMATION_SHARING_AGREEMENT", "2025-01-01", null, "ACTIVE", "UNCLASSIFIED", false,
                List.of(ids.get("cell"), ids.get("platform")), List.of("online-content"), List.of()), null));
        java.util.Map<String, String> userIds = new java.util.HashMap<>();
        for (DemoUser u : USERS) {
            String id = administration.createUser(new UserForm(u.username(), u.displayName(), ids.get(u.organisation()),
                    u.password(), u.clearance(), u.roles(), u.caveats(), true), null);
            if (u.totpSecret() != null) {
                users.setTotp(id, u.totpSecret(), null);
            }
            userIds.put(u.username(), id);
        }
        events.publishEvent(new org.fusioncell.identity.DemoIdentitySeeded(ids, agreements, userIds));
        log.info("Demo organisations, agreements and users seeded");
    }

    private String org(String name, String type, String sector, String country, String parent) {
        return administration.createOrganisation(new OrganisationForm(name, type, sector, country, parent), null);
    }

    private void logLogins() {
        List<String> lines = new ArrayList<>();
        lines.add("");
        lines.add("==== FusionCell demo (profile dev; public demo credentials, never for production) ====");
        lines.add("URL: http://localhost:" + environment.getProperty("local.server.port",
                environment.getProperty("server.port", "8080")) + "/");
        lines.add(String.format("%-18s %-28s %-14s %s", "login", "password", "clearance", "TOTP secret (base32)"));
        for (DemoUser u : USERS) {
            lines.add(String.format("%-18s %-28s %-14s %s", u.username(), u.password(), u.clearance(),
                    u.totpSecret() == null ? "(no second factor)" : u.totpSecret()));
        }
        lines.add("Current TOTP code for a secret: ./fusioncell totp SECRET");
        lines.add("=====================================================================================");
        log.info("{}", String.join(System.lineSeparator(), lines));
    }
}
