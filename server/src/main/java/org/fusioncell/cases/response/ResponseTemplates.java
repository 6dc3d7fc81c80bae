package org.fusioncell.cases.response;

import java.util.List;
import java.util.Optional;
import org.fusioncell.access.Reader;
import org.fusioncell.cases.CaseStep;

/** The response templates the installation offers: those shipped and those its administrators defined (docs/response.md). */
public interface ResponseTemplates {

    List<ResponseTemplate> all();

    Optional<ResponseTemplate> find(String code);

    /**
     * By an administrator: a new template from its JSON (the shipped templates' form). A wrong value throws
     * {@link org.fusioncell.shared.InvalidInputException} naming it ({@code checklists[0].items[2].title.ar}); a code
     * already used is refused (400 {@code code}): a template is never replaced.
     */
    CaseStep<ResponseTemplate> define(Reader administrator, String json);
}
