package org.fusioncell.referrals;

/**
 * A category of the inclusion policy with its labels; {@code listedEntity} is {@code required}, {@code optional}
 * or {@code never}: whether an assessment in this category names a listed entity.
 */
public record InclusionCategory(String code, String listedEntity, String ar, String fr, String en) {

    public String label(String language) {
        return switch (language == null ? "en" : language) {
            case "ar" -> ar;
            case "fr" -> fr;
            default -> en;
        };
    }
}
