package org.fusioncell.intake;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.fusioncell.access.ClassificationScheme;
import org.fusioncell.access.OrganisationType;
import org.fusioncell.identity.IdentityFixtures;
import org.fusioncell.identity.Role;
import org.fusioncell.testing.FusionCellTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Attachments stored by content hash with the type detected from the content: good files are kept once
 * and served as downloads; disguised, hostile-named and over-size files leave no row and no file.
 */
@FusionCellTest
@Tag("persistence")
@TestPropertySource(properties = "fusioncell.intake.attachment-max-bytes=4096")
class ReportAttachmentsTest {

    static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
            0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0}, new byte[64]);
    static final byte[] PDF = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << >>\n%%EOF\n"
            .getBytes(StandardCharsets.US_ASCII);
    static final byte[] EXE = concat("MZ".getBytes(StandardCharsets.US_ASCII), new byte[200]);

    @LocalServerPort
    int port;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ClassificationScheme scheme;
    static final Path DATA_DIR = temporaryDirectory();

    /** The test profile's data-dir has a random part resolved anew at each use: pin it to look inside. */
    @DynamicPropertySource
    static void dataDir(DynamicPropertyRegistry registry) {
        registry.add("fusioncell.data-dir", DATA_DIR::toString);
    }

    private static Path temporaryDirectory() {
        try {
            return Files.createTempDirectory("fusioncell-attachments-test");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    ReportApiClient api;
    String author;
    String partner;
    String outsider;
    String reportId;
    List<Path> filesBefore;

    @BeforeEach
    void world() throws IOException {
        filesBefore = storedFiles();
        api = new ReportApiClient(port);
        IdentityFixtures fx = new IdentityFixtures(jdbc);
        String cell = fx.organisation("Cell", OrganisationType.STATE_AGENCY, "MR");
        String police = fx.organisation("Police", OrganisationType.STATE_AGENCY, "MR");
        String platform = fx.organisation("Platform", OrganisationType.TECHNOLOGY_PLATFORM, "MR");
        fx.agreement(Set.of(cell, police), scheme.highest(), Set.of("*"));
        author = fx.token(fx.user(cell, scheme.highest(), Set.of(Role.ANALYST), Set.of()), "read", "write");
        partner = fx.token(fx.user(police, scheme.highest(), Set.of(Role.ANALYST), Set.of()), "read", "write");
        outsider = fx.token(fx.user(platform, scheme.highest(), Set.of(Role.ANALYST), Set.of()), "read", "write");
        HttpResponse<String> r = api.post(author, "/api/v1/reports",
                ReportApiClient.report("With files", scheme.level(0), "GREEN", List.of()));
        reportId = ReportApiClient.tree(r).get("id").asString();
    }

    @Test
    void aFileIsStoredOncePerHashAndServedAsADownloadToThoseWhoMaySeeTheReport() throws Exception {
        HttpResponse<String> first = api.upload(author, reportId, "scène.png", "image/png", PNG);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(201);
        JsonNode a = ReportApiClient.tree(first);
        assertThat(a.get("mediaType").asString()).isEqualTo("image/png");
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(PNG));
        assertThat(a.get("sha256").asString()).isEqualTo(sha);
        Path stored = DATA_DIR.resolve("attachments").resolve(sha.substring(0, 2)).resolve(sha.substring(2, 4)).resolve(sha);
        assertThat(stored).exists().hasBinaryContent(PNG);
        assertThat(api.upload(author, reportId, "copy.png", "image/png", PNG).statusCode()).isEqualTo(201);
        assertThat(storedFiles()).hasSize(filesBefore.size() + (filesBefore.contains(stored) ? 0 : 1));

        JsonNode list = ReportApiClient.tree(api.get(partner, "/api/v1/reports/" + reportId + "/attachments"));
        assertThat(list.get("items")).hasSize(2);
        HttpResponse<String> download = api.get(partner, "/api/v1/reports/" + reportId + "/attachments/"
                + a.get("id").asString());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(download.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(download.headers().firstValue("Content-Disposition").orElseThrow()).startsWith("attachment;");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_record WHERE action = 'DISCLOSURE' AND object_ids LIKE :id")
                .param("id", "%" + a.get("id").asString() + "%").query(Long.class).single()).isEqualTo(1);

        assertThat(api.get(outsider, "/api/v1/reports/" + reportId + "/attachments").statusCode()).isEqualTo(404);
        assertThat(api.get(outsider, "/api/v1/reports/" + reportId + "/attachments/" + a.get("id").asString())
                .statusCode()).isEqualTo(404);
        assertThat(api.upload(partner, reportId, "theirs.pdf", "application/pdf", PDF).statusCode()).isEqualTo(404);
    }

    @Test
    void aPdfIsAcceptedWhenItIsOne() {
        HttpResponse<String> r = api.upload(author, reportId, "rapport.pdf", "application/pdf", PDF);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(ReportApiClient.tree(r).get("mediaType").asString()).isEqualTo("application/pdf");
    }

    @Test
    void disguisedFilesAreRefusedNamingTheFileAndNothingIsStored() throws IOException {
        assertRefused(api.upload(author, reportId, "report.pdf", "application/pdf", EXE), 400);
        assertRefused(api.upload(author, reportId, "photo.pdf", "application/pdf", PNG), 400);
        assertRefused(api.upload(author, reportId, "photo.png", "application/pdf", PNG), 400);
        assertRefused(api.upload(author, reportId, "page.txt", "text/plain",
                "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8)), 400);
    }

    @Test
    void hostileFileNamesAreRefusedAndNothingIsStored() throws IOException {
        for (String name : List.of("../../etc/passwd.png", "a/b.png", "a\\b.png", ".hidden.png", "x\u0007.png", "tab\tname.png",
                "invoice\u202Egnp.exe", "a".repeat(250) + ".png")) {
            assertRefused(api.upload(author, reportId, name, "image/png", PNG), 400);
        }
    }

    @Test
    void anOverSizeFileIsRefusedWith413AndNothingIsStored() throws IOException {
        byte[] big = concat("%PDF-1.4\n".getBytes(StandardCharsets.US_ASCII), new byte[5000]);
        HttpResponse<String> r = api.upload(author, reportId, "big.pdf", "application/pdf", big);
        assertRefused(r, 413);
    }

    private void assertRefused(HttpResponse<String> r, int status) throws IOException {
        assertThat(r.statusCode()).as(r.body()).isEqualTo(status);
        assertThat(ReportApiClient.tree(r).get("field").asString()).isEqualTo("file");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM intake_attachment WHERE report_id = :id").param("id", reportId)
                .query(Long.class).single()).isZero();
        assertThat(storedFiles()).as("no stray file").isEqualTo(filesBefore);
    }

    private List<Path> storedFiles() throws IOException {
        Path root = DATA_DIR.resolve("attachments");
        if (!Files.exists(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
