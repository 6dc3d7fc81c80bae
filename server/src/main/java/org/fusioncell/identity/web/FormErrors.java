package org.fusioncell.identity.web;

import java.util.Locale;
import org.fusioncell.identity.internal.InvalidField;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.context.MessageSource;
import org.springframework.ui.Model;

/** Puts a refused field and its translated problem into the model, for display next to the field. */
final class FormErrors {

    private FormErrors() {
    }

    static void add(Model model, InvalidInputException e, MessageSource messages, Locale locale) {
        String text = e instanceof InvalidField f ? messages.getMessage(f.key(), f.args(), e.problem(), locale) : e.problem();
        String field = e.field();
        // list fields ("parties[2]") are shown next to their list
        int bracket = field.indexOf('[');
        model.addAttribute("errorField", bracket > 0 ? field.substring(0, bracket) : field);
        model.addAttribute("errorText", text);
    }
}
