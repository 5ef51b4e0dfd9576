package eu.skillsobservatory.analytics.extract;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.PriorityQueue;
import java.util.Random;

/**
 * Label vectors of the skills, quantized to one byte per dimension (a quarter of the memory of
 * floats, the same ranking to the third decimal) and grouped into clusters by k-means (an inverted
 * file): a query scores the cluster centres, then only the vectors of the closest clusters. An
 * exhaustive scan of 100,000 labels costs about 30 ms on one core here; probing a tenth of the
 * clusters, a tenth of that.
 */
public final class VectorIndex {
  /** Clusters probed per query, as a share of all clusters. */
  static final double PROBED = 0.12;

  /**
   * Skills re-scored on all dimensions after a scan on the first ones: five times the candidates
   * extraction takes, which kept the validation figures of the full scan (benchmarks.md).
   */
  public static final int RESCORED = 200;

  private final int dimension;
  private final byte[] data;
  private final float[] scale;
  private final int[] owner;
  private final int[] labelOf;
  private final int skills;
  private final float[] centroids;
  private final int[] clusterStart;
  private final int[][] vectorsOfSkill;

  /** A skill and its best cosine over its labels. */
  public record Scored(int skill, float cosine, int label) {}

  /** The stored form: vectors in cluster order, with their owners, labels and the clusters. */
  public record Parts(
      int dimension,
      byte[] data,
      float[] scale,
      int[] owner,
      int[] labels,
      float[] centroids,
      int[] clusterStart) {}

  /**
   * Quantizes and clusters the vectors.
   *
   * @param vectors unit vectors, one per label
   * @param owner for each vector, the skill it belongs to
   * @param labels for each vector, the label (in the skill table) it was made from
   * @param skills how many skills there are
   */
  public static VectorIndex build(float[][] vectors, int[] owner, int[] labels, int skills) {
    if (vectors.length != owner.length || owner.length != labels.length) {
      throw new IllegalArgumentException("one owner and one label per vector");
    }
    int n = vectors.length;
    int d = n == 0 ? 0 : vectors[0].length;
    int k = Math.max(1, (int) Math.round(Math.sqrt(n)));
    float[] centroids = kMeans(vectors, k, d);
    int[] cluster = new int[n];
    int[] size = new int[k];
    for (int i = 0; i < n; i++) {
      cluster[i] = nearest(vectors[i], centroids, k, d);
      size[cluster[i]]++;
    }
    int[] start = new int[k + 1];
    for (int c = 0; c < k; c++) {
      start[c + 1] = start[c] + size[c];
    }
    int[] fill = Arrays.copyOf(start, k);
    byte[] data = new byte[n * d];
    float[] scale = new float[n];
    int[] own = new int[n];
    int[] lab = new int[n];
    for (int i = 0; i < n; i++) {
      int at = fill[cluster[i]]++;
      float max = 1e-9f;
      for (float f : vectors[i]) {
        max = Math.max(max, Math.abs(f));
      }
      scale[at] = max / 127f;
      for (int j = 0; j < d; j++) {
        data[at * d + j] = (byte) Math.round(vectors[i][j] / scale[at]);
      }
      own[at] = owner[i];
      lab[at] = labels[i];
    }
    return new VectorIndex(new Parts(d, data, scale, own, lab, centroids, start), skills);
  }

  /** Restores an index from its stored form. */
  public VectorIndex(Parts p, int skills) {
    this.dimension = p.dimension();
    this.data = p.data();
    this.scale = p.scale();
    this.owner = p.owner();
    this.labelOf = p.labels();
    this.centroids = p.centroids();
    this.clusterStart = p.clusterStart();
    this.skills = skills;
    int[] count = new int[skills];
    for (int s : owner) {
      count[s]++;
    }
    vectorsOfSkill = new int[skills][];
    for (int s = 0; s < skills; s++) {
      vectorsOfSkill[s] = new int[count[s]];
    }
    Arrays.fill(count, 0);
    for (int v = 0; v < owner.length; v++) {
      vectorsOfSkill[owner[v]][count[owner[v]]++] = v;
    }
  }

  public Parts parts() {
    return new Parts(dimension, data, scale, owner, labelOf, centroids, clusterStart);
  }

  public int dimension() {
    return dimension;
  }

  public int size() {
    return owner.length;
  }

  /**
   * How many owners (skills, occupations) the vectors belong to: the length of a best-label array.
   */
  public int owners() {
    return skills;
  }

  /** The cosine of the query and one stored vector. */
  public float cosine(float[] query, int vector) {
    return dot(query, vector, dimension);
  }

