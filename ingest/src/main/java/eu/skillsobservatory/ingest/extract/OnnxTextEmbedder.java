package eu.skillsobservatory.ingest.extract;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.LongBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A small sentence embedding model (quantized to 8 bits) run in-process by ONNX Runtime on the CPU,
 * texts embedded in batches: the model and tokenizer ship inside langchain4j's Maven artifacts,
 * nothing is downloaded. Unit length, the model's dimensions (384 for both).
 */
public final class OnnxTextEmbedder implements TextEmbedder, AutoCloseable {
  /**
   * The models on the classpath, each with its pooling. (e5-small-v2, also published, scored lower
   * alone and added nothing to these two: benchmarks.md.)
   */
  public enum Model {
    /** sentence-transformers/all-MiniLM-L6-v2: 6 layers, mean pooling, 384 dimensions. */
    ALL_MINILM_L6_V2_Q("all-minilm-l6-v2-q", false, 384),
    /** BAAI/bge-small-en-v1.5: 12 layers, the first token's vector, 384 dimensions. */
    BGE_SMALL_EN_V15_Q("bge-small-en-v1.5-q", true, 384);

    private final String id;
    private final boolean clsPooling;
    private final int dimension;

    Model(String id, boolean clsPooling, int dimension) {
      this.id = id;
      this.clsPooling = clsPooling;
      this.dimension = dimension;
    }

    public String id() {
      return id;
    }

    /** The model of this name ({@code all-minilm-l6-v2-q}...). */
    public static Model of(String id) {
      for (Model m : values()) {
        if (m.id.equals(id)) {
          return m;
        }
      }
      throw new IllegalArgumentException(
          "embedding model: '"
              + id
              + "' is not one of "
              + Arrays.stream(values()).map(Model::id).toList());
    }
  }

  /** Tokens per text at most; skill labels and sentences are far shorter. */
  private static final int MAX_TOKENS = 128;

  private static final int BATCH = 32;

  private static final float[][] NO_SPANS = new float[0][];
  private static final int[] NO_OFFSETS = new int[0];

  private final OrtEnvironment env;
  private final OrtSession session;
  private final HuggingFaceTokenizer tokenizer;
  private final boolean typeIds;
  private final Model model;

  /**
   * The native session and tokenizer must not be freed while a batch runs in them (a JVM crash in
   * native code, seen when a server stopped during its background warm-up): batches hold the read
   * lock, closing waits for the write lock.
   */
  private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();

  private boolean closed;

  public OnnxTextEmbedder(Model which, int threads) {
    this.model = which;
    try (InputStream model = resource("/" + which.id + ".onnx");
        InputStream vocabulary = resource("/" + which.id + "-tokenizer.json")) {
      env = OrtEnvironment.getEnvironment();
      OrtSession.SessionOptions options = new OrtSession.SessionOptions();
      options.setIntraOpNumThreads(threads);
      options.setInterOpNumThreads(1);
      // Idle pool threads would spin on the cores the vector search needs (and, with two models,
      // on each other's): they sleep instead.
      options.addConfigEntry("session.intra_op.allow_spinning", "0");
      session = env.createSession(model.readAllBytes(), options);
      typeIds = session.getInputNames().contains("token_type_ids");
      Map<String, String> settings = new HashMap<>();
      settings.put("padding", "false");
      settings.put("truncation", "true");
      settings.put("maxLength", String.valueOf(MAX_TOKENS));
      tokenizer = HuggingFaceTokenizer.newInstance(vocabulary, settings);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the embedding model", e);
    } catch (OrtException e) {
      throw new IllegalStateException("ONNX Runtime cannot load the embedding model", e);
    }
  }

  private static InputStream resource(String name) throws IOException {
    InputStream in = OnnxTextEmbedder.class.getResourceAsStream(name);
    if (in == null) {
      throw new IOException(
          name + " is not on the classpath (a langchain4j-embeddings-* artifact)");
    }
    return in;
  }

  @Override
  public String model() {
    return model.id;
  }

  @Override
  public int dimension() {
    return model.dimension;
  }

  @Override
  public float[][] embed(List<String> texts) {
    Read[] read = read(texts, false);
    float[][] out = new float[read.length][];
    for (int i = 0; i < read.length; i++) {
      out[i] = read[i].text();
    }
    return out;
  }

