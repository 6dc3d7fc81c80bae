package org.fusioncell.assessment.web;

import org.fusioncell.assessment.Assessments;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** {@code /products}: the products disseminated to the reader, newest first, read or not yet. */
@Controller
@RequestMapping("/products")
class ReceivedProductPages {

    private final Assessments assessments;
    private final Readers readers;
    private final Organisations organisations;

    ReceivedProductPages(Assessments assessments, Readers readers, Organisations organisations) {
        this.assessments = assessments;
        this.readers = readers;
        this.organisations = organisations;
    }

    @GetMapping
    String inbox(@RequestParam(required = false) Integer page, Model model) {
        model.addAttribute("page", assessments.received(readers.current(),
                PageRequest.of(page == null || page < 0 ? 0 : page, AssessmentPages.PAGE_SIZE)));
        model.addAttribute("organisationNames", AssessmentPages.organisationNames(organisations));
        return "assessment/products";
    }
}
