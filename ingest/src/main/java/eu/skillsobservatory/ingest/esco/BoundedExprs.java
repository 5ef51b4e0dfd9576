package eu.skillsobservatory.ingest.esco;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.jena.graph.Node;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprEvalException;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.NodeValue;

/**
 * SPARQL functions whose cost is bounded inside one row. A function can double a string at each
 * step ({@code BIND(CONCAT(?a, ?a) AS ?b)} forty times over), {@code REPLACE} can multiply it, and
 * a regular expression can backtrack for ever on a short string: the timeout and the row cap are
 * only checked between rows, so these limits are checked inside them.
 */
final class BoundedExprs {
  private BoundedExprs() {}

  /** Any function, with its result no longer than the limit. */
  static final class Checked extends ExprFunction1 {
    private final int maxLength;
    private final QueryGuard.Tripwire tripwire;

    Checked(Expr inner, int maxLength, QueryGuard.Tripwire tripwire) {
      super(inner, "bounded");
      this.maxLength = maxLength;
      this.tripwire = tripwire;
    }

    @Override
    public NodeValue eval(NodeValue v) {
      if (v.hasNode() && v.asNode().isLiteral()) {
        checkLength(v.asNode().getLiteralLexicalForm().length(), maxLength, tripwire);
      }
      return v;
    }

    @Override
    public Expr copy(Expr e) {
      return new Checked(e, maxLength, tripwire);
    }
  }

  static void checkLength(long length, int maxLength, QueryGuard.Tripwire tripwire) {
    if (length > maxLength) {
      throw tripwire.fail(
          "the query built a string of more than "
              + maxLength
              + " characters (observatory.sparql.max-string-length) and was stopped");
    }
  }

  /** {@code REGEX(text, pattern, flags)} that gives up after a number of character reads. */
  static final class Regex extends ExprFunctionN {
    private final SparqlLimits limits;
    private final QueryGuard.Tripwire tripwire;

    Regex(ExprList args, SparqlLimits limits, QueryGuard.Tripwire tripwire) {
      super("regex", args);
      this.limits = limits;
      this.tripwire = tripwire;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      if (args.size() < 2 || args.size() > 3) {
        throw new ExprEvalException("REGEX: two or three arguments");
      }
      String text = string(args.get(0), "REGEX");
      Pattern p = pattern(args.get(1), args.size() == 3 ? args.get(2) : null);
      return NodeValue.makeBoolean(
          p.matcher(new Steps(text, limits.maxRegexSteps(), tripwire)).find());
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Regex(newArgs, limits, tripwire);
    }
  }

  /** {@code REPLACE(text, pattern, replacement, flags)} with its result and its steps bounded. */
  static final class Replace extends ExprFunctionN {
    private final SparqlLimits limits;
    private final QueryGuard.Tripwire tripwire;

    Replace(ExprList args, SparqlLimits limits, QueryGuard.Tripwire tripwire) {
      super("replace", args);
      this.limits = limits;
      this.tripwire = tripwire;
    }

    @Override
    public NodeValue eval(List<NodeValue> args) {
      if (args.size() < 3 || args.size() > 4) {
        throw new ExprEvalException("REPLACE: three or four arguments");
      }
      Node textNode = args.get(0).asNode();
      String text = string(args.get(0), "REPLACE");
      Pattern p = pattern(args.get(1), args.size() == 4 ? args.get(3) : null);
      String replacement = string(args.get(2), "REPLACE");
      Matcher m = p.matcher(new Steps(text, limits.maxRegexSteps(), tripwire));
      StringBuilder out = new StringBuilder();
      try {
        while (m.find()) {
          if (m.end() == m.start()) {
            // XPath: a pattern that matches the empty string is an error, not an insertion.
            throw new ExprEvalException("REPLACE: the pattern matches the empty string");
          }
          m.appendReplacement(out, replacement);
          checkLength(out.length(), limits.maxStringLength(), tripwire);
        }
      } catch (IllegalArgumentException | IndexOutOfBoundsException e) {
        throw new ExprEvalException("REPLACE: " + e.getMessage());
      }
      m.appendTail(out);
      checkLength(out.length(), limits.maxStringLength(), tripwire);
      String lang = textNode.getLiteralLanguage();
      return lang == null || lang.isEmpty()
          ? NodeValue.makeString(out.toString())
          : NodeValue.makeLangString(out.toString(), lang);
    }

    @Override
    public Expr copy(ExprList newArgs) {
      return new Replace(newArgs, limits, tripwire);
    }
  }

  private static String string(NodeValue v, String function) {
    if (!v.hasNode() || !v.asNode().isLiteral()) {
      throw new ExprEvalException(function + ": not a string: " + v);
    }
    return v.asNode().getLiteralLexicalForm();
  }

  private static Pattern pattern(NodeValue pattern, NodeValue flags) {
    String source = string(pattern, "REGEX");
    int f = 0;
    String given = flags == null ? "" : string(flags, "REGEX");
    for (char c : given.toCharArray()) {
      f |=
          switch (c) {
            case 'i' -> Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE;
            case 's' -> Pattern.DOTALL;
            case 'm' -> Pattern.MULTILINE;
            case 'x' -> Pattern.COMMENTS;
            case 'q' -> Pattern.LITERAL;
            default -> throw new ExprEvalException("REGEX: unknown flag '" + c + "'");
          };
    }
    try {
      return Pattern.compile(source, f);
    } catch (PatternSyntaxException e) {
      throw new ExprEvalException("REGEX: not a regular expression: " + e.getDescription());
    }
  }

  /** A text that counts every character a matcher reads and stops it past the limit. */
  static final class Steps implements CharSequence {
    private final String text;
    private final long limit;
    private final QueryGuard.Tripwire tripwire;
    private long reads;

    Steps(String text, long limit, QueryGuard.Tripwire tripwire) {
      this.text = text;
      this.limit = limit;
      this.tripwire = tripwire;
    }

    @Override
    public char charAt(int index) {
      if (++reads > limit) {
        throw tripwire.fail(
            "a regular expression read more than "
                + limit
                + " characters for one match (observatory.sparql.max-regex-steps) and was"
                + " stopped");
      }
      return text.charAt(index);
    }

    @Override
    public int length() {
      return text.length();
    }

    @Override
    public CharSequence subSequence(int start, int end) {
      return text.substring(start, end);
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