  /**
   * Each text's vector and its spans' vectors from the same pass of the model: a span's vector is
   * the mean of its tokens' states, each word as the text uses it (a word piece's state depends on
   * the whole text), whatever the model pools the text by.
   */
  @Override
  public List<Read> embedWithSpans(List<String> texts) {
    return List.of(read(texts, true));
  }

  private Read[] read(List<String> texts, boolean spans) {
    Read[] out = new Read[texts.size()];
    // Texts of similar length together: less padding in a batch.
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < texts.size(); i++) {
      order.add(i);
    }
    order.sort((a, b) -> Integer.compare(texts.get(a).length(), texts.get(b).length()));
    for (int from = 0; from < order.size(); from += BATCH) {
      List<Integer> batch = order.subList(from, Math.min(order.size(), from + BATCH));
      Read[] vectors = embedBatch(batch.stream().map(texts::get).toList(), spans);
      for (int i = 0; i < batch.size(); i++) {
        out[batch.get(i)] = vectors[i];
      }
    }
    return out;
  }

  private Read[] embedBatch(List<String> texts, boolean spans) {
    lock.readLock().lock();
    try {
      if (closed) {
        throw new IllegalStateException("the embedding model was closed");
      }
      return embedOpen(texts, spans);
    } finally {
      lock.readLock().unlock();
    }
  }

  private Read[] embedOpen(List<String> texts, boolean spans) {
    Encoding[] encodings = tokenizer.batchEncode(texts);
    int n = encodings.length;
    int length = 1;
    for (Encoding e : encodings) {
      length = Math.max(length, e.getIds().length);
    }
    long[] ids = new long[n * length];
    long[] mask = new long[n * length];
    long[] types = new long[n * length];
    for (int i = 0; i < n; i++) {
      long[] id = encodings[i].getIds();
      long[] m = encodings[i].getAttentionMask();
      long[] t = encodings[i].getTypeIds();
      System.arraycopy(id, 0, ids, i * length, id.length);
      System.arraycopy(m, 0, mask, i * length, m.length);
      System.arraycopy(t, 0, types, i * length, t.length);
    }
    long[] shape = {n, length};
    Map<String, OnnxTensor> inputs = new HashMap<>();
    try {
      inputs.put("input_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(ids), shape));
      inputs.put("attention_mask", OnnxTensor.createTensor(env, LongBuffer.wrap(mask), shape));
      if (typeIds) {
        inputs.put("token_type_ids", OnnxTensor.createTensor(env, LongBuffer.wrap(types), shape));
      }
      try (OrtSession.Result result = session.run(inputs)) {
        float[][][] hidden = (float[][][]) result.get(0).getValue();
        Read[] out = new Read[n];
        for (int i = 0; i < n; i++) {
          float[] text =
              model.clsPooling
                  ? unit(hidden[i][0].clone())
                  : meanPool(hidden[i], mask, i * length, length);
          out[i] =
              spans
                  ? TokenSpans.read(text, hidden[i], encodings[i], texts.get(i))
                  : new Read(text, NO_SPANS, NO_OFFSETS, NO_OFFSETS);
        }
        return out;
      }
    } catch (OrtException e) {
      throw new IllegalStateException("embedding failed: " + e.getMessage(), e);
    } finally {
      inputs.values().forEach(OnnxTensor::close);
    }
  }

  private static float[] meanPool(float[][] tokens, long[] mask, int offset, int length) {
    int dim = tokens[0].length;
    float[] v = new float[dim];
    int count = 0;
    for (int t = 0; t < length; t++) {
      if (mask[offset + t] == 1) {
        count++;
        for (int d = 0; d < dim; d++) {
          v[d] += tokens[t][d];
        }
      }
    }
    for (int d = 0; d < dim; d++) {
      v[d] /= Math.max(count, 1);
    }
    return unit(v);
  }

  static float[] unit(float[] v) {
    int dim = v.length;
    double norm = 0;
    for (int d = 0; d < dim; d++) {
      norm += v[d] * v[d];
    }
    float inv = (float) (1 / Math.max(Math.sqrt(norm), 1e-12));
    for (int d = 0; d < dim; d++) {
      v[d] *= inv;
    }
    return v;
  }

  @Override
  public void close() {
    lock.writeLock().lock();
    try {
      if (closed) {
        return;
      }
      closed = true;
      session.close();
      tokenizer.close();
    } catch (OrtException e) {
      throw new IllegalStateException(e);
    } finally {
      lock.writeLock().unlock();
    }
  }
}
