package eu.skillsobservatory.ingest.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.progress.Progress;
import eu.skillsobservatory.analytics.rows.ReadReport;
import eu.skillsobservatory.analytics.vacancy.Rejection;
import eu.skillsobservatory.analytics.vacancy.Vacancy;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every bad-input case of the vacancy schema, and the good ones, read from real files. */
class VacancyFilesTest {
  static final String HEADER =
      "id,source,posted,country,region,nace,occupation,title,description,language,skills,employer";
  static final String WELDER =
      "http://data.europa.eu/esco/occupation/0b2b8ddc-9c5b-4d9b-9a3e-1a1c6a3f2c11";
  static final String WELD =
      "http://data.europa.eu/esco/skill/9b7d5b25-4ec2-4a46-9b5c-4ce4b4d9ac30";

  @TempDir Path dir;

  /** What a read handed over. */
  static final class Collected implements VacancyFiles.Sink {
    final List<Vacancy> vacancies = new ArrayList<>();
    final List<Long> lines = new ArrayList<>();
    final List<Rejection> rejections = new ArrayList<>();

    @Override
    public void accept(Vacancy v, long line) {
      vacancies.add(v);
      lines.add(line);
    }

    @Override
    public void reject(Rejection r) {
      rejections.add(r);
    }
  }

  Collected read(Path file, ReadReport[] report) {
    Collected c = new Collected();
    report[0] = VacancyFiles.read(file, c, Progress.NONE);
    return c;
  }

