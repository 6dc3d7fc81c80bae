package org.fusioncell.exchange.partners.web;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A refused field shown next to its input in the reader's language: the field by its translated label and
 * the module's problem by a translated sentence (the module's English text when it says something new).
 */
final class PageErrors {

    /** The problems the partner, feed and publication APIs name, and the message that says each. */
    private static final Map<String, String> PROBLEMS = Map.ofEntries(
            Map.entry("is required", "required"),
            Map.entry("no organisation has this id", "unknownOrganisation"),
            Map.entry("must be another organisation than your own", "ownOrganisation"),
            Map.entry("a partner cell already stands for this organisation", "partnerExists"),
            Map.entry("no agreement in force for your organisation has this id", "agreementNotInForce"),
            Map.entry("the partner's organisation is not a party to this agreement", "notAParty"),
            Map.entry("letters, digits, '.', '_', '~' or '-', at most 64", "apiRoot"),
            Map.entry("not an Ed25519 public key (base64 of its X.509 encoding)", "publicKey"),
            Map.entry("not a URL", "notUrl"),
            Map.entry("must be an absolute https URL with a host and no query", "urlForm"),
            Map.entry("no partner cell of your organisation has this id", "unknownPartner"),
            Map.entry("PULL or PUSH", "direction"),
            Map.entry("the partner's collection id (letters, digits, '.', '_', '~', '-')", "remoteCollection"),
            Map.entry("a collection of your organisation to push from", "localCollection"),
            Map.entry("between 30 seconds and 7 days", "interval"),
            Map.entry("required, at most 1000 characters", "reason"),
            Map.entry("only a supervisor of the originating organisation approves", "notSupervisor"),
            Map.entry("you may not read this item yourself (TLP:RED: only a named recipient approves)", "notRecipient"),
            Map.entry("a STIX id: <type>--<UUID>", "stixId"),
            Map.entry("this collection does not publish the installation's items", "notPublishing"),
            Map.entry("name an agreement or reader or writer organisations", "noAudience"),
            Map.entry("not an item you may approve, or not a publishing collection", "notApprovable"),
            Map.entry("tick the box to confirm", "confirm"));
    private static final Pattern TOO_LONG = Pattern.compile("at most (\\d+) characters");

    private PageErrors() {
    }

    /** The error for the page being rendered; {@code input} is the id of the input that shows it. */
    static void add(Model model, InvalidInputException e, String input, MessageSource messages, Locale locale) {
        model.addAllAttributes(attributes(e, input, messages, locale));
    }

    /** The error for the page redirected to. */
    static void flash(RedirectAttributes flash, InvalidInputException e, String input, MessageSource messages,
                      Locale locale) {
        attributes(e, input, messages, locale).forEach(flash::addFlashAttribute);
    }

    private static Map<String, Object> attributes(InvalidInputException e, String input, MessageSource messages,
                                                  Locale locale) {
        String field = e.field().replaceAll("\\[\\d+]", "");
        String label = messages.getMessage("partners.field." + field, null, field, locale);
        return Map.of("errorField", field, "errorInput", input, "errorLabel", label,
                "errorProblem", problem(e.problem(), messages, locale));
    }

    static String problem(String problem, MessageSource messages, Locale locale) {
        String key = PROBLEMS.get(problem);
        if (key == null && problem.startsWith("must use https")) {
            key = "https";
        }
        if (key != null) {
            return messages.getMessage("partners.problem." + key, null, problem, locale);
        }
        Matcher m = TOO_LONG.matcher(problem);
        if (m.matches()) {
            return messages.getMessage("partners.problem.tooLong", new Object[] {Integer.valueOf(m.group(1))}, problem,
                    locale);
        }
        return problem;
    }
}
