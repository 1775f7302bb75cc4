package org.villagepoints.support;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Arrays;
import javax.imageio.ImageIO;

/** Real image files drawn in memory, for upload tests. */
public final class TestImages {

  private TestImages() {}

  public static byte[] png(Color color) {
    return draw("png", color);
  }

  public static byte[] jpeg(Color color) {
    return draw("jpg", color);
  }

  /** A real JPEG followed by zeros up to {@code size} bytes (still a JPEG by its first bytes). */
  public static byte[] jpegOfSize(int size) {
    return Arrays.copyOf(jpeg(Color.GRAY), size);
  }

  private static byte[] draw(String format, Color color) {
    BufferedImage image = new BufferedImage(40, 30, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setColor(color);
    g.fillRect(0, 0, 40, 30);
    g.setColor(Color.WHITE);
    g.fillOval(10, 5, 20, 20);
    g.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, format, out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }
}
