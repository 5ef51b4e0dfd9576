package eu.skillsobservatory.ingest.demand;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ParallelReadsTest {

  @Test
  void answersComeInTheOrderOfTheInputsWhateverOrderTheReadsEndIn() throws IOException {
    List<Integer> out =
        ParallelReads.map(
            List.of(30, 0, 20, 10),
            ms -> {
              sleep(ms);
              return ms * 2;
            });

    assertThat(out).containsExactly(60, 0, 40, 20);
  }

  @Test
  void twoReadsRunSideBySideEvenWithOneProcessorFree() throws IOException {
    // Each read waits for the other to have started: one after the other, both would time out.
    CountDownLatch started = new CountDownLatch(2);
    List<Boolean> met =
        ParallelReads.map(
            List.of("a", "b"),
            x -> {
              started.countDown();
              try {
                return started.await(10, TimeUnit.SECONDS);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
              }
            });

    assertThat(met).containsExactly(true, true);
  }

  @Test
  void bothGivesTwoAnswersOfDifferentKinds() throws IOException {
    ParallelReads.Both<String, Long> both = ParallelReads.both(() -> "months", () -> 24L);

    assertThat(both.first()).isEqualTo("months");
    assertThat(both.second()).isEqualTo(24L);
  }

  @Test
  void aFailedReadFailsTheAnswerOnlyAfterEveryOtherReadHasEnded() {
    AtomicInteger ended = new AtomicInteger();
    assertThatThrownBy(
            () ->
                ParallelReads.map(
                    List.of(0, 1, 2, 3),
                    i -> {
                      if (i == 1) {
                        throw new IOException("node gone");
                      }
                      sleep(50);
                      ended.incrementAndGet();
                      return i;
                    }))
        .isInstanceOf(IOException.class)
        .hasMessage("node gone");
    assertThat(ended).hasValue(3);
  }

  @Test
  void anUncheckedFailureIsThrownAsItself() {
    assertThatThrownBy(
            () ->
                ParallelReads.map(
                    List.of(0, 1),
                    i -> {
                      if (i == 0) {
                        throw new IllegalStateException("bad bucket");
                      }
                      return i;
                    }))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("bad bucket");
  }

  @Test
  void readsOfManyCallersAtOnceAllComplete() throws Exception {
    // More callers than pool threads: a read the pool has no thread for runs in its caller, none
    // is refused or left waiting.
    Thread[] callers = new Thread[Runtime.getRuntime().availableProcessors() + 4];
    AtomicInteger answers = new AtomicInteger();
    for (int c = 0; c < callers.length; c++) {
      callers[c] =
          new Thread(
              () -> {
                try {
                  List<Integer> out =
                      ParallelReads.map(
                          List.of(1, 2, 3, 4),
                          i -> {
                            sleep(20);
                            return i;
                          });
                  if (out.equals(List.of(1, 2, 3, 4))) {
                    answers.incrementAndGet();
                  }
                } catch (IOException e) {
                  throw new IllegalStateException(e);
                }
              },
              "caller-" + c);
      callers[c].start();
    }
    for (Thread t : callers) {
      t.join(10_000);
    }

    assertThat(answers).hasValue(callers.length);
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(ms);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
