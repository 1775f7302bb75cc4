package org.villagepoints.card;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.client.j2se.MatrixToImageWriter;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/** QR codes made by ZXing: error correction M, a quiet zone of 2 modules. */
public final class QrCodes {

  private QrCodes() {}

  /** One bit per module (no scaling): for vector drawing in PDFs. */
  public static BitMatrix modules(String payload) {
    try {
      return new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, 0, 0,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode QR payload", e);
    }
  }

  /** A PNG of at least {@code size} pixels square, scaled by whole modules. */
  public static byte[] png(String payload, int size) {
    try {
      BitMatrix m = new QRCodeWriter().encode(payload, BarcodeFormat.QR_CODE, size, size,
          Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
              EncodeHintType.MARGIN, 2, EncodeHintType.CHARACTER_SET, "UTF-8"));
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      MatrixToImageWriter.writeToStream(m, "PNG", out);
      return out.toByteArray();
    } catch (WriterException e) {
      throw new IllegalArgumentException("cannot encode QR payload", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
