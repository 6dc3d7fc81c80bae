package org.fusioncell.entities.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.entities.EntityType;
import org.fusioncell.shared.InvalidInputException;

/**
 * Checks and normalises the type-specific attributes of an entity and derives its identifier key.
 * Plain Java: used by the API form, the extractor and tests alike. Every error names the field.
 */
public final class EntityAttributes {

    /** Attributes as stored, the label shown, and the correlation key (null for types without one). */
    public record Normalised(String label, String key, Map<String, Object> attributes) {
    }

    private static final PhoneNumberUtil PHONES = PhoneNumberUtil.getInstance();
    private static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]{1,64}@[A-Za-z0-9.-]{1,253}\\.[A-Za-z]{2,63}");
    private static final Pattern DATE_OF_BIRTH = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?");
    private static final Pattern HANDLE = Pattern.compile("[\\p{L}\\p{N}._-]{1,100}");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9.-]{1,50}");
    private static final Pattern ARABIC = Pattern.compile("\\p{IsArabic}");
    private static final Pattern LATIN = Pattern.compile("\\p{IsLatin}");
    private static final Set<String> GENDERS = Set.of("MALE", "FEMALE", "UNKNOWN");

    private final String defaultRegion;

    public EntityAttributes(String defaultRegion) {
        this.defaultRegion = defaultRegion.toUpperCase(Locale.ROOT);
    }

    /** {@code field} is the path of the attributes object in the request, e.g. {@code attributes}. */
    public Normalised normalise(EntityType type, Map<String, Object> raw, String field) {
        Map<String, Object> in = raw == null ? Map.of() : raw;
        Map<String, Object> out = new LinkedHashMap<>();
        return switch (type) {
            case PERSON -> person(in, field, out);
            case GROUP -> {
                String name = text(in, "name", field, 300, true);
                out.put("name", name);
                yield new Normalised(name, null, out);
            }
            case INCIDENT -> {
                String title = text(in, "title", field, 300, true);
                out.put("title", title);
                String date = text(in, "date", field, 10, false);
                if (date != null) {
                    out.put("date", partialDate(date, field + ".date"));
                }
                yield new Normalised(title, null, out);
            }
            case LOCATION -> location(in, field, out);
            case PHONE -> {
                String e164 = phone(text(in, "number", field, 40, true), field + ".number");
                out.put("number", e164);
                yield new Normalised(e164, "phone:" + e164, out);
            }
            case EMAIL -> {
                String address = email(text(in, "address", field, 320, true), field + ".address");
                out.put("address", address);
                yield new Normalised(address, "email:" + address.toLowerCase(Locale.ROOT), out);
            }
            case ONLINE_ACCOUNT -> {
                String platform = text(in, "platform", field, 50, true).toLowerCase(Locale.ROOT);
                if (!PLATFORM.matcher(platform).matches()) {
                    throw new InvalidInputException(field + ".platform", "letters, digits, '.' or '-' only, e.g. telegram");
                }
                String handle = text(in, "handle", field, 101, true).toLowerCase(Locale.ROOT);
                handle = handle.startsWith("@") ? handle.substring(1) : handle;
                if (!HANDLE.matcher(handle).matches()) {
                    throw new InvalidInputException(field + ".handle", "letters, digits, '.', '_' or '-' only");
                }
                out.put("platform", platform);
                out.put("handle", handle);
                yield new Normalised(platform + ":@" + handle, "account:" + platform + ":" + handle, out);
            }
            case VEHICLE -> {
                String plate = text(in, "plate", field, 20, true).toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
                String country = country(in, "country", field, true);
                out.put("plate", plate);
                out.put("country", country);
                yield new Normalised(plate + " (" + country + ")", "vehicle:" + country + ":" + plate, out);
            }
            case IDENTITY_DOCUMENT -> {
                String docType = text(in, "documentType", field, 40, true).toUpperCase(Locale.ROOT).replace(' ', '_');
                String number = text(in, "number", field, 40, true).toUpperCase(Locale.ROOT).replaceAll("[\\s-]", "");
                if (!number.matches("[A-Z0-9]{3,40}")) {
                    throw new InvalidInputException(field + ".number", "letters and digits only");
                }
                String country = country(in, "country", field, true);
                out.put("documentType", docType);
                out.put("number", number);
                out.put("country", country);
                yield new Normalised(docType + " " + number + " (" + country + ")",
                        "document:" + country + ":" + docType + ":" + number, out);
            }
            case FINANCIAL_ACCOUNT -> {
                String iban = iban(text(in, "iban", field, 50, true), field + ".iban");
                out.put("iban", iban);
                yield new Normalised(iban, "iban:" + iban, out);
            }
            case URL -> {
                String url = text(in, "url", field, 2000, true);
                if (!url.matches("(?i)https?://[^\\s]+")) {
                    throw new InvalidInputException(field + ".url", "an http:// or https:// address");
                }
                out.put("url", url);
                yield new Normalised(url, "url:" + url.toLowerCase(Locale.ROOT), out);
            }
        };
    }

    private Normalised person(Map<String, Object> in, String field, Map<String, Object> out) {
        List<Map<String, String>> names = names(in.get("names"), field + ".names", true);
        out.put("names", names);
        List<Map<String, String>> aliases = names(in.get("aliases"), field + ".aliases", false);
        if (!aliases.isEmpty()) {
            out.put("aliases", aliases);
        }
        String dob = text(in, "dateOfBirth", field, 10, false);
        if (dob != null) {
            out.put("dateOfBirth", partialDate(dob, field + ".dateOfBirth"));
        }
        String nationality = country(in, "nationality", field, false);
        if (nationality != null) {
            out.put("nationality", nationality);
        }
        String gender = text(in, "gender", field, 10, false);
        if (gender != null) {
            gender = gender.toUpperCase(Locale.ROOT);
            if (!GENDERS.contains(gender)) {
                throw new InvalidInputException(field + ".gender", "one of MALE, FEMALE, UNKNOWN");
            }
            out.put("gender", gender);
        }
        Object docs = in.get("documents");
        if (docs != null) {
            if (!(docs instanceof List<?> list)) {
                throw new InvalidInputException(field + ".documents", "a list of identity documents");
            }
            List<Map<String, Object>> normalised = new ArrayList<>();
            for (int i = 0; i < list.size(); i++) {
                if (!(list.get(i) instanceof Map<?, ?> doc)) {
                    throw new InvalidInputException(field + ".documents[" + i + "]", "an identity document object");
                }
                @SuppressWarnings("unchecked")
                Map<String, Object> d = (Map<String, Object>) doc;
                normalised.add(normalise(EntityType.IDENTITY_DOCUMENT, d, field + ".documents[" + i + "]").attributes());
            }
            out.put("documents", normalised);
        }
        return new Normalised(names.getFirst().get("value"), null, out);
    }

    private Normalised location(Map<String, Object> in, String field, Map<String, Object> out) {
        String name = text(in, "name", field, 300, false);
        Object lat = in.get("latitude");
        Object lon = in.get("longitude");
        if (name == null && lat == null && lon == null) {
            throw new InvalidInputException(field + ".name", "give a name, or latitude and longitude, or both");
        }
        if (name != null) {
            out.put("name", name);
        }
        String key = null;
        if (lat != null || lon != null) {
            double la = coordinate(lat, field + ".latitude", 90);
            double lo = coordinate(lon, field + ".longitude", 180);
            out.put("latitude", la);
            out.put("longitude", lo);
            // four decimals is about ten metres: the same spot written twice gets the same key
            key = String.format(Locale.ROOT, "geo:%.4f,%.4f", la, lo);
        }
        String label = name != null ? name : String.format(Locale.ROOT, "%.5f, %.5f", out.get("latitude"), out.get("longitude"));
        return new Normalised(label, key, out);
    }

    /** E.164, or an error naming the field. */
    public String phone(String value, String field) {
        try {
            PhoneNumber n = PHONES.parse(value, defaultRegion);
            if (!PHONES.isValidNumber(n)) {
                throw new InvalidInputException(field, "not a valid phone number");
            }
            return PHONES.format(n, PhoneNumberUtil.PhoneNumberFormat.E164);
        } catch (NumberParseException e) {
            throw new InvalidInputException(field, "not a phone number");
        }
    }

    static String email(String value, String field) {
        String v = value.strip();
        if (!EMAIL.matcher(v).matches()) {
            throw new InvalidInputException(field, "not an e-mail address");
        }
        int at = v.lastIndexOf('@');
        return v.substring(0, at) + "@" + v.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    /** The IBAN without spaces, upper-cased, checked with ISO 13616 mod-97. */
    public static String iban(String value, String field) {
        String v = value.replaceAll("[\\s-]", "").toUpperCase(Locale.ROOT);
        if (!validIban(v)) {
            throw new InvalidInputException(field, "not a valid IBAN (country, check digits, account; mod-97)");
        }
        return v;
    }

    public static boolean validIban(String v) {
        if (!v.matches("[A-Z]{2}\\d{2}[A-Z0-9]{10,30}")) {
            return false;
        }
        String rearranged = v.substring(4) + v.substring(0, 4);
        StringBuilder digits = new StringBuilder();
        for (char c : rearranged.toCharArray()) {
            digits.append(Character.isDigit(c) ? String.valueOf(c) : String.valueOf(c - 'A' + 10));
        }
        return new BigInteger(digits.toString()).mod(BigInteger.valueOf(97)).intValue() == 1;
    }

    static String partialDate(String value, String field) {
        var m = DATE_OF_BIRTH.matcher(value.strip());
        if (!m.matches()) {
            throw new InvalidInputException(field, "a year, year-month or date: 1985, 1985-07 or 1985-07-14");
        }
        try {
            int year = Integer.parseInt(m.group(1));
            if (m.group(3) != null) {
                java.time.LocalDate.of(year, Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            } else if (m.group(2) != null) {
                java.time.YearMonth.of(year, Integer.parseInt(m.group(2)));
            }
            if (year < 1850 || year > 2200) {
                throw new InvalidInputException(field, "year out of range");
            }
        } catch (java.time.DateTimeException e) {
            throw new InvalidInputException(field, "no such date");
        }
        return value.strip();
    }

    private static double coordinate(Object value, String field, int bound) {
        if (!(value instanceof Number n)) {
            throw new InvalidInputException(field, "a number between -" + bound + " and " + bound
                    + "; give both latitude and longitude");
        }
        double d = n.doubleValue();
        if (Double.isNaN(d) || d < -bound || d > bound) {
            throw new InvalidInputException(field, "must be between -" + bound + " and " + bound);
        }
        return d;
    }

    private static String country(Map<String, Object> in, String name, String field, boolean required) {
        String v = text(in, name, field, 2, required);
        if (v == null) {
            return null;
        }
        v = v.toUpperCase(Locale.ROOT);
        if (!COUNTRIES.contains(v)) {
            throw new InvalidInputException(field + "." + name, "an ISO 3166-1 alpha-2 country code such as MR");
        }
        return v;
    }

    private static List<Map<String, String>> names(Object value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw new InvalidInputException(field, "at least one name is required");
            }
            return List.of();
        }
        if (!(value instanceof List<?> list) || (required && list.isEmpty())) {
            throw new InvalidInputException(field, required ? "a non-empty list of names" : "a list of names");
        }
        List<Map<String, String>> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s) || s.isBlank() || s.length() > 300) {
                throw new InvalidInputException(field + "[" + i + "]", "a name of 1 to 300 characters");
            }
            out.add(Map.of("value", s.strip(), "script", script(s)));
        }
        return out;
    }

    /** Arabic, Latin, mixed or other: enough to choose a transliteration later. */
    public static String script(String s) {
        boolean arabic = ARABIC.matcher(s).find();
        boolean latin = LATIN.matcher(s).find();
        return arabic && latin ? "Mixed" : arabic ? "Arabic" : latin ? "Latin" : "Other";
    }

    private static String text(Map<String, Object> in, String name, String field, int max, boolean required) {
        Object v = in.get(name);
        if (v == null || (v instanceof String s && s.isBlank())) {
            if (required) {
                throw new InvalidInputException(field + "." + name, "is required");
            }
            return null;
        }
        if (!(v instanceof String s)) {
            throw new InvalidInputException(field + "." + name, "must be text");
        }
        if (s.strip().length() > max) {
            throw new InvalidInputException(field + "." + name, "at most " + max + " characters");
        }
        return s.strip();
    }
}
