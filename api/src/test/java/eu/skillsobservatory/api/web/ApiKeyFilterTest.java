package eu.skillsobservatory.api.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** Who may write, who may read. */
class ApiKeyFilterTest {
  static final String KEY = "a-valid-key";
  static final String OLD = "an-old-key";

  static ApiKeyFilter filter(boolean openReads) {
    return new ApiKeyFilter(
        List.of("ci:" + ApiKeyFilter.hash(KEY), "old:" + ApiKeyFilter.hash(OLD)),
        Set.of("old"),
        openReads);
  }

  static MockHttpServletResponse run(ApiKeyFilter f, MockHttpServletRequest r) throws Exception {
    MockHttpServletResponse response = new MockHttpServletResponse();
    MockFilterChain chain = new MockFilterChain();
    f.doFilter(r, response, chain);
    if (chain.getRequest() != null) {
      response.setStatus(200);
    }
    return response;
  }

  static MockHttpServletRequest post(String path, String key) {
    MockHttpServletRequest r = new MockHttpServletRequest("POST", path);
    if (key != null) {
      r.addHeader("X-API-Key", key);
    }
    return r;
  }

  @Test
  void writesNeedAValidUnrevokedKey() throws Exception {
    ApiKeyFilter f = filter(true);
    MockHttpServletResponse none = run(f, post("/api/offers", null));
    assertThat(none.getStatus()).isEqualTo(401);
    assertThat(none.getHeader("WWW-Authenticate")).isEqualTo("ApiKey");
    assertThat(none.getContentType()).startsWith("application/problem+json");
    assertThat(none.getContentAsString()).contains("urn:skills-observatory:problem:unauthorized");
    assertThat(run(f, post("/api/offers", "wrong")).getStatus()).isEqualTo(403);
    MockHttpServletResponse old = run(f, post("/api/vacancies", OLD));
    assertThat(old.getStatus()).isEqualTo(403);
    assertThat(old.getContentAsString()).contains("key-revoked");
    assertThat(run(f, post("/api/vacancies", KEY)).getStatus()).isEqualTo(200);
    MockHttpServletRequest bearer = post("/api/offers", null);
    bearer.addHeader("Authorization", "ApiKey " + KEY);
    assertThat(run(f, bearer).getStatus()).isEqualTo(200);
    MockHttpServletRequest delete = new MockHttpServletRequest("DELETE", "/api/offers/x/y");
    assertThat(run(f, delete).getStatus()).isEqualTo(401);
  }

  @Test
  void readsAndComputingPostsAreOpenUnlessClosed() throws Exception {
    ApiKeyFilter open = filter(true);
    assertThat(run(open, new MockHttpServletRequest("GET", "/api/vacancies/stats")).getStatus())
        .isEqualTo(200);
    assertThat(run(open, post("/api/extract", null)).getStatus()).isEqualTo(200);
    assertThat(run(open, post("/api/analytics/match", null)).getStatus()).isEqualTo(200);
    assertThat(run(open, post("/sparql", null)).getStatus()).isEqualTo(200);
    ApiKeyFilter closed = filter(false);
    assertThat(run(closed, new MockHttpServletRequest("GET", "/api/vacancies/stats")).getStatus())
        .isEqualTo(401);
    MockHttpServletRequest withKey = new MockHttpServletRequest("GET", "/api/vacancies/stats");
    withKey.addHeader("X-API-Key", KEY);
    assertThat(run(closed, withKey).getStatus()).isEqualTo(200);
  }

  @Test
  void withoutAnyKeyConfiguredWritesAreRefused() throws Exception {
    ApiKeyFilter none = new ApiKeyFilter(List.of(), Set.of(), true);
    MockHttpServletResponse r = run(none, post("/api/offers", "anything"));
    assertThat(r.getStatus()).isEqualTo(403);
    assertThat(r.getContentAsString()).contains("writes-disabled");
    assertThat(run(none, new MockHttpServletRequest("GET", "/api/offers/stats")).getStatus())
        .isEqualTo(200);
  }

  @Test
  void aMalformedKeySettingStopsTheStartNamingTheEntry() {
    assertThatThrownBy(() -> new ApiKeyFilter(List.of("ci:not-a-hash"), Set.of(), true))
        .hasMessageContaining("NAME:SHA256HEX")
        .hasMessageContaining("ci:not-a-hash");
  }
}
