package org.fusioncell.plans;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.SchemaFactory;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.plans.internal.PlansSettings;
import org.fusioncell.testing.BearerApi;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.InputSource;

/**
 * The IATI export of a plan's funded actions validates against the IATI 2.03 activity schema (from ../shared/data
 * or $FUSIONCELL_TEST_DATA, see iati-schemas/PROVENANCE.md); unfunded actions are left out, Arabic text is kept.
 */
@FusionCellTest
class IatiExportTest {

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;

    @Test
    void fundedActionsExportAsIatiActivitiesThatValidateAgainstTheSchema() throws Exception {
        Path xsd = Path.of(System.getenv().getOrDefault("FUSIONCELL_TEST_DATA", "../../shared/data"))
                .resolve("iati-schemas/iati-activities-schema.xsd");
        assumeThat(Files.isRegularFile(xsd)).as("IATI 2.03 schema not found at " + xsd.toAbsolutePath()
                + " (set FUSIONCELL_TEST_DATA to the shared data folder); the IATI export is not validated").isTrue();
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String org = fx.organisation("اللجنة الوطنية لمنع التطرف العنيف", OrganisationType.STATE_AGENCY, "MR");
        String token = fx.token(fx.user(org, "SECRET", Set.of(Role.ANALYST), Set.of()), "read", "write");
        BearerApi api = new BearerApi(port);
        Map<String, Object> plan = PlansApiTest.planBody("الخطة الوطنية لمنع التطرف العنيف 2025-2029");
        plan.put("language", "ar");
        String id = BearerApi.created(api.send(token, "/api/v1/plans", plan));
        String objective = BearerApi.created(api.send(token, "/api/v1/plans/" + id + "/objectives",
                Map.of("areaCode", "education-skills-employment", "title", "تحسين فرص تشغيل الشباب")));
        String output = BearerApi.created(api.send(token, "/api/v1/plans/" + id + "/outputs",
                Map.of("objectiveId", objective, "title", "مراكز تكوين مهني في ثلاث ولايات")));
        Map<String, Object> funded = PlansApiTest.actionBody(output, "EUR", "300000", "180000", "50000");
        funded.put("title", "تكوين 600 شاب في المهن الرقمية");
        String fundedAction = BearerApi.created(api.send(token, "/api/v1/plans/" + id + "/actions", funded));
        Map<String, Object> planned = PlansApiTest.actionBody(output, "MRU", "5000000", "0", "0");
        planned.put("status", "PLANNED");
        planned.put("donor", null);
        String unfunded = BearerApi.created(api.send(token, "/api/v1/plans/" + id + "/actions", planned));

        HttpResponse<String> r = api.fetch(token, "/api/v1/plans/" + id + "/iati.xml");
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        String xml = r.body();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(xml)));

        DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
        dbf.setNamespaceAware(true);
        Document doc = dbf.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
        assertThat(doc.getDocumentElement().getAttribute("version")).isEqualTo("2.03");
        assertThat(doc.getElementsByTagName("iati-activity").getLength()).isEqualTo(1);
        Element activity = (Element) doc.getElementsByTagName("iati-activity").item(0);
        assertThat(activity.getElementsByTagName("iati-identifier").item(0).getTextContent())
                .isEqualTo("XX-FUSIONCELL-" + fundedAction);
        assertThat(activity.getAttribute("default-currency")).isEqualTo("EUR");
        assertThat(activity.getElementsByTagName("title").item(0).getTextContent())
                .isEqualTo("تكوين 600 شاب في المهن الرقمية");
        Element transaction = (Element) activity.getElementsByTagName("transaction").item(0);
        assertThat(transaction.getElementsByTagName("value").item(0).getTextContent()).isEqualTo("180000.00");
        assertThat(xml).doesNotContain(unfunded);
        assertThat(List.of(xml.split("participating-org")).size()).isGreaterThan(4);
        assertThat(activity.getElementsByTagName("recipient-country").getLength()).isEqualTo(1);

        // a fictitious country (user-assigned ISO 3166 code, as the demo's XW) is on no IATI country codelist:
        // it goes as a recipient region in the reporting organisation's own vocabulary, and the file still validates
        Map<String, Object> fictitious = PlansApiTest.planBody("Stratégie nationale de Zembara");
        fictitious.put("country", "XW");
        String zembara = BearerApi.created(api.send(token, "/api/v1/plans", fictitious));
        String zObjective = BearerApi.created(api.send(token, "/api/v1/plans/" + zembara + "/objectives",
                Map.of("areaCode", "empowering-youth", "title", "Participation des jeunes")));
        String zOutput = BearerApi.created(api.send(token, "/api/v1/plans/" + zembara + "/outputs",
                Map.of("objectiveId", zObjective, "title", "Conseils de jeunes")));
        BearerApi.created(api.send(token, "/api/v1/plans/" + zembara + "/actions",
                PlansApiTest.actionBody(zOutput, "XOF", "90000000", "60000000", "0")));
        String zXml = api.fetch(token, "/api/v1/plans/" + zembara + "/iati.xml").body();
        SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI).newSchema(xsd.toFile()).newValidator()
                .validate(new StreamSource(new StringReader(zXml)));
        Element region = (Element) dbf.newDocumentBuilder().parse(new InputSource(new StringReader(zXml)))
                .getElementsByTagName("recipient-region").item(0);
        assertThat(region.getAttribute("code")).isEqualTo("XW");
        assertThat(region.getAttribute("vocabulary")).isEqualTo("99");
        assertThat(zXml).doesNotContain("recipient-country");
    }

    @Test
    void theReportingOrganisationIsSetUnderItsNewNameWithTheOldOneAsFallback() {
        List<PlansSettings.Area> areas = List.of(new PlansSettings.Area("youth", "الشباب", "Jeunes", "Youth"));
        assertThat(new PlansSettings(areas, null, null, null).iatiReportingOrg()).isEqualTo("XX-FUSIONCELL");
        assertThat(new PlansSettings(areas, "MR-GOV-1", null, new PlansSettings.Iati(" ", null)).iatiReportingOrg())
                .isEqualTo("MR-GOV-1");
        PlansSettings current = new PlansSettings(areas, "MR-GOV-1", "10", new PlansSettings.Iati("XW-GOV-7", "15"));
        assertThat(current.iatiReportingOrg()).isEqualTo("XW-GOV-7");
        assertThat(current.iatiReportingOrgType()).isEqualTo("15");
        assertThat(current.iati().reportingOrgRef()).isEqualTo("XW-GOV-7");
    }
}
