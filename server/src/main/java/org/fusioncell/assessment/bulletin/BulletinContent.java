package org.fusioncell.assessment.bulletin;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.fusioncell.assessment.ProductType;

/**
 * A product composed for printing, already in the bulletin's language ({@code ar}, {@code fr} or {@code en}):
 * {@code banner} is the classification banner printed at the top and bottom of every page (for example
 * {@code SECRET // TLP:AMBER}); {@code fields} holds the values of the template fields
 * ({@link BulletinTemplate#FIELDS}) plus, under {@link #NOTICE}, a withdrawal, supersession or draft notice
 * that every bulletin prints under its title whatever the template.
 */
public record BulletinContent(String documentId, ProductType productType, String language, String banner,
                              Map<String, BulletinField> fields) {

    /** The notice printed under the title of every bulletin when present; not a template field. */
    public static final String NOTICE = "notice";

    public BulletinContent {
        Objects.requireNonNull(documentId, "documentId");
        Objects.requireNonNull(productType, "productType");
        Objects.requireNonNull(language, "language");
        banner = banner == null ? "" : banner;
        fields = fields == null ? Map.of() : java.util.Collections.unmodifiableMap(new TreeMap<>(fields));
    }

    /** Right to left (Arabic). */
    public boolean rightToLeft() {
        return "ar".equals(language);
    }

    public BulletinField field(String name) {
        return fields.get(name);
    }
}
