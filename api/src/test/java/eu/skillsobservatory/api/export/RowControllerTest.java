package eu.skillsobservatory.api.export;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.startsWith;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.demand.Slice;
import eu.skillsobservatory.analytics.export.OfferRow;
import eu.skillsobservatory.analytics.export.RowExport;
import eu.skillsobservatory.analytics.export.SkillOut;
import eu.skillsobservatory.analytics.export.VacancyRow;
import eu.skillsobservatory.analytics.offer.OfferFilter;
import eu.skillsobservatory.api.config.JsonConfiguration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Row-level reads over HTTP: the slice and page parameters handed to the export as asked, the next
 * page announced in the body and in a Link header that keeps the query, a row not held a 404, the
 * same rows as CSV. The paging itself is tested in the core and in {@code RowsApiIT}.
 */
@WebMvcTest(RowController.class)
@Import(JsonConfiguration.class)
class RowControllerTest {
  static final String SKILL = "http://data.europa.eu/esco/skill/python";

  @Autowired MockMvc mvc;
  @MockitoBean RowExport rows;

  static VacancyRow vacancy(String id) {
    return new VacancyRow(
        "board",
        id,
        "2024-03-01",
        "DE",
        "DE1",
        "62.01",
        "J",
        "Python Developer",
        "You will write Python.",
        "Acme",
        "en",
        false,
        new VacancyRow.Occupation(null, null, null, "none", null, null, false),
        List.of(new SkillOut(SKILL, "Python", "extracted", 0.9, "description", 14, 20, "Python")),
        false,
        null,
        new VacancyRow.Provenance("adverts", false, "run-1", "2024-03-02T00:00:00Z", "v1.1.1"));
  }

  @Test
  void aPageOfASliceSaysItsNextInTheBodyAndInALinkThatKeepsTheQuery() throws Exception {
    when(rows.vacancies(any(), any(), anyInt()))
        .thenReturn(new RowExport.Page<>(List.of(vacancy("v1")), Optional.of("c2")));
    // In the URL, as a client sends them: the Link is built from the request's query.
    mvc.perform(get("/api/vacancies?sector=J&includeDuplicates=false&limit=1&cursor=c1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.rows[0].id").value("v1"))
        .andExpect(jsonPath("$.rows[0].skills[0].uri").value(SKILL))
        .andExpect(jsonPath("$.next").value("c2"))
        .andExpect(header().string("Link", endsWith("cursor=c2>; rel=\"next\"")))
        .andExpect(header().string("Link", containsString("sector=J")));
    ArgumentCaptor<Slice> slice = ArgumentCaptor.forClass(Slice.class);
    verify(rows).vacancies(slice.capture(), eq(Optional.of("c1")), eq(1));
    assertThat(slice.getValue().sector()).contains("J");
    assertThat(slice.getValue().includeDuplicates()).isFalse();
  }

  @Test
  void theLastPageHasNoLinkAndDuplicatesAreIncludedUnlessRefused() throws Exception {
    when(rows.vacancies(any(), any(), anyInt()))
        .thenReturn(new RowExport.Page<>(List.of(vacancy("v9")), Optional.empty()));
    mvc.perform(get("/api/vacancies"))
        .andExpect(status().isOk())
        .andExpect(header().doesNotExist("Link"))
        .andExpect(jsonPath("$.next").doesNotExist());
    ArgumentCaptor<Slice> slice = ArgumentCaptor.forClass(Slice.class);
    verify(rows).vacancies(slice.capture(), eq(Optional.empty()), eq(RowExport.DEFAULT_LIMIT));
    assertThat(slice.getValue().includeDuplicates()).isTrue();
  }

  @Test
  void aRowHeldIsAnsweredAsJsonOrCsvAndOneNotHeldIs404() throws Exception {
    when(rows.vacancy("board", "v1")).thenReturn(Optional.of(vacancy("v1")));
    mvc.perform(get("/api/vacancies/board/v1"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.provenance.dataset").value("adverts"));
    mvc.perform(get("/api/vacancies/board/v1").param("format", "csv"))
        .andExpect(status().isOk())
        .andExpect(header().string("Content-Type", startsWith("text/csv")))
        .andExpect(content().string(startsWith("source,id,posted,country")))
        .andExpect(content().string(containsString("board,v1,2024-03-01,DE")));
    when(rows.vacancy("board", "gone")).thenReturn(Optional.empty());
    mvc.perform(get("/api/vacancies/board/gone"))
        .andExpect(status().isNotFound())
        .andExpect(jsonPath("$.detail").value(containsString("board/gone")));
  }

  @Test
  void offersAreFilteredByPlaceAndABadLimitIsABadRequest() throws Exception {
    when(rows.offers(any(), any(), anyInt()))
        .thenReturn(new RowExport.Page<OfferRow>(List.of(), Optional.empty()));
    mvc.perform(get("/api/offers").param("country", "DE")).andExpect(status().isOk());
    ArgumentCaptor<OfferFilter> filter = ArgumentCaptor.forClass(OfferFilter.class);
    verify(rows).offers(filter.capture(), eq(Optional.empty()), eq(RowExport.DEFAULT_LIMIT));
    assertThat(filter.getValue().country()).contains("DE");
    when(rows.offers(any(), any(), eq(5_000)))
        .thenThrow(new IllegalArgumentException("limit: 1 to 1,000, not 5000"));
    mvc.perform(get("/api/offers").param("limit", "5000"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("limit")));
  }

  @Test
  void aParameterOfTheWrongTypeIsNamedWithWhatItGot() throws Exception {
    mvc.perform(get("/api/offers").param("eqfMin", "x"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("eqfMin: 'x' is not a valid integer"));
  }
}
