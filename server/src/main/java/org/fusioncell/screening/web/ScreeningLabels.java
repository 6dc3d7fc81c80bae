package org.fusioncell.screening.web;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingView;
import org.fusioncell.screening.Explanation;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * Words for the screening pages in the reader's language: the names engine explains a candidate in
 * fixed English phrases ("same date of birth", "born 12 years apart"), which become messages of the
 * {@code i18n/screening} bundle here; scores are written with a dot in every language so that they
 * read the same as the threshold the officer typed. Used from templates as {@code @screeningLabels}.
 */
@Component("screeningLabels")
public class ScreeningLabels {

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);
    private static final Pattern YEARS_APART = Pattern.compile("born (\\d+) years apart");
    private static final Pattern OTHER_KIND = Pattern.compile("a (\\w+) against a (\\w+)");
    private static final Map<String, String> FACTORS = Map.of(
            "same document number", "sameDocument",
            "same nationality", "sameNationality",
            "other nationality", "otherNationality",
            "other gender", "otherGender",
            "same date of birth", "sameBirthDate",
            "date of birth agrees", "birthDateAgrees",
            "date of birth differs", "birthDateDiffers");

    private final MessageSource messages;
    private final ClassificationScheme scheme;

    ScreeningLabels(MessageSource messages, ClassificationScheme scheme) {
        this.messages = messages;
        this.scheme = scheme;
    }

    /** The banner line that heads and closes a page showing a marked item: "RESTRICTED // TLP:AMBER". */
    public String banner(Marking marking) {
        return MarkingView.of(marking, scheme).banner();
    }

    /** A factor of an explanation in words, e.g. "même date de naissance"; an unknown phrase is kept as given. */
    public String factor(Explanation.Factor factor) {
        String what = factor.what();
        String key = FACTORS.get(what);
        if (key != null) {
            return message("screening.factor." + key);
        }
        Matcher years = YEARS_APART.matcher(what);
        if (years.matches()) {
            return message("screening.factor.yearsApart", Integer.parseInt(years.group(1)));
        }
        Matcher kinds = OTHER_KIND.matcher(what);
        if (kinds.matches()) {
            return message("screening.factor.otherKind", kind(kinds.group(1)), kind(kinds.group(2)));
        }
        return what;
    }

    /** A factor's effect on the score, signed: "+0.10", "-0.25". */
    public String effect(double effect) {
        return String.format(Locale.ROOT, "%+.2f", effect);
    }

    public String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    /** A flight's local time as the manifest gives it (no zone: the airport's own clock). */
    public String localTime(LocalDateTime time) {
        return time == null ? "" : time.format(LOCAL_TIME);
    }

    /** How two name parts matched (SAME, SOUNDS_ALIKE, SPELLING, JOINED), in words. */
    public String how(String how) {
        return messages.getMessage("screening.how." + how, null, how, LocaleContextHolder.getLocale());
    }

    /** A country by its ISO 3166 alpha-2 code, named in the reader's language, with the code. */
    public String country(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String upper = code.toUpperCase(Locale.ROOT);
        String name = Locale.of("", upper).getDisplayCountry(LocaleContextHolder.getLocale());
        return name.isBlank() || name.equals(upper) ? upper : name + " (" + upper + ")";
    }

    public String countries(Collection<String> codes) {
        return codes.stream().sorted().map(this::country).collect(Collectors.joining(separator()));
    }

    /** Arabic separates a list with its own comma. */
    private static String separator() {
        return "ar".equals(LocaleContextHolder.getLocale().getLanguage()) ? "، " : ", ";
    }

    /** A user by display name when they are a colleague ({@code names}), else by id; null is the system itself. */
    public String who(Map<String, String> names, String userId) {
        if (userId == null) {
            return message("screening.system");
        }
        return names.getOrDefault(userId, userId);
    }

    public String whoAll(Map<String, String> names, Collection<String> userIds) {
        return userIds.stream().map(u -> who(names, u)).collect(Collectors.joining(separator()));
    }

    private String kind(String kind) {
        String k = kind.toUpperCase(Locale.ROOT);
        return messages.getMessage("screening.kind." + k, null, kind, LocaleContextHolder.getLocale());
    }

    private String message(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
