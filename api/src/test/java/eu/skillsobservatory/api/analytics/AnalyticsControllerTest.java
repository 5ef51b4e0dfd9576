package eu.skillsobservatory.api.analytics;

import static eu.skillsobservatory.api.fixtures.InMemoryUseCases.PYTHON;
import static eu.skillsobservatory.api.fixtures.InMemoryUseCases.WELD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import eu.skillsobservatory.analytics.cache.AnswerCache;
import eu.skillsobservatory.api.config.JsonConfiguration;
import eu.skillsobservatory.api.fixtures.InMemoryUseCases;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The analytics endpoints over the use cases on in-memory ports: parameters in, JSON or CSV out.
 */
@WebMvcTest(AnalyticsController.class)
@Import({JsonConfiguration.class, InMemoryUseCases.class})
class AnalyticsControllerTest {
  @Autowired MockMvc mvc;

  @Test
  void demandOfASliceIsItsSkillsWithSharesAndTheMethodsSection() throws Exception {
    mvc.perform(get("/api/analytics/demand").param("sector", "C").param("country", "DE"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.groups[0].postings").value(80))
        .andExpect(jsonPath("$.groups[0].skills[0].uri").value(PYTHON))
        .andExpect(jsonPath("$.groups[0].skills[0].share").value(0.5))
        .andExpect(jsonPath("$.groups[0].collections.digital.postings").value(50))
        .andExpect(jsonPath("$.definedIn").value(startsWith("src/docs/methods.md#")))
        .andExpect(jsonPath("$.synthetic").value(false));
  }

  @Autowired AnswerCache answers;

  @Test
  void anAnswerIsKeptUntilTheDataMovesOnAndServesJsonAndCsvAlike() throws Exception {
    var ask = get("/api/analytics/demand").param("sector", "C").param("limit", "7");
    mvc.perform(ask).andExpect(jsonPath("$.groups[0].postings").value(100));
    var before = answers.counts();
    mvc.perform(ask).andExpect(jsonPath("$.groups[0].postings").value(100));
    mvc.perform(get("/api/analytics/demand?sector=C&limit=7&format=csv"))
        .andExpect(content().string(containsString(PYTHON)));
    assertThat(answers.counts().hits()).isEqualTo(before.hits() + 2);
    assertThat(answers.counts().misses()).isEqualTo(before.misses());
    InMemoryUseCases.DATA.set("2");
    try {
      mvc.perform(ask).andExpect(jsonPath("$.groups[0].postings").value(100));
      assertThat(answers.counts().misses()).isEqualTo(before.misses() + 1);
    } finally {
      InMemoryUseCases.DATA.set("1");
    }
  }

  @Test
  void theApiVersionIsNegotiatedByHeaderWithThePathsUnchanged() throws Exception {
    mvc.perform(get("/api/analytics/demand"))
        .andExpect(status().isOk())
        .andExpect(header().string("API-Version", "1"));
    mvc.perform(get("/api/analytics/demand").header("API-Version", "1"))
        .andExpect(status().isOk())
        .andExpect(header().string("API-Version", "1"));
    mvc.perform(get("/api/analytics/demand").header("API-Version", "2"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:validation"))
        .andExpect(jsonPath("$.detail").value(containsString("2")));
  }

  @Test
  void demandAsCsvOnAcceptOrFormat() throws Exception {
    mvc.perform(
            get("/api/analytics/demand").param("groupBy", "country").header("Accept", "text/csv"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(containsString(PYTHON)));
    mvc.perform(get("/api/analytics/demand").param("format", "csv"))
        .andExpect(content().contentTypeCompatibleWith("text/csv"));
  }

  @Test
  void aBadSliceParameterIsAProblemNamingIt() throws Exception {
    mvc.perform(get("/api/analytics/demand").param("sector", "ZZ"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:validation"))
        .andExpect(jsonPath("$.detail").value(containsString("sector")));
    mvc.perform(get("/api/analytics/demand").param("groupBy", "planet"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("groupBy")));
  }

  @Test
  void theFormatIsNegotiatedOverTheWholeAcceptListAndAnUnknownOneIsNamed() throws Exception {
    mvc.perform(
            get("/api/analytics/demand").header("Accept", "text/csv;q=0.5, application/json;q=0.9"))
        .andExpect(content().contentTypeCompatibleWith("application/json"));
    mvc.perform(get("/api/analytics/demand").header("Accept", "*/*"))
        .andExpect(content().contentTypeCompatibleWith("application/json"));
    mvc.perform(get("/api/analytics/demand").param("format", "CSV").header("Accept", "*/*"))
        .andExpect(content().contentTypeCompatibleWith("text/csv"))
        .andExpect(content().string(startsWith("group,postings,uri")));
    mvc.perform(get("/api/analytics/gaps").param("format", "xml"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("format: json or csv, not 'xml'"));
  }

  @Test
  void parametersOutOfRangeAreRefusedByNameBeforeAnyWork() throws Exception {
    mvc.perform(get("/api/analytics/demand").param("limit", "0"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.type").value("urn:skills-observatory:problem:validation"))
        .andExpect(jsonPath("$.detail").value(startsWith("limit: ")));
    mvc.perform(get("/api/analytics/demand").param("limit", "ten"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("limit: 'ten' is not a valid int"));
    mvc.perform(get("/api/analytics/demand").param("level", "galaxy"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("level: skill or group, not 'galaxy'"));
    mvc.perform(get("/api/analytics/match").param("budgetOn", "euros"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("budgetOn: cost or hours, not 'euros'"));
  }

  @Test
  void aMatchBodyIsCheckedFieldByField() throws Exception {
    mvc.perform(
            post("/api/analytics/match")
                .contentType("application/json")
                .content("{\"skills\": [{\"uri\": \" \"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value(containsString("skills[0].uri")));
    mvc.perform(
            post("/api/analytics/match")
                .contentType("application/json")
                .content("{\"skills\": [{\"uri\": \"" + PYTHON + "\"}], \"budgetOn\": \"x\"}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("budgetOn: cost or hours, not 'x'"));
    mvc.perform(
            post("/api/analytics/match")
                .contentType("application/json")
                .content("{\"skills\": [{\"uri\": \"" + PYTHON + "\", \"weight\": \"a lot\"}]}"))
        .andExpect(status().isBadRequest())
        .andExpect(jsonPath("$.detail").value("skills[0].weight: expected a number"));
    mvc.perform(
            post("/api/analytics/match")
                .contentType("application/json")
                .content("{\"skills\": [{\"uri\": \"" + PYTHON + "\", \"weight\": 2}]}")
                .header("Accept", "text/csv"))
        .andExpect(status().isOk())
        .andExpect(content().contentTypeCompatibleWith("text/csv"));
  }

  @Test
  void gapsWeighDemandAgainstTheOffersInScope() throws Exception {
    // Python: share 0.5, 2 offers: 0.5 / 3; SQL and weld: share 0.125, no offer: 0.125 / 1
    // (ties by URI).
    mvc.perform(get("/api/analytics/gaps").param("country", "DE"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.skills[0].uri").value(PYTHON))
        .andExpect(jsonPath("$.skills[0].gapScore").value(0.1667))
        .andExpect(jsonPath("$.skills[1].gapScore").value(0.125))
        .andExpect(jsonPath("$.skills[2].uri").value(WELD))
        .andExpect(jsonPath("$.skills[2].offers").value(0))
        .andExpect(jsonPath("$.offersInScope").value(2));
  }

  @Test
  void matchForGivenSkillsListsTheUnpricedOfferApart() throws Exception {
    mvc.perform(
            get("/api/analytics/match")
                .param("skill", PYTHON + "=1")
                .param("country", "DE")
                .param("budget", "500"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.picks[0].offer.id").value("1"))
        .andExpect(jsonPath("$.unpriced[0].offer.id").value("2"));
  }

  @Test
  void emergingOnATooThinSliceSaysWhy() throws Exception {
    mvc.perform(get("/api/analytics/emerging").param("sector", "C"))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.note").value(containsString("complete months")));
  }

  @Test
  void coOccurrenceNeedsAnEscoSkillUri() throws Exception {
    mvc.perform(get("/api/analytics/cooccurrence").param("skill", PYTHON))
        .andExpect(status().isOk())
        .andExpect(jsonPath("$.withSkill").value(40));
    mvc.perform(get("/api/analytics/cooccurrence").param("skill", "python"))
        .andExpect(status().isBadRequest());
  }
}
