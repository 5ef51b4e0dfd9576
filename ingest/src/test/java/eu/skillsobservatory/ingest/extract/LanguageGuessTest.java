package eu.skillsobservatory.ingest.extract;

import static org.assertj.core.api.Assertions.assertThat;

import eu.skillsobservatory.analytics.extract.LanguageGuess;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * An advert without a language field is read in the language whose stop words it uses most, among
 * the languages of the loaded ESCO; the languages whose stop words come from this project's lists
 * are told apart from their neighbours too.
 */
class LanguageGuessTest {
  static final List<String> LOADED =
      List.of("en", "de", "fr", "cs", "hr", "is", "mt", "pl", "sk", "sl", "uk");

  static final Map<String, String> ADVERTS =
      Map.of(
          "sk",
          "Hľadáme kolegu, ktorý sa bude starať o údržbu strojov. Je dôležité, aby ste mali"
              + " skúsenosti s elektrikou a tiež aby ste boli ochotní pracovať aj v noci.",
          "hr",
          "Tražimo kolegu koji će se brinuti o održavanju strojeva. Važno je da imate iskustva s"
              + " elektrikom te da ste spremni raditi i noću, jer nam je to vrlo potrebno.",
          "sl",
          "Iščemo sodelavca, ki bo skrbel za vzdrževanje strojev. Pomembno je, da imate izkušnje z"
              + " elektriko in da ste pripravljeni delati tudi ponoči, ker je to zelo potrebno.",
          "is",
          "Við leitum að starfsmanni sem getur séð um viðhald véla. Það er mikilvægt að þú hafir"
              + " reynslu af rafmagni og að þú sért tilbúinn að vinna á nóttunni.",
          "mt",
          "Qed infittxu ħaddiem li jista' jieħu ħsieb il-manutenzjoni tal-magni. Huwa importanti li"
              + " għandek esperjenza fl-elettriku u li tkun lest li taħdem bil-lejl ukoll.",
          "uk",
          "Ми шукаємо працівника, який буде відповідати за обслуговування машин. Важливо, щоб ви"
              + " мали досвід роботи з електрикою і були готові працювати вночі.");

  @Test
  void eachLanguageOfTheNewListsIsToldApartFromItsNeighbours() {
    LuceneWordForms forms = new LuceneWordForms();
    ADVERTS.forEach(
        (lang, text) ->
            assertThat(LanguageGuess.of(text, LOADED, forms))
                .as(lang)
                .isEqualTo(Optional.of(lang)));
  }

  @Test
  void aShortTextOfSharedFunctionWordsIsNotGuessed() {
    LuceneWordForms forms = new LuceneWordForms();
    assertThat(LanguageGuess.of("Elektrikar a strojar, i na noc", LOADED, forms)).isEmpty();
  }
}
