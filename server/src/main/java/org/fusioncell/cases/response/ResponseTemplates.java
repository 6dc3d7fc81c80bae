package org.fusioncell.cases.response;

import java.util.List;
import java.util.Optional;

/** The response templates the installation offers (docs/response.md). */
public interface ResponseTemplates {

    List<ResponseTemplate> all();

    Optional<ResponseTemplate> find(String code);
}
