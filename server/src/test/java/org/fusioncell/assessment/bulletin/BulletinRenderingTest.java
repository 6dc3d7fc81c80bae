package org.fusioncell.assessment.bulletin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.fusioncell.assessment.Assessment;
import org.fusioncell.assessment.AssessmentState;
import org.fusioncell.assessment.ProductType;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The acceptance test of bulletins: a product is composed and printed in Arabic, French and English; the PDF is
 * rendered to PNG with {@code pdftoppm} (kept under {@code target/test-artifacts/bulletin/}) and its text, read
 * back with PDFBox, holds the words in logical order and the numbers intact. Every page carries the banner at its
 * top and bottom, its number, the document id and the content hash; every font is embedded.
 * Without {@code pdftoppm} the PNG step is skipped, except on CI ({@code CI=true}), where it fails.
 */
class BulletinRenderingTest {

    private static final Path ARTIFACTS = Path.of("target", "test-artifacts", "bulletin");

    private final BulletinComposer composer = BulletinFixtures.composer();
    private final BulletinRenderer renderer = new BulletinRenderer();

    @ParameterizedTest
    @ValueSource(strings = {"ar", "fr", "en"})
    void aBulletinReadsBackInLogicalOrderWithItsNumbersIntactAndRendersToPng(String language) throws Exception {
        Assessment assessment = BulletinFixtures.assessment(language, ProductType.THREAT_ASSESSMENT,
                AssessmentState.DISSEMINATED, 0);
        BulletinTemplate template = BulletinTemplates.defaultTemplate(ProductType.THREAT_ASSESSMENT, language);
        BulletinContent content = composer.compose(assessment, language, BulletinFixtures.NAMES);
        byte[] pdf = renderer.pdf(template, content);
        Path file = write("threat-assessment." + language + ".pdf", pdf);

        String text;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            // marks stacked on one letter (shadda and fatha) come back in glyph order: compare canonically
            text = java.text.Normalizer.normalize(oneLine(new PDFTextStripper().getText(document)),
                    java.text.Normalizer.Form.NFC);
            assertEveryFontEmbedded(document);
        }
        String sentence = switch (language) {
            case "ar" -> BulletinFixtures.ARABIC_SENTENCE;
            case "fr" -> BulletinFixtures.FRENCH_SENTENCE;
            default -> BulletinFixtures.ENGLISH_SENTENCE;
        };
        String numbers = switch (language) {
            case "ar" -> BulletinFixtures.ARABIC_NUMBERS;
            case "fr" -> BulletinFixtures.FRENCH_NUMBERS;
            default -> BulletinFixtures.ENGLISH_NUMBERS;
        };
        assertThat(text).as("the words in logical order").contains(oneLine(sentence));
        assertThat(text).as("the numbers intact, in order").contains(oneLine(numbers))
                .contains("70/291", "38,032", "2026", "45%");
        assertThat(text).as("portion markings before paragraphs").contains("(S) " + oneLine(sentence))
                .contains("(C) 1. " + oneLine(sentence));
        assertThat(text).contains(content.documentId(), renderer.contentHash(template, content));
        switch (language) {
            case "ar" -> assertThat(text).contains("الأحكام الرئيسية", "مستوى التهديد الناتج: شديد", "مرجح: من 55% إلى 75% على سلم الاحتمالات");
            case "fr" -> assertThat(text).contains("Jugements clés", "Niveau de menace qui en résulte : Grave",
                    "Probable : de 55 % à 75 %");
            default -> assertThat(text).contains("Key judgments", "Resulting threat level: Severe", "Likely: 55% to 75%");
        }

