package org.fusioncell.intake.internal;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Set;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.fusioncell.shared.InvalidInputException;

/** What an uploaded file may be called and what it may contain. Refusals name the field {@code file}. */
final class AttachmentChecks {

    static final int MAX_NAME = 200;

    static final Set<String> ALLOWED = Set.of("application/pdf", "image/png", "image/jpeg", "image/gif", "image/webp",
            "text/plain", "text/csv",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            "application/vnd.oasis.opendocument.text");

    private static final Tika TIKA = new Tika();
    private static final MediaTypeRegistry REGISTRY = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    private AttachmentChecks() {
    }

    /** The name to show: refused rather than repaired when it could mislead or escape a directory. */
    static String displayName(String raw) {
        if (raw == null || raw.isBlank()) {
            throw new InvalidInputException("file", "a file name is required");
        }
        String name = Normalizer.normalize(raw.strip(), Normalizer.Form.NFC);
        if (name.length() > MAX_NAME) {
            throw new InvalidInputException("file", "file name longer than " + MAX_NAME + " characters");
        }
        if (name.contains("/") || name.contains("\\") || name.contains("..")) {
            throw new InvalidInputException("file", "file name must not contain path separators or '..'");
        }
        if (name.startsWith(".")) {
            throw new InvalidInputException("file", "file name must not start with a dot");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            int type = Character.getType(c);
            if (Character.isISOControl(c) || type == Character.FORMAT || type == Character.LINE_SEPARATOR
                    || type == Character.PARAGRAPH_SEPARATOR || c == ':' || c == '*' || c == '?' || c == '"'
                    || c == '<' || c == '>' || c == '|') {
                // FORMAT covers bidi overrides that make "exe.pdf" read as something else
                throw new InvalidInputException("file", "file name contains a control or reserved character");
            }
        }
        return name;
    }

    /**
     * The media type detected from the content (and the name for zip-based documents), checked against
     * the allow-list, the file's extension and the declared type.
     */
    static String mediaType(byte[] prefix, String name, String declared) {
        String detected = base(TIKA.detect(prefix, name));
        if (!ALLOWED.contains(detected)) {
            throw new InvalidInputException("file", "this type of file is not accepted (detected " + detected + ")");
        }
        String byName = base(TIKA.detect(name));
        if (!byName.equals(MediaType.OCTET_STREAM.toString()) && !compatible(detected, byName)) {
            throw new InvalidInputException("file", "the content does not match the file name's extension");
        }
        if (declared != null && !declared.isBlank()) {
            String claimed = base(declared);
            if (!claimed.equals(MediaType.OCTET_STREAM.toString()) && !compatible(detected, claimed)) {
                throw new InvalidInputException("file", "the content does not match the declared type");
            }
        }
        return detected;
    }

    private static boolean compatible(String detected, String other) {
        MediaType d = MediaType.parse(detected);
        MediaType o = MediaType.parse(other);
        if (d == null || o == null) {
            return false;
        }
        d = REGISTRY.normalize(d);
        o = REGISTRY.normalize(o);
        // text/csv is a kind of text/plain: a CSV declared as text/plain (or the reverse) is no disguise
        return d.equals(o) || REGISTRY.isSpecializationOf(d, o) || REGISTRY.isSpecializationOf(o, d);
    }

    private static String base(String type) {
        MediaType parsed = type == null ? null : MediaType.parse(type.strip().toLowerCase(Locale.ROOT));
        return parsed == null ? MediaType.OCTET_STREAM.toString() : parsed.getBaseType().toString();
    }
}
