package org.fusioncell.safeguards.oversight;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The renderings of an oversight report. */
public enum ReportFormat {
    HTML("text/html;charset=UTF-8", "html"),
    PDF("application/pdf", "pdf"),
    CSV("text/csv;charset=UTF-8", "csv");

    private final String contentType;
    private final String extension;

    ReportFormat(String contentType, String extension) {
        this.contentType = contentType;
        this.extension = extension;
    }

    public String contentType() {
        return contentType;
    }

    public String extension() {
        return extension;
    }

    public static Optional<ReportFormat> parse(String text) {
        return text == null ? Optional.empty() : Arrays.stream(values())
                .filter(f -> f.name().equals(text.strip().toUpperCase(Locale.ROOT))).findFirst();
    }
}
