package org.fusioncell.exchange;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigInteger;
import java.time.LocalDate;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.fusioncell.access.Reader;
import org.fusioncell.entities.LinkType;
import org.fusioncell.entities.ReportEntities;
import org.fusioncell.testing.BearerApi;

/**
 * Test data made through the API as an analyst would: reports (Arabic, French, English) under every TLP
 * label, entities of every type, links of the reports, and mentions. Identifiers are random so that tests
 * sharing a database never correlate by accident.
 */
final class StixWorld {

    static final String ARABIC = "أفادت المصادر بأن الجماعة نقلت أسلحة عبر الحدود الشمالية ليلة 12 مارس 2026";

    private final BearerApi api;
    final List<String> reports = new ArrayList<>();
    final Map<String, String> entities = new LinkedHashMap<>();
    final List<String> links = new ArrayList<>();

    StixWorld(BearerApi api) {
        this.api = api;
    }

    static Map<String, Object> marking(String level, String tlp, List<String> organisations) {
        Map<String, Object> m = new HashMap<>();
        m.put("classification", level);
        m.put("tlp", tlp);
        m.put("releasability", Map.of("organisations", organisations));
        return m;
    }

    String report(String token, String title, String body, Map<String, Object> marking) throws Exception {
        Map<String, Object> r = new HashMap<>();
        r.put("title", title);
        r.put("body", body);
        r.put("occurredAt", "2026-03-12T22:30:00Z");
        r.put("place", Map.of("name", "Bassikounou", "latitude", 15.8667, "longitude", -5.9667));
        r.put("grading", Map.of("sourceReliability", "B", "informationCredibility", 2));
        r.put("tags", List.of("threat-type:isil-affiliated", "modus-operandi:ied"));
        r.put("retentionUntil", "2031-03-12");
        r.put("marking", marking);
        String id = BearerApi.created(api.send(token, "/api/v1/reports", r));
        reports.add(id);
        return id;
    }

    String entity(String token, String type, Map<String, Object> attributes, Map<String, Object> marking) throws Exception {
        HttpResponse<String> r = api.send(token, "/api/v1/entities", Map.of("type", type, "attributes", attributes,
                "marking", marking));
        assertThat(r.statusCode()).as(r.body()).isIn(200, 201);
        String id = BearerApi.JSON.readTree(r.body()).get("id").asString();
        entities.put(type + "#" + entities.size(), id);
        return id;
    }

    /** A link asserted by the report, made as the analyst (with a justification, as reports above the level need). */
    String link(ReportEntities reportEntities, Reader author, String from, String to, String type, String reportId,
                double confidence, String validFrom, String validTo) {
        var link = reportEntities.link(author, new ReportEntities.LinkDraft(from, to, LinkType.valueOf(type), reportId,
                confidence, validFrom == null ? null : LocalDate.parse(validFrom),
                validTo == null ? null : LocalDate.parse(validTo)), "test");
        assertThat(link).as("link " + type).isPresent();
        links.add(link.get().id());
        return link.get().id();
    }

    /** One entity of every type under {@code marking}, by type. */
    Map<String, String> everyType(String token, Map<String, Object> marking) throws Exception {
        Map<String, String> ids = new LinkedHashMap<>();
        String n = digits(7);
        ids.put("PERSON", entity(token, "PERSON", Map.of("names", List.of("محمد ولد " + n, "Mohamed Ould " + n),
                "dateOfBirth", "1985-03", "nationality", "MR", "gender", "MALE"), marking));
        ids.put("GROUP", entity(token, "GROUP", Map.of("name", "Katiba " + n), marking));
        ids.put("LOCATION", entity(token, "LOCATION", Map.of("name", "نواكشوط " + n, "latitude", 18.0735,
                "longitude", -15.9582), marking));
        ids.put("LOCATION_NAMED", entity(token, "LOCATION", Map.of("name", "Oued " + n), marking));
        // 46: an allocated Mauritanian range (not every +2224x is a valid number)
        ids.put("PHONE", entity(token, "PHONE", Map.of("number", "+22246" + n.substring(1)), marking));
        ids.put("EMAIL", entity(token, "EMAIL", Map.of("address", "contact" + n + "@example.mr"), marking));
        ids.put("ONLINE_ACCOUNT", entity(token, "ONLINE_ACCOUNT", Map.of("platform", "telegram", "handle", "@user" + n),
                marking));
        ids.put("VEHICLE", entity(token, "VEHICLE", Map.of("plate", n + "AB", "country", "MR"), marking));
        ids.put("IDENTITY_DOCUMENT", entity(token, "IDENTITY_DOCUMENT", Map.of("documentType", "PASSPORT",
                "number", "B" + n, "country", "MR"), marking));
        ids.put("FINANCIAL_ACCOUNT", entity(token, "FINANCIAL_ACCOUNT", Map.of("iban", iban()), marking));
        ids.put("INCIDENT", entity(token, "INCIDENT", Map.of("title", "Attaque " + n, "date", "2026-03-12"), marking));
        ids.put("URL", entity(token, "URL", Map.of("url", "https://example.org/p/" + n), marking));
        return ids;
    }

    static String digits(int count) {
        StringBuilder b = new StringBuilder();
        b.append(1 + ThreadLocalRandom.current().nextInt(9));
        while (b.length() < count) {
            b.append(ThreadLocalRandom.current().nextInt(10));
        }
        return b.toString();
    }

    /** A Mauritanian IBAN with correct ISO 13616 check digits. */
    static String iban() {
        String bban = digits(23);
        String rearranged = bban + "2227" + "00"; // M=22, R=27
        int check = 98 - new BigInteger(rearranged).mod(BigInteger.valueOf(97)).intValue();
        return "MR" + String.format("%02d", check) + bban;
    }
}
