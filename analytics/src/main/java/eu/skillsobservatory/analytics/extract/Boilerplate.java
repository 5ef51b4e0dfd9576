package eu.skillsobservatory.analytics.extract;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Recognises the parts of a vacancy that name no skill of the job: pay and benefits,
 * equal-opportunity statements, company blurbs, how to apply. A segment is boilerplate when it
 * matches one of these patterns (English, German, French, Spanish, Italian, Dutch), so their words
 * ("insurance", "pension", "customers worldwide") do not turn into skills.
 */
public final class Boilerplate {
  private Boilerplate() {}

  /** A pattern, and words one of which any match contains: a cheap test before the regex. */
  private record Rule(Pattern pattern, List<String> anchors) {
    boolean matches(String s) {
      for (String a : anchors) {
        if (s.contains(a)) {
          return pattern.matcher(s).find();
        }
      }
      return false;
    }
  }

  private static final List<Rule> RULES =
      List.of(
          // pay
          new Rule(
              p(
                  "(salary|wage|remuneration|compensation|gehalt|verg[uü]tung|salaire|r[ée]mun[ée]ration"
                      + "|salario|retribuzione|salaris)\\b.*(\\d|competitive|attractive|negotiable|attraktiv"
                      + "|comp[ée]titi|€|\\$|£)"),
              List.of(
                  "salar",
                  "wage",
                  "remun",
                  "rémun",
                  "compensation",
                  "gehalt",
                  "vergütung",
                  "vergutung",
                  "retribuz")),
          new Rule(
              p(
                  "(€|\\$|£|eur|usd|gbp)\\s?\\d[\\d.,]*\\s?(k|000)?\\b.*\\b(per|a|/)\\s?(year|annum|month"
                      + "|hour|week|jahr|monat|an|mois|heure|año|mes|anno|mese|jaar|maand)"),
              List.of("€", "$", "£", "eur", "usd", "gbp")),
          new Rule(
              p("\\b\\d[\\d.,]*\\s?(k|000)?\\s?(€|eur|euro|\\$|usd|£|gbp)\\b"),
              List.of("€", "$", "£", "eur", "usd", "gbp")),
          // benefits
          new Rule(
              p(
                  "\\b(benefits? (package|include)|we offer|what we offer|our offer|perks|pension (plan|scheme)"
                      + "|health (insurance|care plan)|dental|paid (time off|holidays?|leave|vacation)"
                      + "|annual leave|holiday allowance|company car|gym membership|stock options|bonus scheme"
                      + "|flexible working hours|remote[- ]friendly|wir bieten|unser angebot|nous offrons"
                      + "|ofrecemos|offriamo|wij bieden)\\b"),
              List.of(
                  "benefit",
                  "offer",
                  "perks",
                  "pension",
                  "health",
                  "dental",
                  "paid",
                  "leave",
                  "holiday",
                  "company car",
                  "gym",
                  "stock",
                  "bonus",
                  "flexible",
                  "remote",
                  "bieten",
                  "angebot",
                  "offrons",
                  "ofrecemos",
                  "offriamo")),
          // equal opportunity
          new Rule(
              p(
                  "\\b(equal (opportunit|employment)|affirmative action|regardless of (race|gender|age"
                      + "|religion|sexual|disability)|without regard to|all qualified applicants|diversity"
                      + " (and|&) inclusion|we do not discriminate|chancengleichheit|unabh[äa]ngig von"
                      + " (geschlecht|herkunft)|[ée]galit[ée] des chances|igualdad de oportunidades"
                      + "|pari opportunit)"),
              List.of(
                  "equal",
                  "affirmative",
                  "regard",
                  "qualified applicants",
                  "diversity",
                  "discriminat",
                  "chancengleich",
                  "unabh",
                  "galit",
                  "igualdad",
                  "pari opportunit")),
          // company blurb and how to apply
          new Rule(
              p(
                  "\\b(about us|who we are|we are an? (leading|global|international|fast[- ]growing"
                      + "|dynamic|innovative)|our (company|client) is an?|founded in \\d{4}|employees"
                      + " (in|across|worldwide)|offices (in|across)|apply (now|today|online|via|through)"
                      + "|send (your|us your) (cv|resume|application)|click (on )?apply|to apply,? please"
                      + "|closing date|visa sponsorship|[üu]ber uns|bewirb dich|jetzt bewerben"
                      + "|postulez|envoyez votre cv|qui sommes-nous|env[ií]a tu cv|inviare il cv)"),
              List.of(
                  "about us",
                  "who we are",
                  "we are a",
                  "our company",
                  "our client",
                  "founded",
                  "employees",
                  "offices",
                  "apply",
                  "send ",
                  "closing date",
                  "visa",
                  "ber uns",
                  "bewirb",
                  "bewerben",
                  "postulez",
                  "envoyez",
                  "qui sommes",
                  "tu cv",
                  "il cv")));

  private static Pattern p(String regex) {
    // Segments are lower-cased before matching: case-insensitive matching is much slower.
    return Pattern.compile(regex);
  }

  /** A heading over a list of benefits, of company facts or of how to apply, alone on its line. */
  private static final Pattern SECTION_HEADING =
      Pattern.compile(
          "(?:what (?:we|you can expect from us|'s in it for you)\\s*(?:offer|provide)?|we offer"
              + "|our offer|benefits|perks|perks (?:and|&) benefits|(?:about|who) (?:us|we are)"
              + "|why (?:join|work for|work with) us|how to apply|what you get|wir bieten(?: (?:dir|ihnen))?"
              + "|unser angebot|(?:das )?bieten wir|über uns|was wir bieten|nous offrons|nos avantages"
              + "|avantages|qui sommes-nous|ofrecemos|beneficios|offriamo|wij bieden|ons aanbod)"
              + "\\s*[:.!-]?");

  /**
   * Whether the segment heads a section of boilerplate ("We offer:", "Benefits", "About us"): the
   * list that follows it names no skill of the job either.
   */
  public static boolean isSectionHeading(String segment) {
    String s = segment.strip().toLowerCase(Locale.ROOT);
    return s.length() <= 40 && SECTION_HEADING.matcher(s).matches();
  }

  /** Whether the segment is boilerplate rather than a description of the job. */
  public static boolean is(String segment) {
    String s = segment.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      if (r.matches(s)) {
        return true;
      }
    }
    return false;
  }
}
