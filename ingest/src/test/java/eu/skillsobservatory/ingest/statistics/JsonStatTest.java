package eu.skillsobservatory.ingest.statistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonStatTest {
  final ObjectMapper json = new ObjectMapper();

  JsonStat parse(String s) throws Exception {
    return JsonStat.parse(json.readTree(s));
  }

  @Test
  void denseValuesAndArrayIndicesRunInRowMajorOrder() throws Exception {
    JsonStat d =
        parse(
            """
            {"id":["geo","time"],"size":[2,3],
             "dimension":{"geo":{"category":{"index":["DE","FR"]}},
                          "time":{"category":{"index":{"2022":0,"2023":1,"2024":2}}}},
             "value":[1,2,null,4,5,6],"status":[null,"u",null,null,null,"p"]}
            """);
    assertThat(d.cells())
        .containsExactly(
            new JsonStat.Cell(List.of("DE", "2022"), 1, ""),
            new JsonStat.Cell(List.of("DE", "2023"), 2, "u"),
            new JsonStat.Cell(List.of("FR", "2022"), 4, ""),
            new JsonStat.Cell(List.of("FR", "2023"), 5, ""),
            new JsonStat.Cell(List.of("FR", "2024"), 6, "p"));
  }

  @Test
  void aDimensionOfOneCategoryMayGiveOnlyItsLabel() throws Exception {
    JsonStat d =
        parse(
            """
            {"id":["unit","geo"],"size":[1,1],
             "dimension":{"unit":{"category":{"label":{"THS_PER":"Thousand persons"}}},
                          "geo":{"category":{"index":{"DE":0}}}},
             "value":{"0":7.5}}
            """);
    assertThat(d.cells()).containsExactly(new JsonStat.Cell(List.of("THS_PER", "DE"), 7.5, ""));
  }

  @Test
  void malformedDatasetsAreNamedByMember() {
    assertThatThrownBy(
            () -> parse("{\"id\":[\"geo\"],\"size\":[1,2],\"dimension\":{},\"value\":[]}"))
        .hasMessageContaining("'id' and 'size' must be arrays of the same length");
    assertThatThrownBy(() -> parse("{\"id\":[\"geo\"],\"size\":[1],\"dimension\":{},\"value\":[]}"))
        .hasMessageContaining("no 'dimension.geo'");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"id\":[\"geo\"],\"size\":[1],\"dimension\":{\"geo\":{\"category\":"
                        + "{\"index\":{\"DE\":0}}}},\"value\":{\"5\":1}}"))
        .hasMessageContaining("value position 5 is outside the cube of 1 cells");
    assertThatThrownBy(
            () ->
                parse(
                    "{\"id\":[\"geo\"],\"size\":[2],\"dimension\":{\"geo\":{\"category\":"
                        + "{\"index\":{\"DE\":0,\"FR\":0}}}},\"value\":[]}"))
        .hasMessageContaining("dimension.geo.category.index.FR = 0 is not a free position");
    assertThatThrownBy(() -> JsonStat.parse(null)).hasMessageContaining("not a JSON object");
  }
}