        Path png = pngOfFirstPage(file);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("A4 at 60 dpi").isBetween(480, 510);
        assertThat(inkedPixels(image)).as("the page is not blank").isGreaterThan(2_000);
    }

    @Test
    void everyPageOfALongBulletinHasTheBannerTopAndBottomItsNumberTheIdAndTheHash() throws Exception {
        Assessment assessment = BulletinFixtures.assessment("ar", ProductType.THREAT_ASSESSMENT,
                AssessmentState.DISSEMINATED, 60);
        BulletinTemplate template = BulletinTemplates.defaultTemplate(ProductType.THREAT_ASSESSMENT, "ar");
        BulletinContent content = composer.compose(assessment, "ar", BulletinFixtures.NAMES);
        byte[] pdf = renderer.pdf(template, content);
        write("threat-assessment.long.ar.pdf", pdf);
        String hash = renderer.contentHash(template, content);
        assertThat(content.banner()).isEqualTo("SECRET // TLP:AMBER");
        try (PDDocument document = Loader.loadPDF(pdf)) {
            int pages = document.getNumberOfPages();
            assertThat(pages).as("a multi-page bulletin").isGreaterThanOrEqualTo(3);
            PDFTextStripper stripper = new PDFTextStripper();
            for (int page = 1; page <= pages; page++) {
                stripper.setStartPage(page);
                stripper.setEndPage(page);
                String text = stripper.getText(document);
                assertThat(count(text, "SECRET // TLP:AMBER")).as("banner top and bottom of page " + page).isEqualTo(2);
                List<String> numbers = new ArrayList<>();
                Matcher m = Pattern.compile("(?m)^(\\d+) / (\\d+)$").matcher(text);
                while (m.find()) {
                    numbers.add(m.group());
                }
                assertThat(numbers).as("page number of page " + page).containsExactly(page + " / " + pages);
                assertThat(text).contains(content.documentId(), "SHA-256 " + hash);
            }
            assertEveryFontEmbedded(document);
        }
    }

    @Test
    void theContentHashIsStableAndChangesWithTheContentOrTheTemplate() {
        Assessment assessment = BulletinFixtures.assessment("en", ProductType.PARTNER_ALERT, AssessmentState.DISSEMINATED, 0);
        BulletinTemplate template = BulletinTemplates.defaultTemplate(ProductType.PARTNER_ALERT, "en");
        BulletinContent content = composer.compose(assessment, "en", BulletinFixtures.NAMES);
        String hash = renderer.contentHash(template, content);
        assertThat(hash).matches("[0-9a-f]{64}");
        assertThat(renderer.contentHash(template, composer.compose(assessment, "en", BulletinFixtures.NAMES)))
                .isEqualTo(hash);
        Assessment retitled = BulletinFixtures.assessment("en", ProductType.PARTNER_ALERT, AssessmentState.WITHDRAWN, 0);
        assertThat(renderer.contentHash(template, composer.compose(retitled, "en", BulletinFixtures.NAMES)))
                .isNotEqualTo(hash);
        BulletinTemplate other = BulletinTemplate.parse(template.source() + "\nVersion {{version}}\n");
        assertThat(renderer.contentHash(other, content)).isNotEqualTo(hash);
    }

    @Test
    void theHtmlIsAStandalonePrintableDocumentWithItsDirectionAndEverythingEscaped() {
        Assessment withdrawn = BulletinFixtures.assessment("ar", ProductType.SITUATION_REPORT, AssessmentState.WITHDRAWN, 0);
        BulletinContent composed = composer.compose(withdrawn, "ar", BulletinFixtures.NAMES);
        java.util.Map<String, BulletinField> fields = new java.util.HashMap<>(composed.fields());
        fields.put("title", new BulletinField.Text("<script>alert('x')</script> & co"));
        BulletinContent content = new BulletinContent(composed.documentId(), composed.productType(), "ar",
                composed.banner(), fields);
        BulletinTemplate template = BulletinTemplates.defaultTemplate(ProductType.SITUATION_REPORT, "ar");
        String html = renderer.html(template, content);
        write("situation-report.withdrawn.ar.html", html.getBytes(java.nio.charset.StandardCharsets.UTF_8));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<html lang=\"ar\" dir=\"rtl\">");
        assertThat(html).doesNotContain("<script>", "<b>retracted")
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; co", "&lt;b&gt;retracted&lt;/b&gt;");
        assertThat(count(html, "SECRET // TLP:AMBER")).as("banner at the top and the bottom").isEqualTo(2);
        assertThat(html.indexOf("banner-top")).isLessThan(html.indexOf("<main>"));
        assertThat(html.lastIndexOf("banner-bottom")).isGreaterThan(html.indexOf("</main>"));
        assertThat(html).contains("مسحوب: سُحب هذا المنتج", content.documentId(),
                "sha256:" + renderer.contentHash(template, content), "<span class=\"mark\">(S)</span>");
        assertThat(html).as("a situation report has no matrix section").doesNotContain("الاحتمال:");
        assertThat(renderer.htmlContentSecurityPolicy()).startsWith("default-src 'none'; style-src 'sha256-");
        String english = renderer.html(BulletinTemplates.defaultTemplate(ProductType.PARTNER_ALERT, "en"),
                composer.compose(BulletinFixtures.assessment("en", ProductType.PARTNER_ALERT,
                        AssessmentState.DISSEMINATED, 0), "en", BulletinFixtures.NAMES));
        assertThat(english).contains("<html lang=\"en\" dir=\"ltr\">", "<h2>What to look for</h2>");
    }

    @Test
    void aWithdrawnProductSaysSoUnderItsTitleWhateverTheTemplate() throws Exception {
        Assessment withdrawn = BulletinFixtures.assessment("fr", ProductType.PARTNER_ALERT, AssessmentState.WITHDRAWN, 0);
        BulletinTemplate bare = BulletinTemplate.parse("{{title}}\n{{summary}}\n");
        byte[] pdf = renderer.pdf(bare, composer.compose(withdrawn, "fr", BulletinFixtures.NAMES));
        try (PDDocument document = Loader.loadPDF(pdf)) {
            assertThat(oneLine(new PDFTextStripper().getText(document)))
                    .contains("RETIRÉ : ce produit a été retiré", "Motif : Source <b>retracted</b>");
        }
    }

    private static void assertEveryFontEmbedded(PDDocument document) throws IOException {
        int fonts = 0;
        for (PDPage page : document.getPages()) {
            for (var name : page.getResources().getFontNames()) {
                PDFont font = page.getResources().getFont(name);
                assertThat(font.isEmbedded()).as(font.getName() + " embedded").isTrue();
                assertThat(font.getName()).contains("Amiri");
                fonts++;
            }
        }
        assertThat(fonts).isPositive();
    }

    /** pdftoppm renders the first page at 60 dpi; without it the test is skipped, on CI it fails. */
    private static Path pngOfFirstPage(Path pdf) throws Exception {
        if (!pdftoppmAvailable()) {
            if ("true".equalsIgnoreCase(System.getenv("CI"))) {
                fail("pdftoppm (poppler-utils) is required on CI to render bulletins to PNG");
            }
            Assumptions.abort("pdftoppm (poppler-utils) is not installed: the PNG rendering of bulletins is not checked");
        }
        String name = pdf.getFileName().toString().replaceAll("\\.pdf$", "");
        Path prefix = pdf.resolveSibling(name);
        Process p = new ProcessBuilder("pdftoppm", "-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile",
                pdf.toString(), prefix.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(output).isZero();
        Path png = pdf.resolveSibling(name + ".png");
        assertThat(png).exists();
        return png;
    }

    private static boolean pdftoppmAvailable() {
        try {
            Process p = new ProcessBuilder("pdftoppm", "-v").redirectErrorStream(true).start();
            p.getInputStream().readAllBytes();
            return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    private static int inkedPixels(BufferedImage image) {
        int inked = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (lum < 384) {
                    inked++;
                }
            }
        }
        return inked;
    }

    private static Path write(String name, byte[] bytes) {
        try {
            Files.createDirectories(ARTIFACTS);
            Path file = ARTIFACTS.resolve(name);
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String oneLine(String text) {
        return text.replaceAll("\\s+", " ").strip();
    }

    private static int count(String text, String what) {
        int n = 0;
        for (int i = text.indexOf(what); i >= 0; i = text.indexOf(what, i + what.length())) {
            n++;
        }
        return n;
    }
}
