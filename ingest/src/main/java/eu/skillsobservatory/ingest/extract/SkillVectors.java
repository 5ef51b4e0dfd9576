package eu.skillsobservatory.ingest.extract;

import eu.skillsobservatory.analytics.extract.LabelKind;
import eu.skillsobservatory.analytics.extract.SkillLabel;
import eu.skillsobservatory.analytics.extract.SkillTable;
import eu.skillsobservatory.analytics.extract.SkillVectorCache;
import eu.skillsobservatory.analytics.extract.TextEmbedder;
import eu.skillsobservatory.analytics.extract.VectorIndex;
import eu.skillsobservatory.analytics.progress.Progress;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The label vectors of one ESCO version, computed once and kept in a file under the home: each
 * preferred and alternative label in the model's language gets its own vector. The file carries a
 * digest of the model and the labels, so a reload of the version with other labels, or another
 * model, computes them again instead of using stale vectors.
 */
public final class SkillVectors {
  private static final Logger LOG = LoggerFactory.getLogger(SkillVectors.class);
  private static final int MAGIC = 0x534f5632; // "SOV2"
  private static final int CHUNK = 512;

  private SkillVectors() {}

  /** The vectors kept as files in {@code dir}. */
  public static SkillVectorCache cache(Path dir) {
    return new SkillVectorCache() {
      @Override
      public VectorIndex vectors(
          String name,
          SkillTable table,
          TextEmbedder embedder,
          String language,
          Progress progress) {
        return load(dir, name, table, embedder, language, progress);
      }

      @Override
      public VectorIndex vectors(
          String name,
          List<String> texts,
          int[] owner,
          int owners,
          TextEmbedder embedder,
          Progress progress) {
        return load(
            dir, name, new Labels("labels", texts, owner, null, owners), embedder, progress);
      }
    };
  }

  /**
   * Texts to embed: the vector of {@code texts[i]} belongs to {@code owner[i]} and records label id
   * {@code ids[i]} ({@code i} when ids is null).
   */
  record Labels(String what, List<String> texts, int[] owner, int[] ids, int owners) {
    Labels {
      if (texts.size() != owner.length || (ids != null && ids.length != owner.length)) {
        throw new IllegalArgumentException("one owner and one id per label");
      }
    }

    int id(int i) {
      return ids == null ? i : ids[i];
    }
  }

  /** The labels that get vectors. */
  static List<Integer> labelsToEmbed(SkillTable table, String language) {
    List<Integer> ids = new ArrayList<>();
    for (int id = 0; id < table.labelCount(); id++) {
      SkillLabel l = table.label(id);
      if (l.language().equals(language) && l.kind() != LabelKind.HIDDEN) {
        ids.add(id);
      }
    }
    return ids;
  }

  /**
   * Reads the vectors of {@code name} from {@code dir}, or computes and writes them.
   *
   * @param name the file name's stem, e.g. the ESCO version
   */
  public static VectorIndex load(
      Path dir,
      String name,
      SkillTable table,
      TextEmbedder embedder,
      String language,
      Progress progress) {
    List<Integer> ids = labelsToEmbed(table, language);
    return load(
        dir,
        name + "-" + embedder.model() + "-" + language,
        skillLabels(table, ids),
        embedder,
        progress);
  }

  static Labels skillLabels(SkillTable table, List<Integer> ids) {
    List<String> texts = new ArrayList<>(ids.size());
    int[] owner = new int[ids.size()];
    int[] labelIds = new int[ids.size()];
    for (int i = 0; i < ids.size(); i++) {
      SkillLabel l = table.label(ids.get(i));
      texts.add(l.label());
      owner[i] = table.skillOf(ids.get(i));
      labelIds[i] = ids.get(i);
    }
    return new Labels("ESCO skill labels", texts, owner, labelIds, table.size());
  }

  private static VectorIndex load(
      Path dir, String stem, Labels labels, TextEmbedder embedder, Progress progress) {
    String digest = digest(embedder, labels);
    Path file = dir.resolve(stem + ".vectors");
    if (Files.exists(file)) {
      try {
        VectorIndex index = read(file, digest, labels.owners());
        if (index != null) {
          return index;
        }
        LOG.info("{} was made from other labels or another model; computing again", file);
      } catch (IOException e) {
        LOG.warn("{} cannot be read ({}); computing again", file, e.getMessage());
      }
    }
    VectorIndex index = compute(labels, embedder, progress);
    try {
      write(file, digest, index);
    } catch (IOException e) {
      LOG.warn("cannot keep the label vectors in {}: {}", file, e.getMessage());
    }
    return index;
  }