  /** The dot product over the first {@code dimensions} of the query and one stored vector. */
  private float dot(float[] query, int vector, int dimensions) {
    int base = vector * dimension;
    float s0 = 0;
    float s1 = 0;
    float s2 = 0;
    float s3 = 0;
    int d = 0;
    for (; d + 3 < dimensions; d += 4) {
      s0 += query[d] * data[base + d];
      s1 += query[d + 1] * data[base + d + 1];
      s2 += query[d + 2] * data[base + d + 2];
      s3 += query[d + 3] * data[base + d + 3];
    }
    for (; d < dimensions; d++) {
      s0 += query[d] * data[base + d];
    }
    return (s0 + s1 + s2 + s3) * scale[vector];
  }

  /**
   * For every skill with a label in the clusters closest to the query, its best cosine (−1 for the
   * others); {@code bestLabel} receives the label that gave it.
   */
  public float[] bestPerSkill(float[] query, int[] bestLabel) {
    return bestPerSkill(query, bestLabel, dimension);
  }

  /**
   * As {@link #bestPerSkill(float[], int[])}, but the clusters are scanned on the first {@code
   * coarse} dimensions only (the first model of an ensemble, see {@link
   * TextEmbedder#coarseDimension()}); the {@link #RESCORED} skills closest there get their exact
   * cosine over all dimensions, the others −1. Half the dimensions, half the scan.
   */
  public float[] bestPerSkill(float[] query, int[] bestLabel, int coarse) {
    if (coarse < 1 || coarse > dimension) {
      throw new IllegalArgumentException(
          "coarse: 1 to " + dimension + " dimensions, not " + coarse);
    }
    float[] best = new float[skills];
    Arrays.fill(best, -1f);
    int k = clusterStart.length - 1;
    int probes = Math.min(k, Math.max(1, (int) Math.ceil(k * PROBED)));
    for (int c : closestClusters(query, probes)) {
      for (int v = clusterStart[c]; v < clusterStart[c + 1]; v++) {
        float cos = dot(query, v, coarse);
        int s = owner[v];
        if (cos > best[s]) {
          best[s] = cos;
          bestLabel[s] = labelOf[v];
        }
      }
    }
    if (coarse == dimension) {
      return best;
    }
    List<Scored> closest = top(best, bestLabel, RESCORED);
    Arrays.fill(best, -1f);
    for (Scored s : closest) {
      Scored exact = skill(query, s.skill());
      best[s.skill()] = exact.cosine();
      bestLabel[s.skill()] = exact.label();
    }
    return best;
  }

  /** The exact best cosine of one skill over all its labels, or −1 without vectors. */
  public Scored skill(float[] query, int skill) {
    float best = -1f;
    int label = -1;
    for (int v : vectorsOfSkill[skill]) {
      float cos = cosine(query, v);
      if (cos > best) {
        best = cos;
        label = labelOf[v];
      }
    }
    return new Scored(skill, best, label);
  }

  /**
   * The best cosine of one skill over all its labels and all the given vectors (the spans of a
   * text), or −1 without vectors: every pair is scored on the first {@code coarse} dimensions (the
   * first model of an ensemble), and the {@value #SPAN_PAIRS_RESCORED} best pairs there on all.
   */
  public float bestOfSpans(float[][] spans, int skill, int coarse) {
    if (coarse < 1 || coarse > dimension) {
      throw new IllegalArgumentException(
          "coarse: 1 to " + dimension + " dimensions, not " + coarse);
    }
    if (spans.length == 0 || vectorsOfSkill[skill].length == 0) {
      return -1f;
    }
    int[] pairLabel = new int[SPAN_PAIRS_RESCORED];
    int[] pairSpan = new int[SPAN_PAIRS_RESCORED];
    float[] pairScore = new float[SPAN_PAIRS_RESCORED];
    Arrays.fill(pairScore, Float.NEGATIVE_INFINITY);
    for (int v : vectorsOfSkill[skill]) {
      for (int s = 0; s < spans.length; s++) {
        float cos = dot(spans[s], v, coarse);
        int worst = 0;
        for (int p = 1; p < SPAN_PAIRS_RESCORED; p++) {
          if (pairScore[p] < pairScore[worst]) {
            worst = p;
          }
        }
        if (cos > pairScore[worst]) {
          pairScore[worst] = cos;
          pairLabel[worst] = v;
          pairSpan[worst] = s;
        }
      }
    }
    float best = -1f;
    for (int p = 0; p < SPAN_PAIRS_RESCORED; p++) {
      if (pairScore[p] > Float.NEGATIVE_INFINITY) {
        best =
            Math.max(
                best,
                coarse == dimension ? pairScore[p] : cosine(spans[pairSpan[p]], pairLabel[p]));
      }
    }
    return best;
  }

