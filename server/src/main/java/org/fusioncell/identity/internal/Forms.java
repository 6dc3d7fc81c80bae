package org.fusioncell.identity.internal;

import java.util.List;

/**
 * What a client writes (JSON in the API, fields in the UI). Enumerations, dates and levels arrive as
 * text so that a bad value is refused naming its field, in the caller's language.
 */
public final class Forms {

    private Forms() {
    }

    public record OrganisationForm(String name, String type, String sector, String country, String parentId) {
    }

    public record AgreementForm(String title, String kind, String validFrom, String validUntil, String status,
                                String maxClassification, Boolean onwardSharing, List<String> parties,
                                List<String> scope, List<String> jointProjects) {
    }

    public record UserForm(String username, String displayName, String organisationId, String password,
                           String clearance, List<String> roles, List<String> caveats, Boolean active) {
    }

    public record TokenForm(String name, List<String> scopes, Integer expiresInDays) {
    }
}
