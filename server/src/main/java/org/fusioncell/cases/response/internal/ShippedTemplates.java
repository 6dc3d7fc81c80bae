package org.fusioncell.cases.response.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.fusioncell.cases.response.ResponseTemplate;
import org.fusioncell.shared.InvalidInputException;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import tools.jackson.databind.json.JsonMapper;

/**
 * The templates shipped as {@code response/templates/*.json}, read once at start-up with the same checks as an
 * administrator's ({@link TemplateReading}): a shipped template with a text missing in one of the three languages
 * stops the application rather than showing a half-translated response to a cell in the middle of an attack.
 */
final class ShippedTemplates {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ShippedTemplates() {
    }

    static List<ResponseTemplate> load() {
        List<ResponseTemplate> read = new ArrayList<>();
        try {
            for (Resource r : new PathMatchingResourcePatternResolver()
                    .getResources("classpath*:response/templates/*.json")) {
                try (InputStream in = r.getInputStream()) {
                    read.add(TemplateReading.read(JSON.readTree(in)));
                } catch (InvalidInputException e) {
                    throw new IllegalStateException("response template " + r.getFilename() + ": " + e.field() + " "
                            + e.problem(), e);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        read.sort(Comparator.comparing(ResponseTemplate::code));
        return read;
    }
}