  /** Pairs of a label and a span given their cosine over all dimensions by {@link #bestOfSpans}. */
  static final int SPAN_PAIRS_RESCORED = 3;

  /** The {@code k} skills closest to the query, best first. */
  public List<Scored> top(float[] query, int k) {
    int[] label = new int[skills];
    return top(bestPerSkill(query, label), label, k);
  }

  /** The {@code k} best of the per-skill cosines {@link #bestPerSkill} gave, best first. */
  public static List<Scored> top(float[] best, int[] label, int k) {
    PriorityQueue<Scored> heap =
        new PriorityQueue<>(k + 1, (a, b) -> Float.compare(a.cosine(), b.cosine()));
    for (int s = 0; s < best.length; s++) {
      if (best[s] > -1f && (heap.size() < k || best[s] > heap.peek().cosine())) {
        heap.add(new Scored(s, best[s], label[s]));
        if (heap.size() > k) {
          heap.poll();
        }
      }
    }
    List<Scored> out = new ArrayList<>(heap);
    out.sort((a, b) -> Float.compare(b.cosine(), a.cosine()));
    return out;
  }

  private int[] closestClusters(float[] query, int probes) {
    int k = clusterStart.length - 1;
    float[] score = new float[k];
    Integer[] order = new Integer[k];
    for (int c = 0; c < k; c++) {
      float s = 0;
      for (int j = 0; j < dimension; j++) {
        s += query[j] * centroids[c * dimension + j];
      }
      score[c] = s;
      order[c] = c;
    }
    Arrays.sort(order, (a, b) -> Float.compare(score[b], score[a]));
    int[] out = new int[probes];
    for (int i = 0; i < probes; i++) {
      out[i] = order[i];
    }
    return out;
  }

  /** Spherical k-means, trained on a sample, seeded for the same clusters every time. */
  private static float[] kMeans(float[][] vectors, int k, int d) {
    int n = vectors.length;
    float[] centroids = new float[k * d];
    if (n == 0) {
      return centroids;
    }
    Random random = new Random(42);
    int sampleSize = Math.min(n, Math.max(k * 40, 1));
    int[] sample = new int[sampleSize];
    for (int i = 0; i < sampleSize; i++) {
      sample[i] = sampleSize == n ? i : random.nextInt(n);
    }
    for (int c = 0; c < k; c++) {
      System.arraycopy(vectors[sample[random.nextInt(sampleSize)]], 0, centroids, c * d, d);
    }
    int[] assigned = new int[sampleSize];
    for (int iteration = 0; iteration < 6; iteration++) {
      for (int i = 0; i < sampleSize; i++) {
        assigned[i] = nearest(vectors[sample[i]], centroids, k, d);
      }
      float[] sums = new float[k * d];
      int[] counts = new int[k];
      for (int i = 0; i < sampleSize; i++) {
        float[] v = vectors[sample[i]];
        int c = assigned[i];
        counts[c]++;
        for (int j = 0; j < d; j++) {
          sums[c * d + j] += v[j];
        }
      }
      for (int c = 0; c < k; c++) {
        if (counts[c] == 0) {
          // An empty cluster restarts at a random sample.
          System.arraycopy(vectors[sample[random.nextInt(sampleSize)]], 0, centroids, c * d, d);
          continue;
        }
        double norm = 0;
        for (int j = 0; j < d; j++) {
          norm += sums[c * d + j] * sums[c * d + j];
        }
        float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
        for (int j = 0; j < d; j++) {
          centroids[c * d + j] = sums[c * d + j] * inv;
        }
      }
    }
    return centroids;
  }

  private static int nearest(float[] v, float[] centroids, int k, int d) {
    int best = 0;
    float bestScore = Float.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      float s0 = 0;
      float s1 = 0;
      int base = c * d;
      int j = 0;
      for (; j + 1 < d; j += 2) {
        s0 += v[j] * centroids[base + j];
        s1 += v[j + 1] * centroids[base + j + 1];
      }
      for (; j < d; j++) {
        s0 += v[j] * centroids[base + j];
      }
      if (s0 + s1 > bestScore) {
        bestScore = s0 + s1;
        best = c;
      }
    }
    return best;
  }
}
