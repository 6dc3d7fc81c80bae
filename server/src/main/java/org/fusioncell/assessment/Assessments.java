package org.fusioncell.assessment;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Products and their workflow. Who sees a product: before dissemination, members of the authoring
 * organisation whom its marking allows (and, for a sanitised version awaiting them, the originators who
 * must approve it); once disseminated, whoever its marking allows. Every call is audited; invalid drafts
 * throw {@link org.fusioncell.shared.InvalidInputException} naming the field.
 */
public interface Assessments {

    String INFORMATION_TYPE = "assessment";

    /** A new draft by an analyst or supervisor. Evidence must be visible to the author; the marking must dominate it. */
    Assessment draft(Reader author, AssessmentDraft draft);

    /** A new version of a draft or of a product in review; the reviser joins the contributors. */
    Step revise(Reader reader, String id, int expectedVersion, AssessmentDraft draft);

    /** {@code state}, {@code type} optional. Newest first. */
    Page<AssessmentSummary> list(Reader reader, AssessmentState state, ProductType type, PageRequest page);

    long count(Reader reader, AssessmentState state, ProductType type);

    /** Opening a disseminated product records the recipient's read receipt. */
    AssessmentAccess open(Reader reader, String id);

    /** Every version, oldest first; empty when the reader may not see the product. */
    Optional<List<Assessment>> versions(Reader reader, String id);

    Step submit(Reader reader, String id);

    /** A peer review comment (any analyst or supervisor of the authoring organisation who sees it). */
    Step comment(Reader reader, String id, String text, String portion);

    Optional<List<ReviewComment>> comments(Reader reader, String id);

    /** Sends a product in review back to draft, with the reason. */
    Step sendBack(Reader reader, String id, String reason);

    /** A supervisor of the authoring organisation who wrote no version of it; needs a peer review comment. */
    Step approve(Reader reader, String id, String note);

    /**
     * Delivers an approved (or already disseminated) product to users and to the members of organisations.
     * Every named user must be allowed to see it under its marking (clearance, caveats, releasability),
     * or nothing is delivered; members of a named organisation who may not see it are left out and named in
     * the answer's refusal when none remains. Sets the threat level of an area or sector subject; marks
     * the product it supersedes superseded and tells that one's recipients.
     */
    Step disseminate(Reader reader, String id, List<String> userIds, List<String> organisationIds);

    /** Withdraws an approved or disseminated product; every recipient is told, with the reason. */
    Step withdraw(Reader reader, String id, String reason);

    /**
     * A sanitised version of an approved or disseminated product: a new draft under a lower marking with
     * portions removed or rewritten. It may be marked below its evidence, and is approved only when every
     * organisation whose cited evidence its marking no longer covers has approved it too.
     */
    Step sanitise(Reader reader, String originalId, AssessmentDraft draft);

    /** An originator's approval of a sanitised version (a supervisor of an originating organisation). */
    Step approveAsOriginator(Reader reader, String id, String note);

    /** Organisations whose approval a sanitised version awaits (empty otherwise). */
    Optional<List<String>> pendingOriginators(Reader reader, String id);

    /** Receipts of a product, for members of the authoring organisation. */
    Optional<List<Receipt>> receipts(Reader reader, String id);

    /** The reader's inbox of disseminated products, newest first. */
    Page<ReceivedProduct> received(Reader reader, PageRequest page);

    /** A recipient's feedback on a product they received. */
    Step feedback(Reader reader, String id, Receipt.Feedback feedback, String note);

    /** Turns an indicator of the product into a monitoring watch owned by the reader; returns the watch id. */
    Step watchIndicator(Reader reader, String id, int indicatorIndex, java.util.Map<String, Object> criterion);
}
