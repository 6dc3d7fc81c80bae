package org.fusioncell.access;

/**
 * What a marking may name, answered by the module that owns organisations, agreements and users
 * (identity), so that the access module stays beneath it.
 */
public interface MarkingVocabulary {

    boolean isOrganisation(String id);

    boolean isAgreement(String id);

    boolean isUser(String id);
}
