package org.fusioncell.cases.evidence.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.fusioncell.access.Reader;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.cases.CaseFile;
import org.fusioncell.cases.evidence.CustodyEvent;
import org.fusioncell.cases.evidence.EvidenceItem;
import org.fusioncell.cases.evidence.EvidencePackage;
import org.fusioncell.cases.evidence.EvidencePackageFormat;
import org.fusioncell.exchange.packages.OfflinePackages;
import org.fusioncell.identity.Organisations;
import org.fusioncell.identity.OrganisationSummary;
import org.fusioncell.intake.ContentFiles;
import org.fusioncell.shared.Ids;
import org.openpdf.text.Document;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the evidence package for prosecutors ({@link EvidencePackageFormat}): the items' files or descriptions,
 * {@code summary.pdf} in the case's language, {@code manifest.json} (the case, the items with their hashes, every
 * custody event with its chain hashes, and the SHA-256 of every other entry) and {@code manifest.sig}, the
 * installation's Ed25519 signature of the manifest's bytes.
 */
@Component
class EvidencePackages {

    record Entry(EvidenceItem item, List<CustodyEvent> events) {
    }

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final OfflinePackages signer;
    private final ContentFiles files;
    private final Organisations organisations;
    private final MessageSource messages;

    EvidencePackages(OfflinePackages signer, ContentFiles files, Organisations organisations, MessageSource messages) {
        this.signer = signer;
        this.files = files;
        this.organisations = organisations;
        this.messages = messages;
    }

