package org.villagepoints.card;

import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import jakarta.inject.Singleton;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** One household card as a 300 dpi PNG (85.6 × 54 mm, the ID-1 card size). */
@Singleton
public class CardImage {

  static final int WIDTH = 1011;
  static final int HEIGHT = 638;
  private final ChineseFont fonts;
  private volatile Font base;

  CardImage(ChineseFont fonts) {
    this.fonts = fonts;
  }

  public byte[] png(PrintedCard card) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    try {
      g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING,
          RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      g.setColor(new Color(0xB71C1C));
      g.fillRect(0, 0, WIDTH, 110);
      g.setColor(Color.WHITE);
      g.setFont(font(52f));
      g.drawString(card.villageName() + " · 积分户卡", 40, 75);
      g.setColor(Color.BLACK);
      g.setFont(font(64f));
      g.drawString(card.headName(), 40, 230);
      g.setFont(font(44f));
      g.drawString("户号 " + card.householdCode(), 40, 320);
      g.drawString(card.groupName(), 40, 395);
      g.setFont(font(30f));
      g.setColor(Color.DARK_GRAY);
      g.drawString("卡号 " + card.serial(), 40, 560);
      BitMatrix qr = QrCodes.modules(card.payload());
      int scale = Math.max(1, 440 / qr.getWidth());
      BufferedImage code = MatrixToImageWriter.toBufferedImage(qr);
      int side = qr.getWidth() * scale;
      g.drawImage(code, WIDTH - side - 40, 140, side, side, null);
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private Font font(float size) {
    if (base == null) {
      try {
        base = Font.createFonts(fonts.path().toFile())[0];
      } catch (IOException | FontFormatException e) {
        throw new IllegalStateException("cannot load " + fonts.path(), e);
      }
    }
    return base.deriveFont(size);
  }
}
