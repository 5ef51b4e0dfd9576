package eu.skillsobservatory.api.cli;

import picocli.CommandLine;

/** The version from the jar's manifest. */
public class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    String v = VersionProvider.class.getPackage().getImplementationVersion();
    return new String[] {"skills-observatory " + (v == null ? "(development build)" : v)};
  }
}
