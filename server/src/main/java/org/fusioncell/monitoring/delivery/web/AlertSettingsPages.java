package org.fusioncell.monitoring.delivery.web;

import org.fusioncell.access.Reader;
import org.fusioncell.identity.Readers;
import org.fusioncell.monitoring.delivery.AlertChannels;
import org.fusioncell.monitoring.delivery.ChannelSettings;
import org.fusioncell.monitoring.delivery.EmailMode;
import org.fusioncell.monitoring.delivery.RegisteredWebhook;
import org.fusioncell.monitoring.delivery.WebhookHostRefused;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /alerts/settings}: the user's mail settings, webhook endpoints (a new one's secret is shown on the
 * answer page only, never in a URL) and dead letters with a button to send each again.
 */
@Controller
@RequestMapping("/alerts/settings")
class AlertSettingsPages {

    static final int PAGE_SIZE = 25;

    private final AlertChannels channels;
    private final Readers readers;

    AlertSettingsPages(AlertChannels channels, Readers readers) {
        this.channels = channels;
        this.readers = readers;
    }

    @GetMapping
    String page(@RequestParam(required = false) String done, @RequestParam(required = false) Integer page, Model model) {
        Reader user = readers.current();
        model.addAttribute("done", done != null && done.matches("[a-z-]{1,20}") ? done : null);
        return render(user, channels.settings(user.userId()), page, model);
    }

    @PostMapping
    String save(@RequestParam(required = false) String email, @RequestParam(required = false) String emailMode,
                @RequestParam(required = false) String immediateSeverity, @RequestParam(required = false) String language,
                Model model) {
        Reader user = readers.current();
        ChannelSettings asked = new ChannelSettings(email, EmailMode.OFF, immediateSeverity, language);
        try {
            asked = new ChannelSettings(email, AlertSettingsApi.mode(emailMode), immediateSeverity, language);
            channels.update(user, asked);
            return "redirect:/alerts/settings?done=saved";
        } catch (InvalidInputException e) {
            error(model, e);
            return render(user, asked, null, model);
        }
    }

    @PostMapping("/webhooks")
    String register(@RequestParam(required = false) String url, @RequestParam(required = false) String description,
                    Model model) {
        Reader user = readers.current();
        try {
            RegisteredWebhook registered = channels.register(user, url, description);
            model.addAttribute("registered", registered);
        } catch (InvalidInputException e) {
            error(model, e);
            model.addAttribute("url", url);
            model.addAttribute("description", description);
        }
        return render(user, channels.settings(user.userId()), null, model);
    }

    @PostMapping("/webhooks/{id}/remove")
    String remove(@PathVariable String id) {
        channels.remove(readers.current(), id);
        return "redirect:/alerts/settings?done=removed";
    }

    @PostMapping("/dead-letters/{id}/resend")
    String resend(@PathVariable String id) {
        return channels.resend(readers.current(), id).isPresent() ? "redirect:/alerts/settings?done=resent"
                : "redirect:/alerts/settings";
    }

    private String render(Reader user, ChannelSettings settings, Integer page, Model model) {
        model.addAttribute("settings", settings);
        model.addAttribute("modes", EmailMode.values());
        model.addAttribute("severities", java.util.List.of("LOW", "MEDIUM", "HIGH", "CRITICAL"));
        model.addAttribute("languages", ChannelSettings.LANGUAGES);
        model.addAttribute("mailAvailable", channels.mailAvailable());
        model.addAttribute("webhooks", channels.webhooks(user.userId()));
        model.addAttribute("dead", channels.deadLetters(user.userId(),
                PageRequest.of(page == null || page < 0 ? 0 : page, PAGE_SIZE)));
        return "alerts/settings";
    }

    private static void error(Model model, InvalidInputException e) {
        model.addAttribute("errorField", e.field());
        if (e instanceof WebhookHostRefused refused) {
            model.addAttribute("refusedHost", refused.host());
            model.addAttribute("errorKey", "alerts.error.host");
        } else {
            model.addAttribute("errorKey", "alerts.error." + e.field());
        }
    }
}
