package eu.skillsobservatory.ingest.search;

import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.apache.lucene.util.Version;
import org.elasticsearch.Build;
import org.elasticsearch.action.admin.cluster.state.ClusterStateRequest;
import org.elasticsearch.action.admin.cluster.state.ClusterStateResponse;
import org.elasticsearch.client.internal.node.NodeClient;
import org.elasticsearch.cluster.metadata.IndexNameExpressionResolver;
import org.elasticsearch.cluster.node.DiscoveryNodes;
import org.elasticsearch.common.io.stream.NamedWriteableRegistry;
import org.elasticsearch.common.settings.ClusterSettings;
import org.elasticsearch.common.settings.IndexScopedSettings;
import org.elasticsearch.common.settings.Settings;
import org.elasticsearch.common.settings.SettingsFilter;
import org.elasticsearch.core.TimeValue;
import org.elasticsearch.features.NodeFeature;
import org.elasticsearch.node.Node;
import org.elasticsearch.plugins.ActionPlugin;
import org.elasticsearch.plugins.Plugin;
import org.elasticsearch.rest.BaseRestHandler;
import org.elasticsearch.rest.RestController;
import org.elasticsearch.rest.RestHandler;
import org.elasticsearch.rest.RestRequest;
import org.elasticsearch.rest.RestResponse;
import org.elasticsearch.rest.RestStatus;
import org.elasticsearch.rest.action.RestActionListener;
import org.elasticsearch.xcontent.XContentBuilder;

/**
 * Answers {@code GET /} as a full node does. That handler lives in a module Elasticsearch does not
 * publish, and the Java client's {@code info()} (and every health check built on it) needs it.
 */
public class RootInfoPlugin extends Plugin implements ActionPlugin {

  @Override
  public List<RestHandler> getRestHandlers(
      Settings settings,
      NamedWriteableRegistry namedWriteableRegistry,
      RestController restController,
      ClusterSettings clusterSettings,
      IndexScopedSettings indexScopedSettings,
      SettingsFilter settingsFilter,
      IndexNameExpressionResolver indexNameExpressionResolver,
      Supplier<DiscoveryNodes> nodesInCluster,
      Predicate<NodeFeature> clusterSupportsFeature) {
    String nodeName = Node.NODE_NAME_SETTING.get(settings);
    return List.of(new RootHandler(nodeName));
  }

  private static final class RootHandler extends BaseRestHandler {
    private final String nodeName;

    RootHandler(String nodeName) {
      this.nodeName = nodeName;
    }

    @Override
    public String getName() {
      return "observatory_root_info";
    }

    @Override
    public List<Route> routes() {
      return List.of(
          new Route(RestRequest.Method.GET, "/"), new Route(RestRequest.Method.HEAD, "/"));
    }

    @Override
    protected RestChannelConsumer prepareRequest(RestRequest request, NodeClient client) {
      ClusterStateRequest state = new ClusterStateRequest(TimeValue.timeValueSeconds(30)).clear();
      return channel ->
          client
              .admin()
              .cluster()
              .state(
                  state,
                  new RestActionListener<ClusterStateResponse>(channel) {
                    @Override
                    protected void processResponse(ClusterStateResponse r) throws Exception {
                      Build b = Build.current();
                      XContentBuilder x = channel.newBuilder();
                      x.startObject()
                          .field("name", nodeName)
                          .field("cluster_name", r.getClusterName().value())
                          .field("cluster_uuid", r.getState().metadata().clusterUUID())
                          .startObject("version")
                          .field("number", b.qualifiedVersion())
                          .field("build_flavor", b.flavor())
                          .field("build_type", b.type().displayName())
                          .field("build_hash", b.hash())
                          .field("build_date", b.date())
                          .field("build_snapshot", b.isSnapshot())
                          .field("lucene_version", Version.LATEST.toString())
                          .field("minimum_wire_compatibility_version", b.minWireCompatVersion())
                          .field("minimum_index_compatibility_version", b.minIndexCompatVersion())
                          .endObject()
                          .field("tagline", "You Know, for Search")
                          .endObject();
                      channel.sendResponse(new RestResponse(RestStatus.OK, x));
                    }
                  });
    }
  }
}
