package org.fusioncell.referrals;

/** Who appealed a measure: the owner of the content (through the platform) or the platform itself. */
public enum Appellant {
    CONTENT_OWNER, PLATFORM
}
