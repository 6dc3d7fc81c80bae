package org.fusioncell.monitoring.web;

import java.util.Map;
import java.util.stream.Collectors;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.Alert;
import org.fusioncell.monitoring.AlertState;
import org.fusioncell.monitoring.Alerts;
import org.fusioncell.shared.NotFoundException;
import org.fusioncell.shared.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import jakarta.servlet.http.HttpServletResponse;

/**
 * {@code /alerts}: the reader's inbox, refreshed live (the page listens to {@code /alerts/stream} and
 * reloads its list fragment when an alert arrives), and one alert with its moves.
 */
@Controller
@RequestMapping("/alerts")
class AlertPages {

    static final int PAGE_SIZE = 25;

    private final Alerts alerts;
    private final Readers readers;
    private final Organisations organisations;

    AlertPages(Alerts alerts, Readers readers, Organisations organisations) {
        this.alerts = alerts;
        this.readers = readers;
        this.organisations = organisations;
    }

    @ModelAttribute
    void common(Model model) {
        model.addAttribute("holders", organisations.all().stream()
                .collect(Collectors.toMap(OrganisationSummary::id, OrganisationSummary::name)));
    }

    @GetMapping
    String inbox(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page, Model model) {
        list(state, page, model);
        return "monitoring/alerts";
    }

    /** The list alone, for the live refresh. */
    @GetMapping("/inbox")
    String fragment(@RequestParam(required = false) String state, @RequestParam(required = false) Integer page,
                    Model model) {
        list(state, page, model);
        return "monitoring/alerts :: inbox";
    }

    @GetMapping("/{id:[0-9a-f-]{36}}")
    String one(@PathVariable String id, Model model) {
        model.addAttribute("alert", alerts.open(readers.current(), id).orElseThrow(() -> new NotFoundException("alert")));
        return "monitoring/alert";
    }

    @PostMapping("/{id:[0-9a-f-]{36}}/state")
    String move(@PathVariable String id, @RequestParam String state, @RequestParam(required = false) String note,
                Model model, HttpServletResponse response) {
        AlertState next = AlertsApi.state(state, "state");
        return switch (alerts.move(readers.current(), id, next, note)) {
            case Alerts.Transition.Moved m -> "redirect:/alerts/" + id;
            case Alerts.Transition.NotAllowed n -> {
                response.setStatus(HttpStatus.CONFLICT.value());
                model.addAttribute("alert", alerts.open(readers.current(), id).orElseThrow());
                model.addAttribute("refusedMove", Map.of("from", n.from().name(), "to", n.to().name()));
                yield "monitoring/alert";
            }
            case Alerts.Transition.Unknown u -> throw new NotFoundException("alert");
        };
    }

    private void list(String state, Integer page, Model model) {
        AlertState filter = AlertsApi.state(state, "state");
        var reader = readers.current();
        model.addAttribute("state", filter == null ? null : filter.name());
        model.addAttribute("alerts", alerts.inbox(reader, filter, PageRequest.of(page, PAGE_SIZE)));
        model.addAttribute("newCount", alerts.count(reader, AlertState.NEW));
        model.addAttribute("states", AlertState.values());
        model.addAttribute("full", Alert.Disclosure.FULL);
    }
}
