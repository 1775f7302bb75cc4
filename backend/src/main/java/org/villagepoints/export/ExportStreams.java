package org.villagepoints.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.io.BufferedOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns a book into a streamed HTTP response. Micronaut buffers a {@code Writable} body
 * whole, but streams an {@code InputStream} body chunk by chunk as it is read; so the book is
 * written on a thread of the small {@code export} pool into a {@link BoundedPipe} whose other
 * end is the response body. The pool's size caps concurrent exports (each holds one database
 * connection while it runs).
 */
@Singleton
class ExportStreams {

  /** Chunks (of up to {@link #CHUNK_BYTES}) the client may lag behind before the writer waits. */
  static final int PIPE_CHUNKS = 16;
  static final int CHUNK_BYTES = 64 * 1024;
  static final long STALL_MILLIS = 10 * 60_000;
  static final String ROWS_HEADER = "X-Export-Rows";
  private static final Logger LOG = LoggerFactory.getLogger(ExportStreams.class);
  private final ExecutorService executor;

  ExportStreams(@Named("export") ExecutorService executor) {
    this.executor = executor;
  }

  @FunctionalInterface
  interface Producer {
    void writeTo(OutputStream out) throws Exception;
  }

  HttpResponse<InputStream> stream(SheetWriter.Format format, String fileName,
      String asciiName, long rows, Producer producer) {
    BoundedPipe pipe = new BoundedPipe(PIPE_CHUNKS, STALL_MILLIS);
    try {
      executor.execute(() -> {
        try {
          OutputStream out = new BufferedOutputStream(pipe.sink(), CHUNK_BYTES);
          producer.writeTo(out);
          out.flush();
          pipe.complete();
        } catch (Throwable e) {
          LOG.warn("Export {} stopped: {}", asciiName, e.toString());
          pipe.fail(e);
        }
      });
    } catch (RejectedExecutionException e) {
      pipe.fail(e);
    }
    return HttpResponse.ok(pipe.source())
        .contentType(format.contentType)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment(fileName, asciiName))
        .header(HttpHeaders.CACHE_CONTROL, "no-store")
        .header(ROWS_HEADER, Long.toString(rows));
  }
}
