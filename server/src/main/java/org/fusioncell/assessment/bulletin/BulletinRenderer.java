package org.fusioncell.assessment.bulletin;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.fusioncell.assessment.PdfText;
import org.fusioncell.assessment.bulletin.BulletinLayout.Block;
import org.openpdf.text.Document;
import org.openpdf.text.Element;
import org.openpdf.text.Font;
import org.openpdf.text.PageSize;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfContentByte;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfPTable;
import org.openpdf.text.pdf.PdfPageEventHelper;
import org.openpdf.text.pdf.PdfWriter;
import org.springframework.stereotype.Component;
import org.springframework.web.util.HtmlUtils;

/**
 * Prints a composed bulletin with its template, as PDF (A4) and as a standalone HTML document. Every page
 * carries the classification banner at its top and bottom, its number ("2 / 5"), the document id and the
 * content hash; paragraphs carry their portion marking. Arabic is shaped and laid out right to left by
 * OpenPDF's bidirectional line breaking with its Arabic shaping (digits keep their order); OpenPDF's
 * glyph-layout processor is not used, as it reverses digits. The Amiri typeface shipped in {@code fonts/}
 * (SIL Open Font License) is embedded for all three languages.
 */
@Component
public class BulletinRenderer {

    private static final int ARABIC = PdfText.ARABIC;
    private static final Color BANNER = new Color(0x9b, 0x1c, 0x1c);
    private static final Color MUTED = new Color(0x55, 0x55, 0x55);

    static final String HTML_STYLE = """
            @page { size: A4; margin: 22mm 18mm; }
            body { font-family: Amiri, "Noto Naskh Arabic", "Noto Serif", "DejaVu Serif", serif; font-size: 11.5pt;
              line-height: 1.55; color: #111; max-width: 46em; margin: 0 auto; padding: 3.2em 1.2em; }
            .banner { text-align: center; font-weight: bold; color: #9b1c1c; letter-spacing: .04em; padding: .3em 0;
              background: #fff; }
            .banner-top { border-bottom: 1px solid #9b1c1c; }
            .banner-bottom { border-top: 1px solid #9b1c1c; }
            h1 { text-align: center; font-size: 1.6em; margin: .8em 0 .4em; }
            h2 { font-size: 1.15em; border-bottom: 1px solid #999; margin: 1.2em 0 .4em; }
            p { margin: .35em 0; }
            .notice { border: 2px solid #9b1c1c; color: #9b1c1c; padding: .4em .6em; font-weight: bold; }
            .mark { font-weight: bold; }
            .document { color: #555; font-size: .8em; margin-top: 2em; overflow-wrap: anywhere; }
            @media print {
              body { padding: 0; max-width: none; }
              .banner { position: fixed; left: 0; right: 0; }
              .banner-top { top: 0; }
              .banner-bottom { bottom: 0; }
              main { margin: 2.2em 0; }
            }
            """;

