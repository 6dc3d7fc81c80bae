package org.fusioncell.intake.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.Marking;
import org.fusioncell.access.MarkingForm;
import org.fusioncell.access.MarkingVocabulary;
import org.fusioncell.access.Reader;
import org.fusioncell.intake.Grading;
import org.fusioncell.intake.Place;
import org.fusioncell.intake.ReportDraft;
import org.fusioncell.intake.SourceReliability;
import org.fusioncell.intake.Taxonomies;
import org.fusioncell.shared.InvalidInputException;

/**
 * A report as a client sends it; {@link #toDraft} checks every field and names the one that is wrong.
 * {@code version} (the version being replaced) and {@code reason} only matter when revising.
 */
public record ReportForm(String title, String body, String occurredAt, PlaceForm place, GradingForm grading,
                         MarkingForm marking, String retentionUntil, List<String> tags, Integer version,
                         String reason) {

    static final int MAX_TAGS = 50;
    static final int MAX_REASON = 1000;

    /** The form without tags or revision fields, as before they existed. */
    public ReportForm(String title, String body, String occurredAt, PlaceForm place, GradingForm grading,
                      MarkingForm marking, String retentionUntil) {
        this(title, body, occurredAt, place, grading, marking, retentionUntil, null, null, null);
    }

    static final int MAX_TITLE = 500;
    static final int MAX_BODY = 200_000;

    public record PlaceForm(String name, Double latitude, Double longitude) {
    }

    public record GradingForm(String sourceReliability, Integer informationCredibility) {
    }

    ReportDraft toDraft(ClassificationScheme scheme, MarkingVocabulary vocabulary, Reader author) {
        return toDraft(scheme, vocabulary, author, new Taxonomies(null));
    }

    ReportDraft toDraft(ClassificationScheme scheme, MarkingVocabulary vocabulary, Reader author, Taxonomies taxonomies) {
        String t = required(title, "title", MAX_TITLE);
        String b = required(body, "body", MAX_BODY);
        Instant occurred = null;
        if (occurredAt != null && !occurredAt.isBlank()) {
            try {
                occurred = Instant.parse(occurredAt.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("occurredAt", "not an ISO 8601 instant such as 2026-03-01T14:30:00Z");
            }
        }
        Place p = null;
        if (place != null) {
            if (place.name() != null && place.name().length() > 300) {
                throw new InvalidInputException("place.name", "at most 300 characters");
            }
            if ((place.latitude() == null) != (place.longitude() == null)) {
                throw new InvalidInputException(place.latitude() == null ? "place.latitude" : "place.longitude",
                        "give both latitude and longitude, or neither");
            }
            if (place.latitude() != null && (place.latitude() < -90 || place.latitude() > 90)) {
                throw new InvalidInputException("place.latitude", "must be between -90 and 90");
            }
            if (place.longitude() != null && (place.longitude() < -180 || place.longitude() > 180)) {
                throw new InvalidInputException("place.longitude", "must be between -180 and 180");
            }
            p = new Place(blankToNull(place.name()), place.latitude(), place.longitude());
        }
        if (grading == null) {
            throw new InvalidInputException("grading", "is required: sourceReliability A-F and informationCredibility 1-6");
        }
        SourceReliability reliability = SourceReliability.parse(grading.sourceReliability()).orElseThrow(() ->
                new InvalidInputException("grading.sourceReliability", "must be one of A, B, C, D, E, F"));
        Integer credibility = grading.informationCredibility();
        if (credibility == null || credibility < 1 || credibility > 6) {
            throw new InvalidInputException("grading.informationCredibility", "must be a number from 1 to 6");
        }
        if (marking == null) {
            throw new InvalidInputException("marking", "is required");
        }
        Marking m = marking.toMarking(scheme, vocabulary, author.organisationId(), author.userId(), "marking");
        if (m.classificationRank() > author.clearanceRank()) {
            throw new InvalidInputException("marking.classification", "above your own clearance");
        }
        LocalDate retention = null;
        if (retentionUntil != null && !retentionUntil.isBlank()) {
            try {
                retention = LocalDate.parse(retentionUntil.strip());
            } catch (DateTimeParseException e) {
                throw new InvalidInputException("retentionUntil", "not a date such as 2031-12-31");
            }
        }
        List<String> checkedTags = new ArrayList<>();
        if (tags != null) {
            if (tags.size() > MAX_TAGS) {
                throw new InvalidInputException("tags", "at most " + MAX_TAGS + " tags");
            }
            for (int i = 0; i < tags.size(); i++) {
                String tag = tags.get(i) == null ? null : tags.get(i).strip();
                if (!taxonomies.knows(tag)) {
                    throw new InvalidInputException("tags[" + i + "]",
                            "not a configured tag: write taxonomy:value, e.g. threat-type:cyber");
                }
                if (!checkedTags.contains(tag)) {
                    checkedTags.add(tag);
                }
            }
        }
        return new ReportDraft(t, b, occurred, p, new Grading(reliability, credibility), m, retention, checkedTags);
    }

    /** The reason for a revision: optional, bounded. */
    String checkedReason() {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        if (reason.length() > MAX_REASON) {
            throw new InvalidInputException("reason", "at most " + MAX_REASON + " characters");
        }
        return reason.strip();
    }

    private static String required(String value, String field, int max) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "is required");
        }
        if (value.length() > max) {
            throw new InvalidInputException(field, "at most " + max + " characters");
        }
        return value.strip();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
