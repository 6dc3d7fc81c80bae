package org.fusioncell.submissions;

import java.io.InputStream;
import java.util.List;
import java.util.Optional;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.Reader;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;

/**
 * Civil-society submissions. A contributor sees only their own; the triage role
 * ({@code fusioncell.submissions.triage-role}, ANALYST) of the cell a submission was sent to sees it; nobody else
 * learns it exists. The submitter's identity opens only for the identity role
 * ({@code fusioncell.submissions.identity-role}, DATA_PROTECTION_OFFICER) of that cell. Every call is audited.
 */
public interface Submissions {

    String INFORMATION_TYPE = "civil-society-submission";

    /** The cells a signed-in contributor can send to: the installation's intelligence agencies and partner cells. */
    List<OrganisationSummary> cells();

    /**
     * The cells the public form offers (and accepts): the installation's own intelligence agencies only, so that an
     * anonymous visitor learns nothing of partner cells.
     */
    List<OrganisationSummary> publicCells();

    /**
     * Checks and stores a submission; {@code contributor} is null for the public form. Bad input throws
     * {@link org.fusioncell.shared.InvalidInputException} naming the field; nothing is kept then.
     */
    Submission submit(Reader contributor, SubmissionDraft draft, SubmissionDraft.Upload attachment);

    /** {@code status} optional. Newest first. */
    Page<Submission> list(Reader reader, Submission.Status status, PageRequest page);

    Optional<Submission> open(Reader reader, String id);

    boolean triager(Reader reader);

    boolean identityOfficer(Reader reader);

    /** New → in review, or → no action with a reason. */
    Step triage(Reader analyst, String id, Submission.Status to, String reason);

    /**
     * Turns the submission into a report of the analyst's organisation through the intake module: the report's
     * body is the submission's text and its reference; the submitter's identity is not copied. {@code marking}
     * optional (default: lowest level, TLP:AMBER, the cell as owner).
     */
    Step turnIntoReport(Reader analyst, String id, String title, MarkingForm marking);

    /** The sealed identity, for the identity role of the cell; audited as disclosure with the justification. */
    Reveal reveal(Reader officer, String id, String justification);

    /** The attachment's content, for the cell; audited as consultation. */
    Optional<InputStream> attachment(Reader reader, String id);

    sealed interface Step {
        record Done(Submission submission) implements Step {
        }

        record Refused(String code, String detail) implements Step {
        }

        record Unknown() implements Step {
        }
    }

    sealed interface Reveal {
        record Revealed(Submission.Identity identity) implements Reveal {
        }

        record NotAllowed() implements Reveal {
        }

        record Unknown() implements Reveal {
        }
    }
}