  Path write(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void aGoodCsvRowBecomesAVacancy() throws Exception {
    Path f =
        write(
            "portal-a.csv",
            HEADER
                + "\n7,,2024-03-31,de,DE21,C,"
                + WELDER
                + ",Welder,\"Weld frames,\nread drawings\",en,"
                + WELD
                + "|"
                + WELD
                + ",ACME\n");
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(r[0].problem()).isEmpty();
    assertThat(c.rejections).isEmpty();
    Vacancy v = c.vacancies.get(0);
    assertThat(v.source()).isEqualTo("portal-a");
    assertThat(v.posted()).isEqualTo(LocalDate.of(2024, 3, 31));
    assertThat(v.country()).isEqualTo("DE");
    assertThat(v.description()).isEqualTo("Weld frames,\nread drawings");
    assertThat(v.skills()).containsExactly(WELD);
    assertThat(c.lines).containsExactly(2L);
  }

  @Test
  void semicolonsAndAByteOrderMarkAreTakenAsTheyCome() throws Exception {
    Path f =
        write(
            "b.csv", "\uFEFFid;posted;country;title\n1;2024-01-02;FR;Soudeur\n2;2024-01-03;EL;x\n");
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(c.rejections).isEmpty();
    assertThat(c.vacancies).extracting(Vacancy::id).containsExactly("1", "2");
    assertThat(c.vacancies.get(0).title()).isEqualTo("Soudeur");
  }

  @Test
  void eachBadFieldIsNamedWithItsLineAndTheGoodRowsStillCome() throws Exception {
    Path f =
        write(
            "bad.csv",
            "id,posted,country,region,occupation,skills\n"
                + "1,2024-02-30,DE,,,\n" // no such day
                + "2,2024-02-01,,,,\n" // no country
                + "3,2024-02-01,ZZ,,,\n" // unknown country
                + ",2024-02-01,DE,,,\n" // no id
                + "5,2024-02-01,DE,not nuts,,\n"
                + "6,2024-02-01,DE,,welder,\n"
                + "7,2024-02-01,DE,,,http://example.org/x\n"
                + "8,2024-02-01,DE,,1234,\n");
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(c.vacancies).extracting(Vacancy::id).containsExactly("8");
    assertThat(c.rejections)
        .extracting(x -> x.line() + " " + x.field())
        .containsExactly(
            "2 posted", "3 country", "4 country", "5 id", "6 region", "7 occupation", "8 skills");
    assertThat(c.rejections.get(0).reason()).contains("'2024-02-30' is not an ISO date");
    assertThat(r[0].rows()).isEqualTo(8);
    assertThat(r[0].accepted() + r[0].rejected()).isEqualTo(r[0].rows());
  }

  @Test
  void aCsvWithoutAnIdColumnIsRefusedWhole() throws Exception {
    Path f = write("noid.csv", "ref,posted,country\n1,2024-01-01,DE\n");
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(c.vacancies).isEmpty();
    assertThat(r[0].problem()).get().asString().contains("line 1: the header has no 'id' column");
  }

  @Test
  void invalidUtf8RejectsItsRowOnly() throws Exception {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    b.write(
        "id,posted,country,title\n1,2024-01-01,DE,ok\n2,2024-01-01,DE,bad "
            .getBytes(StandardCharsets.UTF_8));
    b.write(new byte[] {(byte) 0xC3, (byte) 0x28});
    b.write("\n3,2024-01-01,DE,ok\n".getBytes(StandardCharsets.UTF_8));
    Path f = Files.write(dir.resolve("utf.csv"), b.toByteArray());
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(c.vacancies).extracting(Vacancy::id).containsExactly("1", "3");
    assertThat(c.rejections)
        .singleElement()
        .satisfies(
            x -> {
              assertThat(x.line()).isEqualTo(3);
              assertThat(x.field()).isEqualTo("title");
              assertThat(x.reason()).contains("UTF-8");
            });
  }

  @Test
  void aBrokenJsonLineInTheMiddleIsRejectedAndTheRestLoaded() throws Exception {
    Path f =
        write(
            "feed.jsonl",
            "{\"id\":\"a\",\"posted\":\"2024-05-01\",\"country\":\"IT\",\"skills\":[\""
                + WELD
                + "\"]}\n"
                + "{\"id\":\"b\",\"posted\":\"2024-05-01\",\"country\":\"IT\"\n"
                + "\n"
                + "{\"id\":42,\"posted\":\"2024-05-02T10:00:00Z\",\"country\":\"IT\",\"title\":{\"x\":1}}\n"
                + "{\"id\":\"c\",\"posted\":\"2024-05-03\",\"country\":\"IT\"}\n");
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(c.vacancies).extracting(Vacancy::id).containsExactly("a", "c");
    assertThat(c.vacancies.get(0).skills()).containsExactly(WELD);
    assertThat(c.rejections)
        .extracting(x -> x.line() + " " + x.field())
        .containsExactly("2 row", "4 title");
    assertThat(r[0].rows()).isEqualTo(4);
  }

  @Test
  void gzippedFilesAreReadAndACutShortOneKeepsWhatCameBefore() throws Exception {
    StringBuilder s = new StringBuilder(HEADER.replace(",skills", "") + "\n");
    for (int i = 0; i < 5000; i++) {
      s.append(i)
          .append(",p,2024-01-01,DE,,,,title ")
          .append(i)
          .append(",some description ")
          .append(i)
          .append(",en,e\n");
    }
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    try (OutputStream gz = new GZIPOutputStream(b)) {
      gz.write(s.toString().getBytes(StandardCharsets.UTF_8));
    }
    Path whole = Files.write(dir.resolve("whole.csv.gz"), b.toByteArray());
    ReadReport[] r = new ReadReport[1];
    assertThat(read(whole, r).vacancies).hasSize(5000);
    assertThat(r[0].problem()).isEmpty();

    byte[] cut = Arrays.copyOf(b.toByteArray(), b.size() / 2);
    Path truncated = Files.write(dir.resolve("cut.csv.gz"), cut);
    Collected c = read(truncated, r);
    assertThat(r[0].problem()).get().asString().contains("cut short");
    assertThat(c.vacancies.size()).isBetween(100, 4999);
    assertThat(c.rejections).isEmpty();
  }

  @Test
  void aTenMegabyteDescriptionIsTakenAndALongerOneRefusedWithTheLimit() throws Exception {
    String ten = "a".repeat(10_000_000);
    Path f =
        write(
            "long.jsonl",
            "{\"id\":\"1\",\"posted\":\"2024-01-01\",\"country\":\"DE\",\"description\":\""
                + ten
                + "\"}\n{\"id\":\"2\",\"posted\":\"2024-01-01\",\"country\":\"DE\",\"description\":\""
                + ten
                + "b\"}\n");
    ReadReport[] r = new ReadReport[1];
    Collected c = read(f, r);
    assertThat(c.vacancies).extracting(Vacancy::id).containsExactly("1");
    assertThat(c.rejections.get(0).reason())
        .contains("10,000,001 characters, more than the 10,000,000");
  }

  @Test
  void aMissingFileIsSaidSo() {
    ReadReport[] r = new ReadReport[1];
    read(dir.resolve("nope.csv"), r);
    assertThat(r[0].problem()).get().asString().contains("no such file");
  }
}
