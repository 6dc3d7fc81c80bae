package org.fusioncell.audit;

/**
 * What was done, after the logging duties of the EU Law Enforcement Directive (Art. 25) plus the
 * events an oversight body asks about.
 */
public enum AuditAction {
    COLLECTION,
    CONSULTATION,
    DISCLOSURE,
    ALTERATION,
    COMBINATION,
    ERASURE,
    EXPORT,
    SEARCH,
    LOGIN,
    LOGIN_FAILED,
    LOGOUT,
    ADMINISTRATION,
    /** A refused or existence-only read: who tried to reach what, and the policy's answer. */
    ACCESS_DENIED
}
