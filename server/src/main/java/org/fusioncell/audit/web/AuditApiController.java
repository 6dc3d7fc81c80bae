package org.fusioncell.audit.web;

import java.util.LinkedHashMap;
import java.util.Map;
import org.fusioncell.audit.LoggedAuditRecord;
import org.fusioncell.audit.VerificationResult;
import org.fusioncell.audit.internal.AuditorDesk;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditor's API: search the log, verify the chain. Auditors only; each call is itself logged. */
@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditApiController {

    private final AuditorDesk desk;

    AuditApiController(AuditorDesk desk) {
        this.desk = desk;
    }

    @GetMapping("/records")
    public Page<LoggedAuditRecord> records(@RequestParam(required = false) String actor,
                                           @RequestParam(required = false) String organisation,
                                           @RequestParam(required = false) String action,
                                           @RequestParam(required = false) String objectType,
                                           @RequestParam(required = false) String objectId,
                                           @RequestParam(required = false) String from,
                                           @RequestParam(required = false) String to,
                                           @RequestParam(required = false) Integer page,
                                           @RequestParam(required = false) Integer size) {
        var query = new AuditFilters(actor, organisation, action, objectType, objectId, from, to).toQuery();
        return desk.search(CurrentAuditor.userId(), CurrentAuditor.organisationId(), query, PageRequest.of(page, size));
    }

    @GetMapping("/verify")
    public Map<String, Object> verify() {
        VerificationResult result = desk.verify(CurrentAuditor.userId(), CurrentAuditor.organisationId());
        Map<String, Object> body = new LinkedHashMap<>();
        switch (result) {
            case VerificationResult.Intact intact -> {
                body.put("state", "intact");
                body.put("records", intact.records());
                body.put("lastSeq", intact.lastSeq());
                body.put("lastHash", intact.lastHash());
            }
            case VerificationResult.Broken broken -> {
                body.put("state", "broken");
                body.put("seq", broken.seq());
                body.put("recordId", broken.recordId());
                body.put("breach", broken.breach().name());
                body.put("detail", broken.detail());
            }
        }
        body.put("line", result.line());
        return body;
    }
}
