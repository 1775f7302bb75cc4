package org.villagepoints.export;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.util.Arrays;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Hands bytes from the thread that writes a book to the HTTP response, which reads them on
 * its own thread. At most {@code capacity} chunks wait in between, so a slow client slows the
 * writer down instead of filling memory. Unlike java.io's piped streams it does not care
 * which pool threads read or write. A failure of the writer reaches the reader as an
 * IOException (the response is then cut off rather than ending as if complete, which is why
 * closing the sink does not end the stream: writers close it on failure too); a reader that
 * goes away makes the writer's next write fail, which ends the export and its transaction.
 */
final class BoundedPipe {

  private static final byte[] END = new byte[0];
  private final BlockingQueue<byte[]> chunks;
  private final long stallMillis;
  private volatile boolean readerGone;
  private volatile Throwable failure;

  /** {@code stallMillis}: how long the writer waits for a reader that stopped reading. */
  BoundedPipe(int capacity, long stallMillis) {
    this.chunks = new ArrayBlockingQueue<>(capacity);
    this.stallMillis = stallMillis;
  }

  OutputStream sink() {
    return new OutputStream() {
      private boolean closed;

      @Override
      public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
      }

      @Override
      public void write(byte[] b, int off, int len) throws IOException {
        if (closed) {
          throw new IOException("pipe closed");
        }
        if (len > 0) {
          put(Arrays.copyOfRange(b, off, off + len));
        }
      }

      /** Only stops writes: the end is signalled by {@link #complete()} or {@link #fail}. */
      @Override
      public void close() {
        closed = true;
      }
    };
  }

  /** Ends the stream normally; call only after everything was written. */
  void complete() throws IOException {
    put(END);
  }

  /** Ends the stream with an error: the reader gets an IOException instead of the end. */
  void fail(Throwable cause) {
    failure = cause;
    try {
      put(END);
    } catch (IOException ignored) {
      // the reader is gone or stalled: nobody is waiting for the end
    }
  }

  private void put(byte[] chunk) throws IOException {
    if (readerGone) {
      throw new IOException("the client closed the download");
    }
    long deadline = System.currentTimeMillis() + stallMillis;
    try {
      while (!chunks.offer(chunk, 200, TimeUnit.MILLISECONDS)) {
        if (readerGone) {
          throw new IOException("the client closed the download");
        }
        if (System.currentTimeMillis() > deadline) {
          throw new IOException("the client stopped reading");
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("export interrupted");
    }
  }

  InputStream source() {
    return new InputStream() {
      private byte[] current = new byte[0];
      private int pos;
      private boolean ended;

      @Override
      public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
          return 0;
        }
        while (pos >= current.length) {
          if (ended) {
            return -1;
          }
          byte[] chunk = take();
          if (chunk == END) {
            ended = true;
            if (failure != null) {
              throw new IOException("the export failed", failure);
            }
            return -1;
          }
          current = chunk;
          pos = 0;
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
      }

      @Override
      public void close() {
        readerGone = true;
        chunks.clear();
      }
    };
  }

  private byte[] take() throws IOException {
    try {
      return chunks.take();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("download interrupted");
    }
  }
}
