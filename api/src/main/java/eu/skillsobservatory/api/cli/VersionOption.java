package eu.skillsobservatory.api.cli;

import eu.skillsobservatory.analytics.esco.EscoVersion;
import java.util.Optional;
import picocli.CommandLine.Option;

/** The {@code --esco-version} option of the commands that read one version. */
public class VersionOption {
  @Option(
      names = "--esco-version",
      paramLabel = "vX.Y.Z",
      description = "The ESCO version (default: the newest loaded).")
  String version;

  public Optional<EscoVersion> version() {
    return version == null ? Optional.empty() : Optional.of(EscoVersion.parse(version));
  }
}
