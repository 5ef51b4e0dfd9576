package eu.skillsobservatory.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Closing the model while another thread embeds (a server stopping during its warm-up). */
class OnnxTextEmbedderCloseTest {
  @Test
  void closingWhileABatchRunsWaitsForItAndLaterCallsAreRefused() throws Exception {
    OnnxTextEmbedder embedder = new OnnxTextEmbedder(OnnxTextEmbedder.Model.ALL_MINILM_L6_V2_Q, 1);
    List<String> texts = new ArrayList<>();
    for (int i = 0; i < 2_000; i++) {
      texts.add("operate metal drawing machines and inspect the wire number " + i);
    }
    CountDownLatch started = new CountDownLatch(1);
    CompletableFuture<Object> running =
        CompletableFuture.supplyAsync(
            () -> {
              started.countDown();
              try {
                for (int round = 0; round < 20; round++) {
                  embedder.embed(texts);
                }
                return "done";
              } catch (IllegalStateException e) {
                return e;
              }
            });
    assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
    Thread.sleep(300);
    embedder.close();
    // The JVM is still here: the batch in flight finished before the native session was freed,
    // and the next one was refused.
    Object outcome = running.get(60, TimeUnit.SECONDS);
    assertThat(outcome).isInstanceOf(IllegalStateException.class);
    assertThat(((IllegalStateException) outcome).getMessage()).contains("closed");
    assertThatThrownBy(() -> embedder.embed(List.of("weld"))).hasMessageContaining("closed");
    embedder.close();
  }
}
