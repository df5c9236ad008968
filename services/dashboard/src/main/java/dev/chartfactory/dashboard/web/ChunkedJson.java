package dev.chartfactory.dashboard.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import tools.jackson.databind.json.JsonMapper;

/**
 * A serialised JSON body kept as 128 KiB pieces rather than one array: the pod list of a large
 * namespace runs to megabytes, and one array that size is a "humongous" allocation for G1.
 */
final class ChunkedJson {

  private static final int CHUNK = 128 * 1024;

  private final List<byte[]> chunks;
  private final long length;

  private ChunkedJson(List<byte[]> chunks, long length) {
    this.chunks = List.copyOf(chunks);
    this.length = length;
  }

  static ChunkedJson of(JsonMapper mapper, Object value) {
    Collector out = new Collector();
    mapper.writeValue(out, value);
    out.finish();
    return new ChunkedJson(out.chunks, out.length);
  }

  long length() {
    return length;
  }

  void writeTo(OutputStream out) throws IOException {
    for (byte[] chunk : chunks) {
      out.write(chunk);
    }
  }

  private static final class Collector extends OutputStream {
    final List<byte[]> chunks = new ArrayList<>();
    byte[] current = new byte[CHUNK];
    int used;
    long length;

    @Override
    public void write(int b) {
      if (used == current.length) {
        chunks.add(current);
        current = new byte[CHUNK];
        used = 0;
      }
      current[used++] = (byte) b;
      length++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      while (len > 0) {
        if (used == current.length) {
          chunks.add(current);
          current = new byte[CHUNK];
          used = 0;
        }
        int n = Math.min(len, current.length - used);
        System.arraycopy(b, off, current, used, n);
        used += n;
        off += n;
        len -= n;
        length += n;
      }
    }

    void finish() {
      byte[] last = new byte[used];
      System.arraycopy(current, 0, last, 0, used);
      chunks.add(last);
    }
  }
}
