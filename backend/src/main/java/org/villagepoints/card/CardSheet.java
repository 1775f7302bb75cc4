package org.villagepoints.card;

import com.google.zxing.common.BitMatrix;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.fontbox.ttf.TrueTypeCollection;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A4 sheets of household cards, 8 per page (2 × 4, each 85.6 × 54 mm with a light cut
 * line). The QR codes are drawn as vector squares, so they print sharp at any resolution.
 */
@Singleton
public class CardSheet {

  static final float MM = 72f / 25.4f;
  static final float CARD_W = 85.6f * MM;
  static final float CARD_H = 54f * MM;
  private final ChineseFont fonts;

  CardSheet(ChineseFont fonts) {
    this.fonts = fonts;
  }

  public void write(List<PrintedCard> cards, OutputStream out) {
    boolean isCollection = fonts.path().toString().endsWith(".ttc");
    try (PDDocument doc = new PDDocument();
        TrueTypeCollection collection = isCollection ? collection() : null) {
      PDFont font = isCollection ? PDType0Font.load(doc, first(collection), true)
          : PDType0Font.load(doc, fonts.path().toFile());
      float left = (PDRectangle.A4.getWidth() - 2 * CARD_W - 6 * MM) / 2;
      float top = PDRectangle.A4.getHeight() - 15 * MM;
      for (int start = 0; start < Math.max(1, cards.size()); start += 8) {
        PDPage page = new PDPage(PDRectangle.A4);
        doc.addPage(page);
        try (PDPageContentStream cs = new PDPageContentStream(doc, page)) {
          for (int i = start; i < Math.min(cards.size(), start + 8); i++) {
            int slot = i - start;
            float x = left + (slot % 2) * (CARD_W + 6 * MM);
            float y = top - (slot / 2 + 1) * CARD_H - (slot / 2) * 6 * MM;
            card(cs, font, cards.get(i), x, y);
          }
        }
      }
      doc.save(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void card(PDPageContentStream cs, PDFont font, PrintedCard c, float x, float y)
      throws IOException {
    cs.setStrokingColor(new Color(0xBBBBBB));
    cs.setLineWidth(0.5f);
    cs.addRect(x, y, CARD_W, CARD_H);
    cs.stroke();
    cs.setNonStrokingColor(new Color(0xB71C1C));
    cs.addRect(x, y + CARD_H - 9 * MM, CARD_W, 9 * MM);
    cs.fill();
    text(cs, font, 11, Color.WHITE, x + 3 * MM, y + CARD_H - 6.2f * MM,
        c.villageName() + " · 积分户卡");
    text(cs, font, 14, Color.BLACK, x + 3 * MM, y + CARD_H - 18 * MM, c.headName());
    text(cs, font, 10, Color.BLACK, x + 3 * MM, y + CARD_H - 26 * MM, "户号 " + c.householdCode());
    text(cs, font, 10, Color.BLACK, x + 3 * MM, y + CARD_H - 32 * MM, c.groupName());
    text(cs, font, 7, Color.DARK_GRAY, x + 3 * MM, y + 4 * MM, "卡号 " + c.serial());
    BitMatrix qr = QrCodes.modules(c.payload());
    float side = 38 * MM;
    float module = side / qr.getWidth();
    float qx = x + CARD_W - side - 2 * MM;
    float qy = y + 3 * MM;
    cs.setNonStrokingColor(Color.BLACK);
    for (int row = 0; row < qr.getHeight(); row++) {
      for (int col = 0; col < qr.getWidth(); col++) {
        if (qr.get(col, row)) {
          cs.addRect(qx + col * module, qy + side - (row + 1) * module, module, module);
        }
      }
    }
    cs.fill();
  }

  private static void text(PDPageContentStream cs, PDFont font, float size, Color color, float x,
      float y, String text) throws IOException {
    cs.setNonStrokingColor(color);
    cs.beginText();
    cs.setFont(font, size);
    cs.newLineAtOffset(x, y);
    cs.showText(text);
    cs.endText();
  }

  private TrueTypeCollection collection() throws IOException {
    return new TrueTypeCollection(fonts.path().toFile());
  }

  private static TrueTypeFont first(TrueTypeCollection collection) throws IOException {
    TrueTypeFont[] found = new TrueTypeFont[1];
    collection.processAllFonts(font -> {
      if (found[0] == null) {
        found[0] = font;
      }
    });
    return found[0];
  }
}