    /** The content hash as printed: SHA-256 in lower-case hex of the canonical form of template and content. */
    public String contentHash(BulletinTemplate template, BulletinContent content) {
        Canonical c = new Canonical();
        c.put("fusioncell-bulletin/1");
        c.put(template.source());
        c.put(content.documentId());
        c.put(content.productType().name());
        c.put(content.language());
        c.put(content.banner());
        c.put(String.valueOf(content.fields().size()));
        for (Map.Entry<String, BulletinField> e : content.fields().entrySet()) {
            c.put(e.getKey());
            switch (e.getValue()) {
                case BulletinField.Text t -> {
                    c.put("text");
                    c.put(t.value());
                }
                case BulletinField.Portions p -> {
                    c.put(p.numbered() ? "numbered" : "portions");
                    c.put(String.valueOf(p.items().size()));
                    for (BulletinField.Marked m : p.items()) {
                        c.put(m.mark());
                        c.put(m.text());
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha256(c.text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    /** The bulletin as PDF. */
    public byte[] pdf(BulletinTemplate template, BulletinContent content) {
        List<Block> blocks = BulletinLayout.blocks(template, content);
        String hash = contentHash(template, content);
        // the page count is known only once laid out: a first pass counts, the second prints "n / N"
        Printed counted = print(blocks, content, hash, 0);
        return print(blocks, content, hash, counted.pages()).bytes();
    }

    private record Printed(byte[] bytes, int pages) {
    }

    private Printed print(List<Block> blocks, BulletinContent content, String hash, int totalPages) {
        try {
            BaseFont regular = PdfText.regular();
            BaseFont bold = PdfText.bold();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            Document document = new Document(PageSize.A4, 56, 56, 78, 86);
            PdfWriter writer = PdfWriter.getInstance(document, out);
            PageFurniture furniture = new PageFurniture(content, hash, totalPages, regular, bold);
            writer.setPageEvent(furniture);
            document.addTitle(titleOf(blocks));
            document.addSubject(content.productType().slug());
            document.addKeywords("document-id:" + content.documentId() + " sha256:" + hash);
            document.addCreator("FusionCell");
            document.setDocumentLanguage(content.language());
            document.open();
            document.add(body(blocks, content.rightToLeft(), regular, bold));
            document.close();
            return new Printed(out.toByteArray(), furniture.pages);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String titleOf(List<Block> blocks) {
        return blocks.stream().filter(b -> b instanceof BulletinLayout.Title).map(b -> ((BulletinLayout.Title) b).text())
                .findFirst().orElse("");
    }

    private static PdfPTable body(List<Block> blocks, boolean rtl, BaseFont regular, BaseFont bold) {
        PdfPTable table = new PdfPTable(1);
        table.setWidthPercentage(100);
        table.setSplitLate(false);
        table.setSplitRows(true);
        table.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        Font title = new Font(bold, 17);
        Font heading = new Font(bold, 13);
        Font text = new Font(regular, 11);
        Font mark = new Font(bold, 11);
        Font notice = new Font(bold, 12, Font.NORMAL, BANNER);
        for (Block block : blocks) {
            PdfPCell cell = switch (block) {
                case BulletinLayout.Title t -> {
                    PdfPCell c = cell(new Phrase(t.text(), title), rtl);
                    c.setHorizontalAlignment(Element.ALIGN_CENTER);
                    c.setPaddingBottom(10);
                    yield c;
                }
                case BulletinLayout.Notice n -> {
                    PdfPCell c = cell(new Phrase(n.text(), notice), rtl);
                    c.setBorder(Rectangle.BOX);
                    c.setBorderColor(BANNER);
                    c.setBorderWidth(1.5f);
                    c.setPadding(6);
                    yield c;
                }
                case BulletinLayout.Heading h -> {
                    PdfPCell c = cell(new Phrase(h.text(), heading), rtl);
                    c.setBorder(Rectangle.BOTTOM);
                    c.setBorderColor(Color.GRAY);
                    c.setPaddingTop(12);
                    c.setPaddingBottom(4);
                    yield c;
                }
                case BulletinLayout.Paragraph p -> {
                    Phrase phrase = new Phrase();
                    if (p.mark() != null) {
                        phrase.add(new org.openpdf.text.Chunk(p.mark() + " ", mark));
                    }
                    if (p.number() != null) {
                        phrase.add(new org.openpdf.text.Chunk(p.number() + " ", text));
                    }
                    phrase.add(new org.openpdf.text.Chunk(p.text(), text));
                    PdfPCell c = cell(phrase, rtl);
                    c.setPaddingTop(3);
                    c.setPaddingBottom(3);
                    yield c;
                }
            };
            table.addCell(cell);
        }
        return table;
    }

    private static PdfPCell cell(Phrase phrase, boolean rtl) {
        return PdfText.cell(phrase, rtl);
    }

    /** The banner at the top and bottom of each page, the page number, the document id and the content hash. */
    private static final class PageFurniture extends PdfPageEventHelper {

        private final BulletinContent content;
        private final String hash;
        private final int totalPages;
        private final Font banner;
        private final Font small;
        private int pages;

        PageFurniture(BulletinContent content, String hash, int totalPages, BaseFont regular, BaseFont bold) {
            this.content = content;
            this.hash = hash;
            this.totalPages = totalPages;
            this.banner = new Font(bold, 11, Font.NORMAL, BANNER);
            this.small = new Font(regular, 7.5f, Font.NORMAL, MUTED);
        }

        @Override
        public void onEndPage(PdfWriter writer, Document document) {
            pages = writer.getPageNumber();
            PdfContentByte canvas = writer.getDirectContent();
            Rectangle page = document.getPageSize();
            float middle = (page.getLeft() + page.getRight()) / 2;
            int direction = content.rightToLeft() ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR;
            if (!content.banner().isBlank()) {
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(content.banner(), banner), middle,
                        page.getTop() - 40, 0, direction, ARABIC);
                ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER, new Phrase(content.banner(), banner), middle,
                        page.getBottom() + 26, 0, direction, ARABIC);
            }
            float left = document.left();
            float right = document.right();
            float numberLine = page.getBottom() + 60;
            float idLine = page.getBottom() + 46;
            String number = pages + " / " + (totalPages > 0 ? totalPages : pages);
            String id = content.documentId() + "  ·  SHA-256 " + hash;
            // ids and numbers are Latin: written left to right, placed at the start and end of the page's direction
            ColumnText.showTextAligned(canvas, content.rightToLeft() ? Element.ALIGN_RIGHT : Element.ALIGN_LEFT,
                    new Phrase(id, small), content.rightToLeft() ? right : left, idLine, 0, PdfWriter.RUN_DIRECTION_LTR, 0);
            ColumnText.showTextAligned(canvas, content.rightToLeft() ? Element.ALIGN_LEFT : Element.ALIGN_RIGHT,
                    new Phrase(number, new Font(small.getBaseFont(), 9, Font.NORMAL, MUTED)),
                    content.rightToLeft() ? left : right, numberLine, 0, PdfWriter.RUN_DIRECTION_LTR, 0);
        }
    }

    /**
     * The bulletin as a standalone printable HTML document ({@code <html lang dir>}), with the banner at its top
     * and bottom (repeated on every printed page), the document id and the content hash. Its only style is
     * inline: serve it with {@link #htmlContentSecurityPolicy()}.
     */
    public String html(BulletinTemplate template, BulletinContent content) {
        List<Block> blocks = BulletinLayout.blocks(template, content);
        String hash = contentHash(template, content);
        String lang = escape(content.language());
        StringBuilder h = new StringBuilder(4096);
        h.append("<!DOCTYPE html>\n<html lang=\"").append(lang).append("\" dir=\"")
                .append(content.rightToLeft() ? "rtl" : "ltr").append("\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(escape(titleOf(blocks))).append("</title>\n")
                .append("<meta name=\"document-id\" content=\"").append(escape(content.documentId())).append("\">\n")
                .append("<meta name=\"content-hash\" content=\"sha256:").append(hash).append("\">\n")
                .append("<style>").append(HTML_STYLE).append("</style>\n</head>\n<body>\n");
        String banner = escape(content.banner());
        h.append("<header class=\"banner banner-top\">").append(banner).append("</header>\n<main>\n");
        for (Block block : blocks) {
            switch (block) {
                case BulletinLayout.Title t -> h.append("<h1>").append(escape(t.text())).append("</h1>\n");
                case BulletinLayout.Notice n -> h.append("<p class=\"notice\" role=\"alert\">").append(escape(n.text()))
                        .append("</p>\n");
                case BulletinLayout.Heading x -> h.append("<h2>").append(escape(x.text())).append("</h2>\n");
                case BulletinLayout.Paragraph p -> {
                    h.append("<p>");
                    if (p.mark() != null) {
                        h.append("<span class=\"mark\">").append(escape(p.mark())).append("</span> ");
                    }
                    if (p.number() != null) {
                        h.append("<span class=\"number\">").append(escape(p.number())).append("</span> ");
                    }
                    h.append(escape(p.text())).append("</p>\n");
                }
            }
        }
        h.append("</main>\n<p class=\"document\" dir=\"ltr\">").append(escape(content.documentId()))
                .append(" · SHA-256 ").append(hash).append("</p>\n")
                .append("<footer class=\"banner banner-bottom\">").append(banner).append("</footer>\n</body>\n</html>\n");
        return h.toString();
    }

    /** The Content-Security-Policy to serve {@link #html} with: nothing but its own inline style. */
    public String htmlContentSecurityPolicy() {
        String styleHash = Base64.getEncoder().encodeToString(sha256(HTML_STYLE.getBytes(StandardCharsets.UTF_8)));
        return "default-src 'none'; style-src 'sha256-" + styleHash + "'; base-uri 'none'; form-action 'none'; "
                + "frame-ancestors 'none'";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text == null ? "" : text, "UTF-8");
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Length-prefixed strings: no two different contents give the same text. */
    private static final class Canonical {
        private final StringBuilder text = new StringBuilder();

        void put(String value) {
            if (value == null) {
                text.append("~\n");
            } else {
                text.append(value.length()).append(':').append(value).append('\n');
            }
        }
    }
}
