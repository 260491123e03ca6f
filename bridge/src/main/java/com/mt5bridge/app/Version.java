package com.mt5bridge.app;

/** The bridge's version, from the jar manifest; "dev" when run from classes. */
final class Version {

  private Version() {}

  static String current() {
    String version = Version.class.getPackage().getImplementationVersion();
    return version == null ? "dev" : version;
  }
}
