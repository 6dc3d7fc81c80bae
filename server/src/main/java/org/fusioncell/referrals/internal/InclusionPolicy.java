package org.fusioncell.referrals.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.referrals.InclusionCategory;
import org.springframework.core.io.ResourceLoader;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The inclusion policy's categories, read once at start-up from {@code fusioncell.referrals.policy} (JSON:
 * {@code {"categories":[{"code","listedEntity","ar","fr","en"}]}}). A policy that is not well formed stops the
 * start-up with the reason, rather than letting analysts assess against half a policy.
 */
@Component
class InclusionPolicy {

    private static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");
    private static final Set<String> LISTED = Set.of("required", "optional", "never");

    private final List<InclusionCategory> categories;

    InclusionPolicy(ResourceLoader resources, ReferralsSettings settings) {
        try (InputStream in = resources.getResource(settings.policy()).getInputStream()) {
            this.categories = parse(JsonMapper.builder().build().readTree(in), settings.policy());
        } catch (IOException e) {
            throw new UncheckedIOException("fusioncell.referrals.policy: cannot read " + settings.policy(), e);
        }
    }

    static List<InclusionCategory> parse(JsonNode root, String where) {
        List<InclusionCategory> out = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        for (JsonNode c : root.path("categories")) {
            String code = c.path("code").asString("");
            String listed = c.path("listedEntity").asString("optional");
            if (!CODE.matcher(code).matches() || !codes.add(code)) {
                throw new IllegalStateException(where + ": category code '" + code
                        + "' must be unique, lower-case letters, digits and '-'");
            }
            if (!LISTED.contains(listed)) {
                throw new IllegalStateException(where + ": category " + code + ": listedEntity is one of " + LISTED);
            }
            String ar = c.path("ar").asString("").strip();
            String fr = c.path("fr").asString("").strip();
            String en = c.path("en").asString("").strip();
            if (ar.isEmpty() || fr.isEmpty() || en.isEmpty()) {
                throw new IllegalStateException(where + ": category " + code + " needs labels in ar, fr and en");
            }
            out.add(new InclusionCategory(code, listed, ar, fr, en));
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(where + ": the inclusion policy has no category");
        }
        return List.copyOf(out);
    }

    List<InclusionCategory> categories() {
        return categories;
    }

    Optional<InclusionCategory> category(String code) {
        return categories.stream().filter(c -> c.code().equals(code)).findFirst();
    }
}
