package eu.skillsobservatory.analytics.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class IscoExamplesTest {
  static final String GUARDS =
      "Security guards patrol or monitor premises.\n"
          + "Tasks include -\n(a)  patrolling premises;\n"
          + "Examples of the occupations classified here:\n"
          + "- Bodyguard\n- Security guard\n- Security patrolman/woman\n"
          + "Some related occupations classified elsewhere:\n"
          + "- Beach patrolman/woman - 5419\n- Lifeguard - 5419\n";

  @Test
  void examplesAndRelatedOccupationsFiledElsewhereAreRead() {
    IscoExamples examples = new IscoExamples();
    examples.add("5414", GUARDS);
    examples.add("9321", "Examples of the occupations classified here:\n- Packer (hand)\n");
    assertThat(examples.codes("Security Guard")).containsExactly("5414");
    // Case, plural, and both forms of a slash.
    assertThat(examples.codes("security guards")).containsExactly("5414");
    assertThat(examples.codes("Security Patrolwoman")).containsExactly("5414");
    assertThat(examples.codes("security patrolman")).containsExactly("5414");
    assertThat(examples.codes("Beach patrolman")).containsExactly("5419");
    assertThat(examples.codes("Lifeguard")).containsExactly("5419");
    // A bracketed qualifier is not part of the title.
    assertThat(examples.codes("Packer")).containsExactly("9321");
    assertThat(examples.codes("security")).isEmpty();
  }

  @Test
  void aTitleListedUnderTwoGroupsIsAmbiguous() {
    IscoExamples examples = new IscoExamples();
    examples.add("8321", "Examples of the occupations classified here:\n- Driver\n");
    examples.add("9331", "Examples of the occupations classified here:\n- Driver (bicycle)\n");
    assertThat(examples.codes("driver")).containsExactly("8321", "9331");
  }

  @Test
  void onlyUnitGroupsCount() {
    IscoExamples examples = new IscoExamples();
    examples.add("54", GUARDS);
    examples.addName("541", "Protective services workers");
    assertThat(examples.size()).isZero();
  }

  @Test
  void theGroupsNamesNameTheirPartsWithSharedWords() {
    IscoExamples examples = new IscoExamples();
    examples.addName("8322", "Car, taxi and van drivers");
    examples.addName("6113", "Gardeners, horticultural and nursery growers");
    examples.addName("4221", "Travel consultants and clerks");
    examples.addName("2659", "Creative and performing artists not elsewhere classified");
    assertThat(examples.codes("Van Driver")).containsExactly("8322");
    assertThat(examples.codes("taxi drivers")).containsExactly("8322");
    assertThat(examples.codes("Gardener")).containsExactly("6113");
    assertThat(examples.codes("nursery growers")).containsExactly("6113");
    // "... consultants and clerks" are travel clerks, not every clerk.
    assertThat(examples.codes("travel clerk")).containsExactly("4221");
    assertThat(examples.codes("clerk")).isEmpty();
    assertThat(examples.codes("performing artists")).containsExactly("2659");
  }

  @Test
  void anExampleWinsOverAGroupName() {
    IscoExamples examples = new IscoExamples();
    examples.addName("9112", "Cleaners and helpers in offices, hotels and other establishments");
    examples.add("5153", "Examples of the occupations classified here:\n- Cleaner\n");
    assertThat(examples.codes("Cleaner")).containsExactly("5153");
  }

  @Test
  void slashesGiveEveryForm() {
    assertThat(IscoExamples.variants("Talk show host/hostess"))
        .containsExactly("Talk show host", "Talk show hostess");
    assertThat(IscoExamples.variants("TV/radio news producer"))
        .containsExactly("TV news producer", "radio news producer");
    assertThat(IscoExamples.variants("Script-girl/boy"))
        .containsExactly("Script-girl", "Script-boy");
    assertThat(IscoExamples.variants("Watchman/woman")).containsExactly("Watchman", "Watchwoman");
  }
}
