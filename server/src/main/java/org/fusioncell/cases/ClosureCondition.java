package org.fusioncell.cases;

import java.util.Optional;

/**
 * What another part of the cases module requires before a case may be closed (the attack response's after-action
 * review). Checked inside the status change's transaction.
 */
public interface ClosureCondition {

    /** Why the case may not be closed yet: a refusal code and its detail; empty when it may. */
    Optional<CaseStep.Refused<CaseFile>> refusal(String caseId, CaseKind kind);
}
