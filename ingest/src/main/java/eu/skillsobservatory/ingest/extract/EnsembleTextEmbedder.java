package eu.skillsobservatory.ingest.extract;

import eu.skillsobservatory.analytics.extract.TextEmbedder;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Several models as one: each text's vectors side by side, each scaled by 1/sqrt(n), so that the
 * dot product of two such vectors is the mean of the models' cosines. Small models differ in what
 * they get wrong: all-MiniLM-L6-v2 and bge-small-en-v1.5 together rank ESCO skills about five
 * points of RP@5 better, held out, than either alone (benchmarks.md). The first model's dimensions
 * choose the candidates of a vector search ({@link #coarseDimension()}).
 */
public final class EnsembleTextEmbedder implements TextEmbedder, AutoCloseable {
  private final List<OnnxTextEmbedder> models;

  public EnsembleTextEmbedder(List<OnnxTextEmbedder> models) {
    if (models.isEmpty()) {
      throw new IllegalArgumentException("an ensemble needs a model");
    }
    this.models = List.copyOf(models);
  }

  @Override
  public String model() {
    return String.join("+", models.stream().map(OnnxTextEmbedder::model).toList());
  }

  @Override
  public int dimension() {
    return models.stream().mapToInt(OnnxTextEmbedder::dimension).sum();
  }

  @Override
  public int coarseDimension() {
    return models.get(0).dimension();
  }

  @Override
  public float[][] embed(List<String> texts) {
    List<float[][]> byModel = new ArrayList<>();
    for (OnnxTextEmbedder m : models) {
      byModel.add(m.embed(texts));
    }
    float[][] out = new float[texts.size()][];
    for (int i = 0; i < out.length; i++) {
      int text = i;
      out[i] = sideBySide(byModel.stream().map(v -> v[text]).toList());
    }
    return out;
  }

  /**
   * Each model's spans, joined where every model read the same span (the same characters of the
   * text): its vector is the models' vectors side by side, as in {@link #embed}.
   */
  @Override
  public List<Read> embedWithSpans(List<String> texts) {
    List<List<Read>> byModel = new ArrayList<>();
    for (OnnxTextEmbedder m : models) {
      byModel.add(m.embedWithSpans(texts));
    }
    List<Read> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      int text = i;
      List<Read> reads = byModel.stream().map(r -> r.get(text)).toList();
      // Where each model read each span: a span's start and end, to its place in the model's read.
      List<Map<Long, Integer>> at = new ArrayList<>();
      for (Read r : reads) {
        Map<Long, Integer> spans = new HashMap<>();
        for (int s = 0; s < r.spans().length; s++) {
          spans.put(key(r.start()[s], r.end()[s]), s);
        }
        at.add(spans);
      }
      Read first = reads.get(0);
      List<float[]> vectors = new ArrayList<>();
      List<Integer> kept = new ArrayList<>();
      for (int s = 0; s < first.spans().length; s++) {
        long key = key(first.start()[s], first.end()[s]);
        List<float[]> parts = new ArrayList<>();
        for (int m = 0; m < reads.size(); m++) {
          Integer mine = at.get(m).get(key);
          if (mine == null) {
            break; // a span another model did not read
          }
          parts.add(reads.get(m).spans()[mine]);
        }
        if (parts.size() == reads.size()) {
          vectors.add(sideBySide(parts));
          kept.add(s);
        }
      }
      out.add(
          new Read(
              sideBySide(reads.stream().map(Read::text).toList()),
              vectors.toArray(new float[0][]),
              kept.stream().mapToInt(s -> first.start()[s]).toArray(),
              kept.stream().mapToInt(s -> first.end()[s]).toArray()));
    }
    return out;
  }

  /** The models' vectors of one text side by side, each scaled so that the whole is unit length. */
  private float[] sideBySide(List<float[]> parts) {
    float share = (float) Math.sqrt(1.0 / models.size());
    float[] out = new float[dimension()];
    int offset = 0;
    for (float[] part : parts) {
      for (int d = 0; d < part.length; d++) {
        out[offset + d] = part[d] * share;
      }
      offset += part.length;
    }
    return out;
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  @Override
  public void close() {
    models.forEach(OnnxTextEmbedder::close);
  }
}