    EvidencePackage build(CaseFile c, List<Entry> entries, Reader exporter, Instant now) {
        Map<String, byte[]> content = new LinkedHashMap<>();
        List<Map<String, Object>> items = new ArrayList<>();
        int n = 0;
        for (Entry e : entries) {
            EvidenceItem i = e.item();
            String dir = EvidencePackageFormat.ITEMS + String.format(Locale.ROOT, "%03d-", ++n) + i.id() + "/";
            String path;
            if (i.kind() == EvidenceItem.Kind.FILE) {
                path = dir + (i.fileName() == null ? "content" : i.fileName());
                content.put(path, read(i.sha256()));
            } else {
                path = dir + "description.txt";
                content.put(path, description(i).getBytes(StandardCharsets.UTF_8));
            }
            Map<String, Object> item = new LinkedHashMap<>();
            item.put("id", i.id());
            item.put("kind", i.kind().name());
            item.put("title", i.title());
            item.put("description", i.description());
            item.put("sealNumber", i.sealNumber());
            item.put("location", i.location());
            item.put("tool", i.tool());
            item.put("sourceDevice", i.sourceDevice());
            item.put("fileName", i.fileName());
            item.put("size", i.size());
            item.put("sha256", i.sha256());
            item.put("path", path);
            item.put("custodian", i.custodianUserId());
            item.put("disposed", i.disposed());
            List<Map<String, Object>> log = new ArrayList<>();
            for (CustodyEvent ev : e.events()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("seq", ev.seq());
                m.put("kind", ev.kind().name());
                m.put("actor", ev.actorUserId());
                m.put("organisation", ev.actorOrganisationId());
                m.put("occurredAt", ev.occurredAt().toString());
                m.put("recordedAt", ev.recordedAt().toString());
                m.put("place", ev.place());
                m.put("why", ev.why());
                m.put("to", ev.toUserId());
                m.put("prevHash", ev.prevHash());
                m.put("hash", ev.hash());
                log.add(m);
            }
            item.put("custody", log);
            items.add(item);
        }
        content.put(EvidencePackageFormat.SUMMARY, summary(c, entries, now));
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("format", EvidencePackageFormat.FORMAT);
        manifest.put("id", Ids.newId());
        manifest.put("created", now.toString());
        manifest.put("exportedBy", exporter.userId());
        manifest.put("signer", signer.installationKey().fingerprint());
        Map<String, Object> kase = new LinkedHashMap<>();
        kase.put("id", c.id());
        kase.put("title", c.title());
        kase.put("kind", c.kind().name());
        kase.put("status", c.status().name());
        kase.put("language", c.language());
        kase.put("leadOrganisation", organisation(c.leadOrganisationId()));
        manifest.put("case", kase);
        manifest.put("items", items);
        List<Map<String, Object>> entryHashes = new ArrayList<>();
        content.forEach((path, bytes) -> entryHashes.add(Map.of("path", path, "sha256",
                org.fusioncell.cases.evidence.CustodyChain.sha256(bytes), "size", bytes.length)));
        manifest.put("entries", entryHashes);
        byte[] manifestBytes = JSON.writeValueAsBytes(manifest);
        String signature = signer.sign(manifestBytes);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            long time = now.toEpochMilli();
            put(zip, EvidencePackageFormat.MANIFEST, manifestBytes, time);
            put(zip, EvidencePackageFormat.SIGNATURE, signature.getBytes(StandardCharsets.US_ASCII), time);
            for (Map.Entry<String, byte[]> e : content.entrySet()) {
                put(zip, e.getKey(), e.getValue(), time);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String name = "evidence-" + c.id().substring(0, 8) + "-" + now.toString().substring(0, 10) + ".zip";
        return new EvidencePackage(out.toByteArray(), name,
                org.fusioncell.cases.evidence.CustodyChain.sha256(manifestBytes));
    }

    private Map<String, String> organisation(String id) {
        return Map.of("id", id, "name", organisations.find(id).map(OrganisationSummary::name).orElse(id));
    }

    private byte[] read(String sha256) {
        try (InputStream in = files.open(sha256).orElseThrow(() -> new IllegalStateException(
                "the stored evidence file " + sha256 + " is missing"))) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String description(EvidenceItem i) {
        StringBuilder b = new StringBuilder();
        b.append("kind: ").append(i.kind().name()).append('\n');
        b.append("title: ").append(i.title()).append('\n');
        line(b, "description", i.description());
        line(b, "seal number", i.sealNumber());
        line(b, "location", i.location());
        line(b, "tool", i.tool());
        line(b, "source device", i.sourceDevice());
        b.append("sha256: ").append(i.sha256()).append('\n');
        return b.toString();
    }

    private static void line(StringBuilder b, String label, String value) {
        if (value != null) {
            b.append(label).append(": ").append(value).append('\n');
        }
    }

    private static void put(ZipOutputStream zip, String name, byte[] content, long time) throws IOException {
        ZipEntry entry = new ZipEntry(name);
        entry.setTime(time);
        zip.putNextEntry(entry);
        zip.write(content);
        zip.closeEntry();
    }

    // ---------------------------------------------------------------------------------------------- summary.pdf

    private String t(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }

    private byte[] summary(CaseFile c, List<Entry> entries, Instant now) {
        Locale locale = Locale.forLanguageTag(c.language());
        boolean rtl = "ar".equals(c.language());
        try {
            BaseFont regular = PdfText.regular();
            BaseFont bold = PdfText.bold();
            Font title = new Font(bold, 16);
            Font heading = new Font(bold, 12);
            Font text = new Font(regular, 10);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 56, 56, 56, 56);
            PdfWriter.getInstance(document, out);
            document.addTitle(t(locale, "evidence.pdf.title", c.title()));
            document.addCreator("FusionCell");
            document.setDocumentLanguage(c.language());
            document.open();
            PdfPTable table = new PdfPTable(1);
            table.setWidthPercentage(100);
            table.setSplitLate(false);
            table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
            table.addCell(PdfText.cell(new Phrase(t(locale, "evidence.pdf.title", c.title()), title), rtl));
            table.addCell(PdfText.cell(new Phrase(t(locale, "evidence.pdf.case", c.id(),
                    organisation(c.leadOrganisationId()).get("name"), now.toString()), text), rtl));
            for (Entry e : entries) {
                EvidenceItem i = e.item();
                table.addCell(PdfText.cell(new Phrase(i.title() + " — " + t(locale, "evidence.kind." + i.kind().name()),
                        heading), rtl));
                table.addCell(PdfText.cell(new Phrase(t(locale, "evidence.pdf.hash", i.sha256()), text), rtl));
                if (i.description() != null) {
                    table.addCell(PdfText.cell(new Phrase(i.description(), text), rtl));
                }
                for (CustodyEvent ev : e.events()) {
                    table.addCell(PdfText.cell(new Phrase(t(locale, "evidence.pdf.event", ev.seq(),
                            t(locale, "evidence.event." + ev.kind().name()), ev.occurredAt().toString(),
                            ev.actorUserId(), ev.place(), ev.why()), text), rtl));
                }
            }
            table.addCell(PdfText.cell(new Phrase(t(locale, "evidence.pdf.verify"), text), rtl));
            document.add(table);
            document.close();
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
