package org.villagepoints.card;

import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.villagepoints.common.ApiException;

/**
 * Finds a font with Chinese glyphs for cards: {@code VP_CJK_FONT}, else Debian's WenQuanYi
 * (package fonts-wqy-microhei, installed by the deploy scripts) or other common CJK fonts.
 * PDF text needs TrueType outlines, so CFF-based OpenType fonts are not used.
 */
@Singleton
public class ChineseFont {

  static final List<String> CANDIDATES = List.of(
      "/usr/share/fonts/truetype/wqy/wqy-microhei.ttc",
      "/usr/share/fonts/truetype/wqy/wqy-zenhei.ttc",
      "/usr/share/fonts/truetype/arphic/uming.ttc",
      "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf");

  private final Optional<Path> path;

  ChineseFont(@Nullable @Value("${vp.cjk-font:}") String configured) {
    this.path = Stream.concat(
            Stream.ofNullable(configured).filter(s -> !s.isBlank()), CANDIDATES.stream())
        .map(Path::of).filter(Files::isReadable).findFirst();
  }

  public Path path() {
    return path.orElseThrow(() -> new ApiException(
        io.micronaut.http.HttpStatus.SERVICE_UNAVAILABLE, "CJK_FONT_MISSING",
        "服务器缺少中文字体，无法生成户卡：请安装 fonts-wqy-microhei 或设置 VP_CJK_FONT"));
  }
}
