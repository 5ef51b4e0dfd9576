package eu.skillsobservatory.analytics.text;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The choices of a request (modes, levels, groupings) as the enums of the core: their key is the
 * constant's name in lower case, read in any case, and a value that is none of them is refused with
 * the parameter's name and the choices.
 */
public final class Choices {
  private Choices() {}

  /** {@code COST} -> {@code cost}. */
  public static String key(Enum<?> choice) {
    return choice.name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param parameter the name the refusal gives ({@code groupBy})
   * @throws IllegalArgumentException {@code groupBy: one of country, isco..., not 'planet'}
   */
  public static <E extends Enum<E>> E parse(Class<E> type, String parameter, String value) {
    for (E e : type.getEnumConstants()) {
      if (key(e).equalsIgnoreCase(value.strip())) {
        return e;
      }
    }
    E[] all = type.getEnumConstants();
    String choices =
        all.length == 2
            ? key(all[0]) + " or " + key(all[1])
            : "one of "
                + Arrays.stream(all).map(Choices::key).sorted().collect(Collectors.joining(", "));
    throw new IllegalArgumentException(parameter + ": " + choices + ", not '" + value + "'");
  }
}
