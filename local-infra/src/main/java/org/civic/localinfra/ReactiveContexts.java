package org.civic.localinfra;

import io.smallrye.context.SmallRyeContextManagerProvider;
import io.smallrye.context.impl.ThreadContextProviderPlan;
import java.util.ArrayList;
import java.util.List;

/**
 * What a Mutiny stage captures in a running service: the context types of the default thread
 * context's plan (ADR 0011 keeps CDI and the transaction out of it). For the services' tests.
 */
public final class ReactiveContexts {
  private ReactiveContexts() {}

  /** The context types propagated or cleared by every reactive stage, e.g. "CDI", "Transaction". */
  public static List<String> capturedTypes() {
    ThreadContextProviderPlan plan =
        SmallRyeContextManagerProvider.getManager().defaultThreadContext().getPlan();
    List<String> types = new ArrayList<>();
    plan.propagatedProviders.forEach(p -> types.add(p.getThreadContextType()));
    plan.clearedProviders.forEach(p -> types.add(p.getThreadContextType()));
    return types;
  }
}
