package org.villagepoints.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.villagepoints.support.TestImages;

/** The shared photo check decides the type from the first bytes, never from a file name. */
class PhotoUploadTest {

  private static String refusal(byte[] bytes, int max) {
    try {
      PhotoUpload.check(bytes, max);
      return "accepted";
    } catch (ApiException e) {
      assertThat(e.getMessage()).containsPattern("\\p{IsHan}");
      return e.code();
    }
  }

  @Test
  void jpegPngAndWebpAreRecognisedByTheirFirstBytes() {
    assertThat(PhotoUpload.check(TestImages.png(Color.RED), PhotoUpload.MB).contentType())
        .isEqualTo("image/png");
    assertThat(PhotoUpload.check(TestImages.jpeg(Color.RED), PhotoUpload.MB).contentType())
        .isEqualTo("image/jpeg");
    byte[] webp = "RIFF\0\0\0\0WEBPVP8 ....".getBytes(StandardCharsets.ISO_8859_1);
    assertThat(PhotoUpload.check(webp, PhotoUpload.MB).contentType()).isEqualTo("image/webp");
  }

  @Test
  void otherFilesAreRefusedWhateverTheyAreCalled() {
    assertThat(refusal("GIF89a......".getBytes(StandardCharsets.ISO_8859_1), PhotoUpload.MB))
        .isEqualTo("BAD_PHOTO");
    assertThat(refusal("RIFF\0\0\0\0WAVEfmt ".getBytes(StandardCharsets.ISO_8859_1),
        PhotoUpload.MB)).isEqualTo("BAD_PHOTO");
    assertThat(refusal("<html><script>".getBytes(StandardCharsets.UTF_8), PhotoUpload.MB))
        .isEqualTo("BAD_PHOTO");
    assertThat(refusal(new byte[] {(byte) 0xFF, (byte) 0xD8}, PhotoUpload.MB))
        .isEqualTo("BAD_PHOTO");
    assertThat(refusal(new byte[0], PhotoUpload.MB)).isEqualTo("BAD_PHOTO");
    assertThat(refusal(null, PhotoUpload.MB)).isEqualTo("BAD_PHOTO");
  }

  @Test
  void theLimitIsInclusiveAndNamedInMegabytes() {
    assertThat(refusal(TestImages.jpegOfSize(2 * PhotoUpload.MB), 2 * PhotoUpload.MB))
        .isEqualTo("accepted");
    assertThatThrownBy(() -> PhotoUpload.check(TestImages.jpegOfSize(2 * PhotoUpload.MB + 1),
        2 * PhotoUpload.MB)).hasMessage("照片太大：每张不超过 2 MB");
  }

  @Test
  void theVersionIsTheContentsSha256() {
    byte[] png = TestImages.png(Color.BLUE);
    assertThat(PhotoUpload.check(png, PhotoUpload.MB).sha256())
        .isEqualTo(PhotoUpload.check(png.clone(), PhotoUpload.MB).sha256()).hasSize(64)
        .isNotEqualTo(PhotoUpload.check(TestImages.png(Color.RED), PhotoUpload.MB).sha256());
  }
}
