/**
 * Referrals (docs/referrals.md): online content recorded by the cell (URL, platform, account, language, captured
 * text, files by SHA-256), assessed against a configurable, ideology-neutral inclusion policy, and referred to the
 * technology platform that hosts it. Platform users see only the referrals addressed to their organisation, and only
 * what a referral discloses; they acknowledge, report the outcome and record appeals, which a supervisor of the cell
 * reviews. Reminders when a platform has not acted, re-checks, and a transparency report of aggregates per period.
 * Content records carry markings and are need-to-know like every other item; every step is audited with its actor.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Referrals",
        allowedDependencies = {"shared", "access", "audit", "identity", "intake", "monitoring", "assessment"})
package org.fusioncell.referrals;
