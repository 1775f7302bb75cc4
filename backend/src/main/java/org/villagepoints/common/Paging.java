package org.villagepoints.common;

/** Validated page and size from query parameters: page ≥ 0, 1 ≤ size ≤ 200 (default 20). */
public record Paging(int page, int size) {

  public static final int MAX_SIZE = 200;

  public static Paging of(Integer page, Integer size) {
    int p = page == null ? 0 : page;
    int s = size == null ? 20 : size;
    if (p < 0 || s < 1 || s > MAX_SIZE) {
      throw ApiException.badRequest("BAD_PAGE", "分页参数有误：page 不能小于 0，size 应在 1 到 200 之间");
    }
    return new Paging(p, s);
  }

  public long offset() {
    return (long) page * size;
  }
}
