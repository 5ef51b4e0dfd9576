package org.elasticsearch.plugins;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.node.info.PluginsAndModules;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.env.Environment;

/**
 * Plugins that are classes already on the classpath. It sits in Elasticsearch's package for the
 * package-private plugin loading methods.
 */
public class ClasspathPluginsService extends PluginsService {
  private final List<LoadedPlugin> loaded;

  public ClasspathPluginsService(
      Settings settings, Environment env, Collection<Class<? extends Plugin>> classes) {
    super(settings, env.configDir(), new PluginsLoader(Set.of(), Set.of(), Map.of()));
    List<LoadedPlugin> list = new ArrayList<>();
    for (Class<? extends Plugin> c : classes) {
      Plugin plugin = loadPlugin(c, settings, env.configDir());
      PluginDescriptor descriptor =
          new PluginDescriptor(
              c.getName(),
              "classpath plugin",
              "NA",
              Build.current().version(),
              Integer.toString(Runtime.version().feature()),
              c.getName(),
              null,
              List.of(),
              false,
              false,
              false,
              false);
      list.add(new LoadedPlugin(descriptor, plugin, c.getClassLoader()));
    }
    loadExtensions(list);
    this.loaded = List.copyOf(list);
  }

  @Override
  protected List<LoadedPlugin> plugins() {
    return loaded;
  }

  @Override
  public PluginsAndModules info() {
    return new PluginsAndModules(
        loaded.stream().map(LoadedPlugin::descriptor).map(PluginRuntimeInfo::new).toList(),
        List.of());
  }

  /** All classpath plugins share one class loader, so each provider would be found once each. */
  @Override
  public <T> List<? extends T> loadServiceProviders(Class<T> service) {
    Map<Class<?>, T> byClass = new LinkedHashMap<>();
    for (T t : super.loadServiceProviders(service)) {
      byClass.putIfAbsent(t.getClass(), t);
    }
    return List.copyOf(byClass.values());
  }
}
