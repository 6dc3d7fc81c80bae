package org.fusioncell.intake.web;

import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * The reasons a user gave in this browser session to open sensitive reports, kept for a short while so
 * that the report's attachments can be downloaded by plain links. Each download is still audited with
 * the reason; after {@link #VALID} the reason must be given again.
 */
final class GivenJustifications {

    static final Duration VALID = Duration.ofMinutes(15);
    private static final String ATTRIBUTE = GivenJustifications.class.getName();

    private record Given(String text, Instant at) implements java.io.Serializable {
    }

    private GivenJustifications() {
    }

    static void remember(String reportId, String justification) {
        HttpSession session = session();
        if (session != null) {
            given(session).put(reportId, new Given(justification.strip(), Instant.now()));
        }
    }

    /** The reason given for this report in this session and still valid, or null. */
    static String of(String reportId) {
        HttpSession session = session();
        if (session == null) {
            return null;
        }
        Given g = given(session).get(reportId);
        return g == null || g.at().plus(VALID).isBefore(Instant.now()) ? null : g.text();
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Given> given(HttpSession session) {
        Object existing = session.getAttribute(ATTRIBUTE);
        if (existing instanceof Map<?, ?> map) {
            return (Map<String, Given>) map;
        }
        Map<String, Given> created = new ConcurrentHashMap<>();
        session.setAttribute(ATTRIBUTE, created);
        return created;
    }

    private static HttpSession session() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes a
                ? a.getRequest().getSession(false) : null;
    }
}
