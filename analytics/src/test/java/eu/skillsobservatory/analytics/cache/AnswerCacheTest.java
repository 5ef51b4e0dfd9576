package eu.skillsobservatory.analytics.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class AnswerCacheTest {
  final AtomicReference<String> data = new AtomicReference<>("v1");
  final AtomicInteger computed = new AtomicInteger();

  String answer(String q) {
    computed.incrementAndGet();
    return q + "@" + data.get();
  }

  @Test
  void theSameQuestionOnTheSameDataIsComputedOnce() {
    AnswerCache cache = new AnswerCache(data::get, 1_000);
    for (int i = 0; i < 3; i++) {
      assertThat(cache.get("demand", List.of("C", 20), () -> answer("C"), a -> 1))
          .isEqualTo("C@v1");
    }
    // Another question, or the same one of another kind, is another answer.
    assertThat(cache.get("demand", List.of("C", 50), () -> answer("C50"), a -> 1))
        .isEqualTo("C50@v1");
    assertThat(cache.get("emerging", List.of("C", 20), () -> answer("E"), a -> 1))
        .isEqualTo("E@v1");
    // Nulls are values of a question too.
    cache.get("demand", Arrays.asList("C", null), () -> answer("n"), a -> 1);
    cache.get("demand", Arrays.asList("C", null), () -> answer("n"), a -> 1);
    assertThat(computed).hasValue(4);
    assertThat(cache.counts().hits()).isEqualTo(3);
  }

  @Test
  void anAnswerIsNeverGivenOnceTheDataMovedOn() {
    AnswerCache cache = new AnswerCache(data::get, 1_000);
    assertThat(cache.get("demand", List.of("C"), () -> answer("C"), a -> 1)).isEqualTo("C@v1");
    data.set("v2");
    assertThat(cache.get("demand", List.of("C"), () -> answer("C"), a -> 1)).isEqualTo("C@v2");
    assertThat(cache.counts().entries()).isEqualTo(1);
    // Back to a token seen before (a store emptied and filled again): computed again, not taken
    // from what the cache held under it.
    data.set("v1");
    assertThat(cache.get("demand", List.of("C"), () -> answer("C"), a -> 1)).isEqualTo("C@v1");
    assertThat(computed).hasValue(3);
  }

  @Test
  void callersAskingTogetherWaitForOneComputation() throws Exception {
    AnswerCache cache = new AnswerCache(data::get, 1_000);
    CountDownLatch started = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> answers =
          IntStream.range(0, 4)
              .mapToObj(
                  i ->
                      pool.submit(
                          () ->
                              cache.get(
                                  "gaps",
                                  List.of("C"),
                                  () -> {
                                    started.countDown();
                                    try {
                                      release.await(10, TimeUnit.SECONDS);
                                    } catch (InterruptedException e) {
                                      Thread.currentThread().interrupt();
                                    }
                                    return answer("C");
                                  },
                                  a -> 1)))
              .toList();
      assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();
      while (cache.counts().hits() + cache.counts().misses() < 4) {
        Thread.sleep(5);
      }
      release.countDown();
      for (Future<String> f : answers) {
        assertThat(f.get(10, TimeUnit.SECONDS)).isEqualTo("C@v1");
      }
      assertThat(computed).hasValue(1);
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aFailureIsNotKept() {
    AnswerCache cache = new AnswerCache(data::get, 1_000);
    assertThatThrownBy(
            () ->
                cache.get(
                    "match",
                    List.of("x"),
                    () -> {
                      throw new IllegalStateException("store down");
                    },
                    a -> 1))
        .hasMessage("store down");
    assertThat(cache.get("match", List.of("x"), () -> answer("x"), a -> 1)).isEqualTo("x@v1");
  }

  @Test
  void theLeastRecentlyUsedGoFirstAndHeavyAnswersAreNotKept() {
    AnswerCache cache = new AnswerCache(data::get, 100);
    cache.get("d", List.of(1), () -> answer("1"), a -> 10);
    cache.get("d", List.of(2), () -> answer("2"), a -> 10);
    for (int i = 3; i <= 11; i++) {
      int n = i;
      cache.get("d", List.of(1), () -> answer("1"), a -> 10);
      cache.get("d", List.of(n), () -> answer("" + n), a -> 10);
    }
    // 11 answers of 10 rows in a bound of 100: the one asked least lately (2) is gone, 1 is not.
    assertThat(cache.counts().weight()).isLessThanOrEqualTo(100);
    int before = computed.get();
    cache.get("d", List.of(1), () -> answer("1"), a -> 10);
    assertThat(computed).hasValue(before);
    cache.get("d", List.of(2), () -> answer("2"), a -> 10);
    assertThat(computed).hasValue(before + 1);
    // More than a tenth of the bound: given, not kept.
    cache.get("d", List.of("big"), () -> answer("big"), a -> 11);
    cache.get("d", List.of("big"), () -> answer("big"), a -> 11);
    assertThat(computed).hasValue(before + 3);
  }

  @Test
  void aBoundOfZeroKeepsNothing() {
    AnswerCache cache = new AnswerCache(data::get, 0);
    cache.get("d", List.of(1), () -> answer("1"), a -> 1);
    cache.get("d", List.of(1), () -> answer("1"), a -> 1);
    assertThat(computed).hasValue(2);
  }
}
