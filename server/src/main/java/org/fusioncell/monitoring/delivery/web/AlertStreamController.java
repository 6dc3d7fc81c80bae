package org.fusioncell.monitoring.delivery.web;

import jakarta.servlet.http.HttpServletResponse;
import org.fusioncell.identity.FusionCellPrincipal;
import org.fusioncell.monitoring.delivery.internal.AlertStreams;
import org.springframework.http.MediaType;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/**
 * {@code GET /alerts/stream}: the signed-in user's new alert notices as Server-Sent Events (event
 * {@code alert}, data the notice as JSON, id the delivery id), for the inbox page's EventSource.
 * Only the user's own notices; the notices themselves are read through the inbox, which audits them.
 */
@Controller
class AlertStreamController {

    private final AlertStreams streams;

    AlertStreamController(AlertStreams streams) {
        this.streams = streams;
    }

    @GetMapping(path = "/alerts/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @ResponseBody
    SseEmitter stream(@AuthenticationPrincipal FusionCellPrincipal user, HttpServletResponse response) {
        response.setHeader("Cache-Control", "no-store");
        // nginx and similar proxies would otherwise hold events back in their buffers
        response.setHeader("X-Accel-Buffering", "no");
        return streams.open(user.userId());
    }
}
