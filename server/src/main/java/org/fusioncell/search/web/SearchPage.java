package org.fusioncell.search.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.Readers;
import org.fusioncell.search.Search;
import org.fusioncell.shared.InvalidInputException;
import org.fusioncell.shared.PageRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

/** The search page: a box, filters as facet links with counts, highlighted snippets, paging. */
@Controller
class SearchPage {

    static final int PAGE_SIZE = 20;
    private static final List<String> FILTERS = List.of("type", "organisation", "classification", "language");

    private final Search search;
    private final Readers readers;
    private final Organisations organisations;
    private final ClassificationScheme scheme;

    SearchPage(Search search, Readers readers, Organisations organisations, ClassificationScheme scheme) {
        this.search = search;
        this.readers = readers;
        this.organisations = organisations;
        this.scheme = scheme;
    }

    /** A facet value as a link that adds (or, when active, removes) it as a filter. */
    record FacetLink(String value, String label, long count, String href, boolean active) {
    }

    @GetMapping("/search")
    String page(@RequestParam MultiValueMap<String, String> params, Model model) {
        String q = params.getFirst("q");
        model.addAttribute("q", q == null ? "" : q);
        model.addAttribute("from", params.getFirst("from"));
        model.addAttribute("to", params.getFirst("to"));
        model.addAttribute("near", params.getFirst("near"));
        model.addAttribute("radiusKm", params.getFirst("radiusKm"));
        model.addAttribute("within", params.getFirst("within"));
        MultiValueMap<String, String> kept = new LinkedMultiValueMap<>();
        for (String name : List.of("q", "from", "to", "type", "organisation", "classification", "language", "near",
                "radiusKm", "within")) {
            List<String> values = params.get(name);
            if (values != null) {
                values.stream().filter(v -> v != null && !v.isBlank()).forEach(v -> kept.add(name, v));
            }
        }
        model.addAttribute("filters", kept);
        try {
            int page = parsePage(params.getFirst("page"));
            var result = SearchApi.view(search.search(readers.current(), SearchRequest.of(q, kept.get("type"),
                    params.getFirst("from"), params.getFirst("to"), kept.get("organisation"), kept.get("classification"),
                    kept.get("language"), null, kept.getFirst("near"), kept.getFirst("radiusKm"), kept.getFirst("within"),
                    scheme), new PageRequest(page, PAGE_SIZE)), scheme);
            model.addAttribute("result", result);
            model.addAttribute("pages", (result.total() + PAGE_SIZE - 1) / PAGE_SIZE);
            model.addAttribute("facets", facetLinks(result, kept));
            model.addAttribute("previous", page > 0 ? href(kept, "page", String.valueOf(page - 1)) : null);
            model.addAttribute("next", (long) (page + 1) * PAGE_SIZE < result.total()
                    ? href(kept, "page", String.valueOf(page + 1)) : null);
        } catch (InvalidInputException e) {
            // an area's fields name a position inside it (near.latitude, within.geometry.coordinates[0][3]…)
            String field = e.field() == null ? "q" : e.field();
            model.addAttribute("errorField", field.contains(".") ? field.substring(0, field.indexOf('.')) : field);
        }
        model.addAttribute("organisationNames", organisationNames());
        return "search/search";
    }

    private static int parsePage(String value) {
        try {
            return value == null || value.isBlank() ? 0 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new InvalidInputException("page", "must be a number");
        }
    }

    private Map<String, List<FacetLink>> facetLinks(SearchApi.ResultView result, MultiValueMap<String, String> kept) {
        Map<String, String> names = organisationNames();
        Map<String, List<FacetLink>> out = new LinkedHashMap<>();
        for (String facet : FILTERS) {
            List<FacetLink> links = new ArrayList<>();
            for (SearchApi.FacetView f : result.facets().getOrDefault(facet, List.of())) {
                boolean active = kept.getOrDefault(facet, List.of()).contains(f.value());
                MultiValueMap<String, String> next = new LinkedMultiValueMap<>(kept);
                next.remove("page");
                if (active) {
                    List<String> rest = new ArrayList<>(next.get(facet));
                    rest.remove(f.value());
                    next.put(facet, rest);
                } else {
                    next.add(facet, f.value());
                }
                String label = "organisation".equals(facet) ? names.getOrDefault(f.value(), f.value()) : f.value();
                links.add(new FacetLink(f.value(), label, f.count(), href(next, null, null), active));
            }
            out.put(facet, links);
        }
        return out;
    }

    private static String href(MultiValueMap<String, String> params, String name, String value) {
        MultiValueMap<String, String> p = new LinkedMultiValueMap<>(params);
        if (name != null) {
            p.set(name, value);
        }
        return UriComponentsBuilder.fromPath("/search").queryParams(p).encode().build().toUriString();
    }

    private Map<String, String> organisationNames() {
        Map<String, String> names = new HashMap<>();
        organisations.all().forEach(o -> names.put(o.id(), o.name()));
        return names;
    }
}