  static VectorIndex compute(Labels labels, TextEmbedder embedder, Progress progress) {
    int n = labels.texts().size();
    float[][] vectors = new float[n][];
    int[] ids = new int[n];
    progress.start("Embedding " + labels.what() + " (" + embedder.model() + ")", "labels", n);
    // Chunks on every core at once: a model session runs each on one thread.
    int threads = Math.max(1, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<float[][]>> chunks = new ArrayList<>();
      for (int from = 0; from < n; from += CHUNK) {
        List<String> texts = labels.texts().subList(from, Math.min(n, from + CHUNK));
        chunks.add(pool.submit(() -> embedder.embed(texts)));
      }
      int from = 0;
      for (Future<float[][]> chunk : chunks) {
        float[][] v = chunk.get();
        for (int i = 0; i < v.length; i++) {
          vectors[from + i] = v[i];
          ids[from + i] = labels.id(from + i);
        }
        from += v.length;
        progress.advance(from, from);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while embedding the " + labels.what(), e);
    } catch (ExecutionException e) {
      throw e.getCause() instanceof RuntimeException r
          ? r
          : new IllegalStateException(e.getCause());
    } finally {
      pool.shutdownNow();
    }
    progress.finish(String.format(Locale.ROOT, "%,d label vectors; clustering them", n));
    return VectorIndex.build(vectors, labels.owner(), ids, labels.owners());
  }

  private static String digest(TextEmbedder embedder, Labels labels) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      md.update(
          (embedder.model() + "\n" + embedder.dimension() + "\n").getBytes(StandardCharsets.UTF_8));
      for (int i = 0; i < labels.texts().size(); i++) {
        md.update(
            (labels.owner()[i] + "\t" + labels.texts().get(i) + "\n")
                .getBytes(StandardCharsets.UTF_8));
      }
      return HexFormat.of().formatHex(md.digest());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void write(Path file, String digest, VectorIndex index) throws IOException {
    Files.createDirectories(file.getParent());
    Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
    VectorIndex.Parts p = index.parts();
    try (DataOutputStream out =
        new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp), 1 << 20))) {
      out.writeInt(MAGIC);
      out.writeUTF(digest);
      out.writeInt(p.dimension());
      out.writeInt(p.owner().length);
      for (int i = 0; i < p.owner().length; i++) {
        out.writeFloat(p.scale()[i]);
        out.writeInt(p.owner()[i]);
        out.writeInt(p.labels()[i]);
      }
      out.write(p.data());
      out.writeInt(p.clusterStart().length);
      for (int c : p.clusterStart()) {
        out.writeInt(c);
      }
      for (float f : p.centroids()) {
        out.writeFloat(f);
      }
    }
    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
  }

  /** The index in the file, or null when it was made for other labels. */
  private static VectorIndex read(Path file, String digest, int skills) throws IOException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(file), 1 << 20))) {
      if (in.readInt() != MAGIC) {
        throw new IOException("not a label vector file");
      }
      if (!Objects.equals(in.readUTF(), digest)) {
        return null;
      }
      int dimension = in.readInt();
      int n = in.readInt();
      float[] scale = new float[n];
      int[] owner = new int[n];
      int[] labels = new int[n];
      for (int i = 0; i < n; i++) {
        scale[i] = in.readFloat();
        owner[i] = in.readInt();
        labels[i] = in.readInt();
      }
      byte[] data = new byte[n * dimension];
      in.readFully(data);
      int[] clusterStart = new int[in.readInt()];
      for (int c = 0; c < clusterStart.length; c++) {
        clusterStart[c] = in.readInt();
      }
      float[] centroids = new float[(clusterStart.length - 1) * dimension];
      for (int i = 0; i < centroids.length; i++) {
        centroids[i] = in.readFloat();
      }
      return new VectorIndex(
          new VectorIndex.Parts(dimension, data, scale, owner, labels, centroids, clusterStart),
          skills);
    } catch (EOFException e) {
      throw new IOException("the file is cut short", e);
    }
  }
}
