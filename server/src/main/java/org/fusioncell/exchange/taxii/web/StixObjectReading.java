package org.fusioncell.exchange.taxii.web;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.fusioncell.exchange.taxii.StixObject;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an envelope of STIX objects before anything is stored: each must be a JSON object of a STIX 2.1
 * type (custom types are refused) with an id {@code <type>--<UUID>}, and timestamps that parse. Every
 * failure is collected with its index, so a refusal names all of them at once.
 */
final class StixObjectReading {

    static final int MAX_OBJECTS = 10_000;
    private static final Pattern UUID = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");
    static final Set<String> TYPES = Set.of(
            // domain objects
            "attack-pattern", "campaign", "course-of-action", "grouping", "identity", "incident", "indicator",
            "infrastructure", "intrusion-set", "location", "malware", "malware-analysis", "note", "observed-data",
            "opinion", "report", "threat-actor", "tool", "vulnerability",
            // relationship objects
            "relationship", "sighting",
            // cyber-observable objects
            "artifact", "autonomous-system", "directory", "domain-name", "email-addr", "email-message", "file",
            "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic", "process", "software", "url",
            "user-account", "windows-registry-key", "x509-certificate",
            // meta objects
            "marking-definition", "language-content", "extension-definition",
            // the identifier observable FusionCell's own extension definition introduces (its installations
            // publish it: phone numbers, IBANs, document numbers…)
            org.fusioncell.exchange.internal.StixVocabulary.IDENTIFIER_SCO);

    /** Cyber-observable objects: the only ones that may leave spec_version out. */
    private static final Set<String> OBSERVABLES = Set.of("artifact", "autonomous-system", "directory", "domain-name",
            "email-addr", "email-message", "file", "ipv4-addr", "ipv6-addr", "mac-addr", "mutex", "network-traffic",
            "process", "software", "url", "user-account", "windows-registry-key", "x509-certificate");

    private final JsonMapper json;

    StixObjectReading(JsonMapper json) {
        this.json = json;
    }

    /** The objects of the envelope in order; throws a 422 naming every bad object, or 400 if it is no envelope. */
    List<StixObject> read(String body, Instant receivedAt) {
        JsonNode root;
        try {
            root = json.readTree(body);
        } catch (RuntimeException e) {
            throw new TaxiiProblem(400, "Not JSON", "The request body is not JSON: " + firstLine(e.getMessage()));
        }
        if (root == null || !root.isObject() || !root.has("objects") || !root.get("objects").isArray()) {
            throw new TaxiiProblem(400, "Not an envelope", "The body must be a TAXII envelope: {\"objects\": [ … ]}.");
        }
        JsonNode objects = root.get("objects");
        if (objects.size() > MAX_OBJECTS) {
            throw new TaxiiProblem(413, "Too many objects", "An envelope holds at most " + MAX_OBJECTS
                    + " objects; this one holds " + objects.size() + ". Send it in parts.");
        }
        List<StixObject> out = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (int i = 0; i < objects.size(); i++) {
            JsonNode o = objects.get(i);
            String problem = problem(o);
            if (problem != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("index", i);
                f.put("id", o != null && o.has("id") ? o.get("id").asString() : null);
                f.put("message", "objects[" + i + "]: " + problem);
                failures.add(f);
                continue;
            }
            String type = o.get("type").asString();
            String version = o.has("modified") ? o.get("modified").asString()
                    : o.has("created") ? o.get("created").asString() : StixObject.UNVERSIONED;
            String spec = o.has("spec_version") ? o.get("spec_version").asString() : "2.1";
            out.add(new StixObject(o.get("id").asString(), type, version, spec, json.writeValueAsString(o), null, null));
        }
        if (!failures.isEmpty()) {
            throw new TaxiiProblem(422, "Objects refused", failures.size() + " of " + objects.size()
                    + " objects are not valid STIX 2.1; nothing was added. First: " + failures.getFirst().get("message"),
                    failures);
        }
        return out;
    }

    private static String problem(JsonNode o) {
        if (o == null || !o.isObject()) {
            return "not a JSON object";
        }
        if (!o.has("type") || !o.get("type").isString()) {
            return "type is required";
        }
        String type = o.get("type").asString();
        if (!TYPES.contains(type)) {
            return "unknown object type '" + type + "'";
        }
        if (!o.has("id") || !o.get("id").isString()) {
            return "id is required";
        }
        String id = o.get("id").asString();
        if (!id.startsWith(type + "--") || !UUID.matcher(id.substring(type.length() + 2)).matches()) {
            return "id '" + id + "' is not " + type + "--<UUID>";
        }
        if (o.has("spec_version") ? !"2.1".equals(o.get("spec_version").asString()) : !OBSERVABLES.contains(type)) {
            return "spec_version must be 2.1 (STIX 2.0 objects are not accepted)";
        }
        for (String field : List.of("created", "modified")) {
            if (o.has(field)) {
                try {
                    Instant.parse(o.get(field).asString());
                } catch (DateTimeParseException e) {
                    return field + " '" + o.get(field).asString() + "' is not a STIX timestamp";
                }
            }
        }
        return null;
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
