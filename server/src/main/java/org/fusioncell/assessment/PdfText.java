package org.fusioncell.assessment;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.openpdf.text.Element;
import org.openpdf.text.Phrase;
import org.openpdf.text.Rectangle;
import org.openpdf.text.pdf.BaseFont;
import org.openpdf.text.pdf.ColumnText;
import org.openpdf.text.pdf.PdfPCell;
import org.openpdf.text.pdf.PdfWriter;

/**
 * The PDF text set-up of the platform's printed products (bulletins, evidence package summaries): the embedded
 * Amiri fonts, which cover Arabic, French and English, and a paragraph cell laid out right-to-left or
 * left-to-right with Arabic ligatures.
 */
public final class PdfText {

    /** OpenPDF's Arabic shaping: ligatures and composed tashkeel. */
    public static final int ARABIC = ColumnText.AR_LIG | ColumnText.AR_COMPOSEDTASHKEEL;

    private static final byte[] REGULAR = font("fonts/Amiri-Regular.ttf");
    private static final byte[] BOLD = font("fonts/Amiri-Bold.ttf");

    private PdfText() {
    }

    public static BaseFont regular() throws IOException {
        return BaseFont.createFont("Amiri-Regular.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, REGULAR, null);
    }

    public static BaseFont bold() throws IOException {
        return BaseFont.createFont("Amiri-Bold.ttf", BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false, BOLD, null);
    }

    /** A borderless paragraph cell in the direction of the text's language. */
    public static PdfPCell cell(Phrase phrase, boolean rtl) {
        PdfPCell cell = new PdfPCell(phrase);
        cell.setBorder(Rectangle.NO_BORDER);
        cell.setRunDirection(rtl ? PdfWriter.RUN_DIRECTION_RTL : PdfWriter.RUN_DIRECTION_LTR);
        cell.setArabicOptions(ARABIC);
        // the start of the line: OpenPDF swaps left and right in a right-to-left cell
        cell.setHorizontalAlignment(Element.ALIGN_LEFT);
        cell.setUseAscender(true);
        // Amiri's marks reach far above and below the line: give Arabic (and everything else) room
        cell.setLeading(0, 1.45f);
        cell.setPaddingLeft(0);
        cell.setPaddingRight(0);
        return cell;
    }

    private static byte[] font(String path) {
        try (InputStream in = PdfText.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("the font " + path + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
