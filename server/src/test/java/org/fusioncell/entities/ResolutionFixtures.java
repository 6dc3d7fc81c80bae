package org.fusioncell.entities;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.fusioncell.shared.Ids;
import org.fusioncell.testing.BearerApi;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** People, phones, reports, links and mentions made through the API for the resolution tests, and reading their answers. */
final class ResolutionFixtures {

    static final String AMBER = "{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER\"}";
    static final String AMBER_STRICT = "{\"classification\":\"RESTRICTED\",\"tlp\":\"AMBER+STRICT\"}";

    private final int port;
    private final JdbcClient jdbc;

    ResolutionFixtures(int port, JdbcClient jdbc) {
        this.port = port;
        this.jdbc = jdbc;
    }

    BearerApi api() {
        return new BearerApi(port);
    }

    String person(String token, String names, String more, String marking) throws Exception {
        String attributes = "{\"names\":" + names + (more == null ? "" : "," + more) + "}";
        return created(api().post(token, "/api/v1/entities",
                "{\"type\":\"PERSON\",\"attributes\":" + attributes + ",\"marking\":" + marking + "}"));
    }

    static String phoneBody(String number, String marking) {
        return "{\"type\":\"PHONE\",\"attributes\":{\"number\":\"" + number + "\"},\"marking\":" + marking + "}";
    }

    String report(String token, String title) throws Exception {
        return created(api().post(token, "/api/v1/reports", "{\"title\":\"" + title + "\",\"body\":\"Texte du rapport\","
                + "\"grading\":{\"sourceReliability\":\"B\",\"informationCredibility\":2},\"marking\":" + AMBER + "}"));
    }

    String link(String token, String from, String to, String report) throws Exception {
        return created(api().post(token, "/api/v1/links", "{\"from\":\"" + from + "\",\"to\":\"" + to
                + "\",\"type\":\"USED\",\"reportId\":\"" + report + "\",\"confidence\":0.8}"));
    }

    /** A mention as a confirmed proposal would record it (people are not proposed from text). */
    void mention(String report, String entity) {
        jdbc.sql("INSERT INTO entity_mention (id, report_id, entity_id, marking_id, created_by, created_at)"
                        + " SELECT :id, r.id, :e, r.marking_id, 'test', CURRENT_TIMESTAMP FROM intake_report r WHERE r.id = :r")
                .param("id", Ids.newId()).param("e", entity).param("r", report).update();
    }

    JsonNode suggestions(String token, String entity) throws Exception {
        return api().get(token, "/api/v1/entities/" + entity + "/merge-suggestions", 200).get("items");
    }

    long auditCount(String view, String of) {
        return jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE details LIKE :v AND details LIKE :of")
                .param("v", "%" + view + "%").param("of", "%" + of + "%").query(Long.class).single();
    }

    static List<String> ids(JsonNode items) {
        List<String> out = new ArrayList<>();
        items.forEach(i -> out.add(i.get("entity").get("id").asString()));
        return out;
    }

    static List<String> kinds(JsonNode item) {
        List<String> out = new ArrayList<>();
        item.get("reasons").forEach(r -> out.add(r.get("kind").asString()));
        return out;
    }

    static JsonNode find(JsonNode items, String id) {
        for (JsonNode i : items) {
            if (i.get("entity").get("id").asString().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no suggestion " + id);
    }

    static JsonNode reason(JsonNode item, String kind) {
        for (JsonNode r : item.get("reasons")) {
            if (r.get("kind").asString().equals(kind)) {
                return r;
            }
        }
        throw new AssertionError("no reason " + kind + " in " + item);
    }

    static String created(HttpResponse<String> r) {
        return BearerApi.created(r);
    }
}
