package org.fusioncell.monitoring.delivery.internal;

import java.util.Set;

/** The ways a notice travels. Workers run in lanes so that a slow webhook never delays the inbox push. */
enum Channel {
    INBOX,
    EMAIL,
    DIGEST,
    WEBHOOK;

    static final Set<Channel> LIVE = Set.of(INBOX);
    static final Set<Channel> OUTBOUND = Set.of(EMAIL, DIGEST, WEBHOOK);
}
