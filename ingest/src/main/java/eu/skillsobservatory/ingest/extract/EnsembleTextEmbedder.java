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
    float[][] out = new float[texts.size()][dimension()];
    float share = (float) Math.sqrt(1.0 / models.size());
    int offset = 0;
    for (OnnxTextEmbedder m : models) {
      float[][] part = m.embed(texts);
      for (int i = 0; i < out.length; i++) {
        for (int d = 0; d < part[i].length; d++) {
          out[i][offset + d] = part[i][d] * share;
        }
      }
      offset += m.dimension();
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
    float share = (float) Math.sqrt(1.0 / models.size());
    List<Read> out = new ArrayList<>(texts.size());
    for (int i = 0; i < texts.size(); i++) {
      Read first = byModel.get(0).get(i);
      float[] text = new float[dimension()];
      List<float[]> spans = new ArrayList<>();
      List<Integer> kept = new ArrayList<>();
      for (int s = 0; s < first.spans().length; s++) {
        spans.add(new float[dimension()]);
        kept.add(s);
      }
      int offset = 0;
      for (int m = 0; m < models.size(); m++) {
        Read r = byModel.get(m).get(i);
        copy(r.text(), text, offset, share);
        Map<Long, Integer> at = new HashMap<>();
        for (int s = 0; s < r.spans().length; s++) {
          at.put(key(r.start()[s], r.end()[s]), s);
        }
        for (int j = 0; j < kept.size(); j++) {
          Integer s = kept.get(j);
          Integer mine = s == null ? null : at.get(key(first.start()[s], first.end()[s]));
          if (mine == null) {
            kept.set(j, null); // a span another model did not read
          } else {
            copy(r.spans()[mine], spans.get(j), offset, share);
          }
        }
        offset += models.get(m).dimension();
      }
      List<float[]> vectors = new ArrayList<>();
      List<Integer> starts = new ArrayList<>();
      List<Integer> ends = new ArrayList<>();
      for (int j = 0; j < kept.size(); j++) {
        if (kept.get(j) != null) {
          vectors.add(spans.get(j));
          starts.add(first.start()[kept.get(j)]);
          ends.add(first.end()[kept.get(j)]);
        }
      }
      out.add(
          new Read(
              text,
              vectors.toArray(new float[0][]),
              starts.stream().mapToInt(Integer::intValue).toArray(),
              ends.stream().mapToInt(Integer::intValue).toArray()));
    }
    return out;
  }

  private static long key(int start, int end) {
    return ((long) start << 32) | (end & 0xFFFFFFFFL);
  }

  private static void copy(float[] from, float[] to, int offset, float share) {
    for (int d = 0; d < from.length; d++) {
      to[offset + d] = from[d] * share;
    }
  }

  @Override
  public void close() {
    models.forEach(OnnxTextEmbedder::close);
  }
}
