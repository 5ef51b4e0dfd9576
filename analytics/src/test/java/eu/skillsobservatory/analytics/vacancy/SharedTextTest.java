package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SharedTextTest {
  @Test
  void aLargeEmployersTextIsSharedAndItsJobsAreNot() {
    SharedText text = new SharedText();
    long[] company = {1, 2, 3, 4};
    boolean[] last = null;
    for (int i = 0; i < 6; i++) {
      last = text.learn("portal", "Acme GmbH", "job " + i, new long[] {1, 2, 3, 4, 100 + i});
    }
    assertThat(last).containsExactly(true, true, true, true, false);
    assertThat(text.learn("portal", "Other", "job", company)).containsOnly(false);
  }

  /**
   * Past the bound, counts are dropped, and what is kept leaves room: 3,000 employers each using
   * ten shingles under two titles (30,000 kept shingles in all, the bound 4,096) forget a few
   * times, not at every advert once the bound is reached (before: 2,594 times).
   */
  @Test
  void manyEmployersForgetAFewTimesNotAtEveryAdvert() {
    SharedText text = new SharedText(1 << 12);
    int employers = 3_000;
    for (int e = 0; e < employers; e++) {
      long[] shingles = new long[10];
      for (int k = 0; k < 10; k++) {
        shingles[k] = e * 10L + k + 1;
      }
      text.learn("portal", "Employer " + e, "welder", shingles);
      text.learn("portal", "Employer " + e, "fitter", shingles);
    }
    assertThat(text.forgets()).isBetween(1, 20);
    // The latest employers' text is still known as theirs.
    long[] latest = new long[10];
    for (int k = 0; k < 10; k++) {
      latest[k] = (employers - 1) * 10L + k + 1;
    }
    assertThat(text.learn("portal", "Employer " + (employers - 1), "welder", latest))
        .containsOnly(true);
  }
}
