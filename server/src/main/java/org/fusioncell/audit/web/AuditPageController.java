package org.fusioncell.audit.web;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Arrays;
import java.util.Locale;
import org.fusioncell.audit.AuditAction;
import org.fusioncell.audit.AuditQuery;
import org.fusioncell.audit.LoggedAuditRecord;
import org.fusioncell.audit.internal.AuditorDesk;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.Page;
import org.fusioncell.shared.PageRequest;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The auditor's page: filter form, paged records newest first, and a button that verifies the chain. */
@Controller
@RequestMapping("/audit")
@PreAuthorize("hasRole('AUDITOR')")
class AuditPageController {

    /** One table row, its time already written for the reader's language. */
    record Row(LoggedAuditRecord record, String time, String isoTime) {
    }

    private static final int PAGE_SIZE = 50;

    private final AuditorDesk desk;

    AuditPageController(AuditorDesk desk) {
        this.desk = desk;
    }

    @GetMapping
    public String list(@ModelAttribute("filters") AuditFilters filters, @RequestParam(defaultValue = "0") int page,
                       Model model, Locale locale) {
        return render(filters, page, model, locale);
    }

    @GetMapping("/verify")
    public String verify(@ModelAttribute("filters") AuditFilters filters, Model model, Locale locale) {
        model.addAttribute("verdict", desk.verify(CurrentAuditor.userId(), CurrentAuditor.organisationId()));
        return render(filters, 0, model, locale);
    }

    private String render(AuditFilters filters, int page, Model model, Locale locale) {
        model.addAttribute("actions", Arrays.stream(AuditAction.values()).map(Enum::name).toList());
        AuditQuery query;
        try {
            query = filters.toQuery();
        } catch (InvalidInputException e) {
            // the page shows which filter is wrong and lists nothing rather than everything
            model.addAttribute("invalidField", e.field());
            return "audit/index";
        }
        DateTimeFormatter format = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM)
                .withLocale(locale).withZone(ZoneOffset.UTC);
        Page<LoggedAuditRecord> records = desk.search(CurrentAuditor.userId(), CurrentAuditor.organisationId(), query,
                new PageRequest(Math.max(0, page), PAGE_SIZE));
        model.addAttribute("records", records.map(r -> new Row(r, format.format(r.occurredAt()),
                r.occurredAt().toString())));
        return "audit/index";
    }

    @ExceptionHandler(AccessDeniedException.class)
    public void refuse(AccessDeniedException e) {
        throw e;
    }
}
