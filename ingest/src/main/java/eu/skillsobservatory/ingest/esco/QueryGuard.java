package eu.skillsobservatory.ingest.esco;

import eu.skillsobservatory.analytics.failures.QueryRefusedException;
import org.apache.jena.query.ARQ;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.ARQConstants;
import org.apache.jena.sparql.algebra.Algebra;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.algebra.OpVisitorBase;
import org.apache.jena.sparql.algebra.TransformCopy;
import org.apache.jena.sparql.algebra.op.OpService;
import org.apache.jena.sparql.algebra.optimize.Optimize;
import org.apache.jena.sparql.algebra.optimize.RewriteFactory;
import org.apache.jena.sparql.algebra.walker.Walker;
import org.apache.jena.sparql.exec.http.Service;
import org.apache.jena.sparql.expr.E_Function;
import org.apache.jena.sparql.expr.E_Regex;
import org.apache.jena.sparql.expr.E_StrReplace;
import org.apache.jena.sparql.expr.Expr;
import org.apache.jena.sparql.expr.ExprFunction;
import org.apache.jena.sparql.expr.ExprFunction1;
import org.apache.jena.sparql.expr.ExprFunction2;
import org.apache.jena.sparql.expr.ExprFunction3;
import org.apache.jena.sparql.expr.ExprFunctionN;
import org.apache.jena.sparql.expr.ExprFunctionOp;
import org.apache.jena.sparql.expr.ExprList;
import org.apache.jena.sparql.expr.ExprTransformCopy;
import org.apache.jena.sparql.expr.ExprVisitorBase;
import org.apache.jena.sparql.pfunction.PropertyFunctionRegistry;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.Symbol;

/**
 * What keeps a query of the open endpoint inside the store and inside its limits: {@code SERVICE}
 * refused in every form (read from the compiled algebra, so subqueries, {@code EXISTS}, {@code
 * MINUS}, {@code OPTIONAL} and any depth are seen) and switched off in the engine itself; no
 * property functions; and every function's result bounded inside the row, by a rewrite the engine
 * applies after its own optimizer.
 */
final class QueryGuard {
  private QueryGuard() {}

  static final String FN_REPLACE = "http://www.w3.org/2005/xpath-functions#replace";
  static final String FN_MATCHES = "http://www.w3.org/2005/xpath-functions#matches";

  /** A query went past one of its limits: it is stopped, not answered. */
  static final class LimitExceeded extends RuntimeException {
    LimitExceeded(String message) {
      super(message);
    }
  }

  /** Where a query's tripwire is kept in its context. */
  static final Symbol TRIPWIRE = Symbol.create("urn:skills-observatory:sparql:tripwire");

  /**
   * The limit one query went past, kept apart from the engine: the engine swallows some exceptions
   * (a filter's, for one), so a crossed limit is recorded here, the query is aborted, and the
   * answer is refused after the run whatever the engine did with the exception.
   */
  static final class Tripwire {
    private volatile String reason;
    private volatile Runnable stop = () -> {};

    void onTrip(Runnable stop) {
      this.stop = stop;
      if (reason != null) {
        stop.run();
      }
    }

    /** Records the first limit crossed and stops the query. */
    void trip(String why) {
      if (reason == null) {
        reason = why;
      }
      stop.run();
    }

    /** Trips and throws, for a limit crossed inside an expression. */
    LimitExceeded fail(String why) {
      trip(why);
      return new LimitExceeded(why);
    }

    String reason() {
      return reason;
    }
  }

  /** Throws {@link QueryRefusedException} when the query calls another service anywhere. */
  static void refuseService(Query query) {
    Op op;
    try {
      op = Algebra.compile(query);
    } catch (RuntimeException e) {
      throw new QueryRefusedException(
          QueryRefusedException.Kind.SYNTAX, "query: cannot be compiled: " + e.getMessage());
    }
    Walker.walk(
        op,
        new OpVisitorBase() {
          @Override
          public void visit(OpService service) {
            throw new QueryRefusedException(
                QueryRefusedException.Kind.SERVICE,
                "SERVICE is refused (in any part of a query): this endpoint does not call other"
                    + " services");
          }
        },
        new ExprVisitorBase());
  }

  /**
   * The context a query runs in: federated execution off (both the switch and an empty executor
   * registry, so no code path can reach the network), no property functions, and the bounding
   * rewrite.
   */
  static Tripwire secure(Context cxt, SparqlLimits limits) {
    Tripwire tripwire = new Tripwire();
    cxt.set(TRIPWIRE, tripwire);
    cxt.set(Service.httpServiceAllowed, false);
    cxt.set(ARQ.httpServiceAllowed, false);
    ServiceExecutorRegistry.set(cxt, new ServiceExecutorRegistry());
    PropertyFunctionRegistry.set(cxt, new PropertyFunctionRegistry());
    RewriteFactory standard = Optimize.stdOptimizationFactory;
    RewriteFactory bounded =
        c -> {
          var std = standard.create(c);
          return op -> bound(std.rewrite(op), limits, tripwire);
        };
    cxt.set(ARQConstants.sysOptimizerFactory, bounded);
    return tripwire;
  }

  /** Every function's result checked against the string limit; REPLACE and REGEX bounded. */
  static Op bound(Op op, SparqlLimits limits, Tripwire tripwire) {
    ExprTransformCopy exprs =
        new ExprTransformCopy() {
          @Override
          public Expr transform(ExprFunction1 f, Expr a) {
            return checked(super.transform(f, a));
          }

          @Override
          public Expr transform(ExprFunction2 f, Expr a, Expr b) {
            return checked(super.transform(f, a, b));
          }

          @Override
          public Expr transform(ExprFunction3 f, Expr a, Expr b, Expr c) {
            return checked(super.transform(f, a, b, c));
          }

          @Override
          public Expr transform(ExprFunctionN f, ExprList args) {
            if (f instanceof E_StrReplace
                || f instanceof E_Function fn && FN_REPLACE.equals(fn.getFunctionIRI())) {
              return new BoundedExprs.Replace(args, limits, tripwire);
            }
            if (f instanceof E_Regex
                || f instanceof E_Function fn && FN_MATCHES.equals(fn.getFunctionIRI())) {
              return new BoundedExprs.Regex(args, limits, tripwire);
            }
            return checked(super.transform(f, args));
          }

          @Override
          public Expr transform(ExprFunctionOp f, ExprList args, Op inner) {
            // EXISTS and NOT EXISTS: their own pattern is bounded too, whichever way the walker
            // went into it.
            return f.copy(args, bound(f.getGraphPattern(), limits, tripwire));
          }

          private Expr checked(Expr e) {
            if (e instanceof ExprFunction && !(e instanceof BoundedExprs.Checked)) {
              return new BoundedExprs.Checked(e, limits.maxStringLength(), tripwire);
            }
            return e;
          }
        };
    return Walker.transform(op, new TransformCopy(), exprs);
  }
}
