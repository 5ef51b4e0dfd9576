package org.elasticsearch.node;

import java.util.Collection;
import org.elasticsearch.cluster.service.ClusterService;
import org.elasticsearch.env.Environment;
import org.elasticsearch.plugins.ClasspathPluginsService;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.plugins.PluginsLoader;
import org.elasticsearch.plugins.PluginsService;

/**
 * An Elasticsearch node whose plugins are classes on the classpath rather than folders of a
 * distribution. It sits in Elasticsearch's package because the construction hooks it needs are
 * package-private.
 */
public class ClasspathPluginsNode extends Node {

  public ClasspathPluginsNode(Environment env, Collection<Class<? extends Plugin>> plugins) {
    super(
        NodeConstruction.prepareConstruction(
            env,
            null,
            new NodeServiceProvider() {
              @Override
              PluginsService newPluginService(Environment environment, PluginsLoader loader) {
                return new ClasspathPluginsService(environment.settings(), environment, plugins);
              }
            },
            true));
  }

  /** A static listener may be set once per JVM only; a second node (tests) must skip it. */
  @Override
  protected void configureNodeAndClusterIdStateListener(ClusterService clusterService) {}
}
