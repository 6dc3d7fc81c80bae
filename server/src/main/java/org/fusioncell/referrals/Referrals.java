package org.fusioncell.referrals;

import java.io.InputStream;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Online content, its assessment against the inclusion policy, referrals to platforms and their life
 * (docs/referrals.md). The cell's side reads through the content's marking (lists and counts in SQL); a platform's
 * users read only the referrals addressed to their organisation, as {@link Referral.Disclosed}. Bad input throws
 * {@link org.fusioncell.shared.InvalidInputException} naming the field, files over the limit
 * {@link org.fusioncell.intake.AttachmentTooLargeException}; nothing is then written. Every read and step is audited.
 */
public interface Referrals {

    String INFORMATION_TYPE = "online-content";

    /** A file to keep with content: its name, the type the client declared (may be null), its bytes. */
    record Upload(String fileName, String declaredType, InputStream content) {
    }

    /** A file's record and its bytes, for a download. */
    record FileContent(OnlineContent.ContentFile file, InputStream content) {
    }

    List<InclusionCategory> policy();

    /** The organisations content may be referred to: those of type technology platform, by name. */
    List<OrganisationSummary> platforms();

    // ------------------------------------------------------------------------------------------ the cell's side

    ReferralStep<OnlineContent> record(Reader author, Drafts.ContentDraft draft, List<Upload> files);

    ReferralStep<OnlineContent.ContentFile> addFile(Reader reader, String contentId, Upload file);

    /** {@code platform} null: every platform. */
    Page<OnlineContent> list(Reader reader, String platform, PageRequest page);

    long count(Reader reader, String platform);

    ContentAccess find(Reader reader, String contentId);

    Optional<FileContent> file(Reader reader, String contentId, String fileId);

    ReferralStep<OnlineContent> assess(Reader reader, String contentId, Drafts.AssessmentDraft draft);

    ReferralStep<Referral> refer(Reader reader, String contentId, Drafts.ReferralDraft draft);

    /** Referrals whose content the reader may see; {@code state}, {@code platform} null: any. */
    Page<Referral> referrals(Reader reader, ReferralState state, String platform, PageRequest page);

    /**
     * One referral with its content, seen through the content's marking: {@link ContentAccess.Opened} holds the
     * content and this referral alone; a referral of content the reader may only know of answers the hit/no-hit.
     */
    ContentAccess referral(Reader reader, String referralId);

    ReferralStep<Referral> recheck(Reader reader, String referralId, Drafts.RecheckDraft draft);

    ReferralStep<Referral> decideAppeal(Reader supervisor, String referralId, Drafts.AppealDecisionDraft draft);

    TransparencyReport transparency(Reader reader, LocalDate from, LocalDate to);

    // ------------------------------------------------------------------------------------------ the platform's side

    /** The referrals addressed to the reader's platform organisation (empty for anyone else). */
    Page<Referral.Disclosed> addressed(Reader platformUser, ReferralState state, PageRequest page);

    Optional<Referral.Disclosed> addressedOne(Reader platformUser, String referralId);

    ReferralStep<Referral.Disclosed> acknowledge(Reader platformUser, String referralId);

    ReferralStep<Referral.Disclosed> reportOutcome(Reader platformUser, String referralId, Drafts.OutcomeDraft draft);

    ReferralStep<Referral.Disclosed> appeal(Reader platformUser, String referralId, Drafts.AppealDraft draft);

    // ------------------------------------------------------------------------------------------ processing

    /**
     * Reminds the platform (its platform-partner users) and the referring analyst of each referral still awaiting
     * the platform {@code fusioncell.referrals.remind-after} after it was referred or last reminded; each referral
     * claimed in the database first, so several nodes remind once. Returns the referrals reminded.
     */
    int remind(Instant now);
}
